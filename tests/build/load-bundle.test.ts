import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error: bin/ is plain JavaScript without types
import { loadCommonJsBundle } from '../../bin/load-bundle.js';

interface Loaded {
  exports: Record<string, unknown>;
  cacheUsed: boolean;
  saveCache(): void;
}
const load = loadCommonJsBundle as (file: string, command: string, importer: (s: string) => Promise<unknown>) => Loaded;

/**
 * One load in a new process, as each `monitor` command is: within one process V8 keeps what it
 * compiled and would not read the cache at all. Saves the cache after, as bin/run.js does.
 */
function loadInProcess(file: string, command: string): { used: boolean; sum: number } {
  const loader = pathToFileURL(path.resolve('bin/load-bundle.js')).href;
  const script = `import { loadCommonJsBundle } from ${JSON.stringify(loader)};
const l = loadCommonJsBundle(${JSON.stringify(file)}, ${JSON.stringify(command)}, (s) => import(s));
console.log(JSON.stringify({ used: l.cacheUsed, sum: l.exports.sum(2) }));
l.saveCache();`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as { used: boolean; sum: number };
}

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A small CommonJS bundle like dist/cli.cjs: exports, a require of a built-in, an import() through the loader. */
async function bundle(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'monitor-load-bundle-'));
  dirs.push(dir);
  const file = path.join(dir, 'cli.cjs');
  const body = Array.from({ length: 200 }, (_, i) => `function f${i}(x) { return x * ${i} + ${i}; }`).join('\n');
  await writeFile(
    file,
    `${body}\nconst { join } = require('node:path');\nexports.sum = (n) => { let s = 0; for (let i = 0; i < n; i++) s += f7(i); return s; };\nexports.joined = join('a', 'b');\nexports.file = __filename;\nexports.later = () => __monitorImport('node:os');\n`,
  );
  return file;
}

describe('the CommonJS bundle and its code cache (bin/load-bundle.js)', () => {
  it('runs the bundle with require, its own file name and the loader’s import()', async () => {
    const file = await bundle();
    const imported: string[] = [];
    const { exports } = load(file, 'build', async (s) => (imported.push(s), import(s)));
    expect((exports.sum as (n: number) => number)(3)).toBe(7 * 0 + 7 + 7 * 1 + 7 + 7 * 2 + 7);
    expect(exports.joined).toBe(path.join('a', 'b'));
    expect(exports.file).toBe(file);
    expect(await (exports.later as () => Promise<{ tmpdir: unknown }>)()).toHaveProperty('tmpdir');
    expect(imported).toEqual(['node:os']);
  });

  it('writes one cache per command after the first run, and the next run of that command uses it', async () => {
    const file = await bundle();
    expect(loadInProcess(file, 'build')).toEqual({ used: false, sum: 21 });
    const caches = path.join(path.dirname(file), 'code-cache');
    expect(await readdir(caches)).toEqual([expect.stringMatching(/^build-[0-9a-f]{16}\.bin$/)]);
    expect(loadInProcess(file, 'build')).toEqual({ used: true, sum: 21 });
    // Another command has no cache of its own yet.
    expect(loadInProcess(file, 'check')).toEqual({ used: false, sum: 21 });
    // A name that is not a command's cannot choose where the cache goes.
    loadInProcess(file, '../../escape');
    expect((await readdir(caches)).map((name) => name.replace(/-[0-9a-f]{16}\.bin$/, '')).sort()).toEqual(['build', 'check', 'other']);
  });

  it('a damaged cache is refused by V8 and replaced after the run', async () => {
    const file = await bundle();
    loadInProcess(file, 'build');
    const caches = path.join(path.dirname(file), 'code-cache');
    const cacheFile = path.join(caches, (await readdir(caches))[0]!);
    const good = await readFile(cacheFile);
    await writeFile(cacheFile, Buffer.alloc(good.byteLength, 7));
    expect(loadInProcess(file, 'build')).toEqual({ used: false, sum: 21 });
    expect(loadInProcess(file, 'build')).toEqual({ used: true, sum: 21 });
  });

  it('a bundle changed in place is not run with the old bundle’s cache', async () => {
    const file = await bundle();
    loadInProcess(file, 'build');
    // Same length, other code: V8 checks more than the length of the source.
    await writeFile(file, (await readFile(file, 'utf8')).replace('x * 7 + 7', 'x * 8 + 6'));
    expect(loadInProcess(file, 'build')).toEqual({ used: false, sum: 8 * 0 + 6 + 8 * 1 + 6 });
  });
});
