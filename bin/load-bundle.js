// Loads dist/cli.cjs (scripts/bundle.mjs) with V8's code cache, one cache per command. Node 20
// keeps no compiled code for ES modules: compiling the bundle on every start took about a tenth
// of a one-essay rebuild. The cache is made after a command's first run from this bundle, so it
// holds the functions that command compiled; a cache V8 refuses (another Node, a damaged file) is
// replaced after the run. V8 checks only the source's length, so each cache is named by a hash of
// the bundle too: a bundle changed in place never runs an older bundle's code. The caches live in
// dist/, which a new bundle replaces as a whole.
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

/**
 * The bundle's exports, and `saveCache()`, which writes the code cache when there was none to use.
 * `command` names the cache; `importer` is the caller's import(), for packages that are ES modules only.
 */
export function loadCommonJsBundle(file, command, importer) {
  const bytes = readFileSync(file);
  const version = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  const cacheFile = path.join(path.dirname(file), 'code-cache', `${/^[a-z][a-z-]{0,30}$/.test(command) ? command : 'other'}-${version}.bin`);
  // The bundle is ASCII (scripts/bundle.mjs): read as Latin-1, it becomes a one-byte string at once.
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // first run of this command from this bundle
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __monitorImport) {${source}\n})`, { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file), importer);
  const stale = cachedData === undefined || script.cachedDataRejected === true;
  return {
    exports: module.exports,
    /** Whether V8 took its compiled code from the cache. */
    cacheUsed: !stale,
    saveCache() {
      if (!stale) return;
      const temp = `${cacheFile}.${process.pid}.tmp`;
      try {
        mkdirSync(path.dirname(cacheFile), { recursive: true });
        writeFileSync(temp, script.createCachedData());
        renameSync(temp, cacheFile);
      } catch {
        rmSync(temp, { force: true }); // a read-only installation runs without the cache
      }
    },
  };
}
