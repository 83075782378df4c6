// A hash of the pipeline's TypeScript sources: the bundle in dist/ is used only while it matches.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

// One hash per process and root: bin/run.js and the cache version (a copy of this module inside
// the bundle) both ask for it, and reading every source twice would double the start-up cost.
const memo = (globalThis[Symbol.for('monitor.sourceHash')] ??= new Map());

export function sourceHash(root) {
  const key = resolve(root);
  let known = memo.get(key);
  if (known === undefined) {
    known = computeSourceHash(key);
    memo.set(key, known);
  }
  return known;
}

/** Record a hash computed elsewhere (bin/monitor.js, in the main thread) for this thread's `sourceHash`. */
export function knowSourceHash(root, hash) {
  memo.set(resolve(root), hash);
}

function computeSourceHash(root) {
  const dir = join(root, 'pipeline');
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
  const hash = createHash('sha256');
  for (const file of files) hash.update(relative(root, file).split(sep).join('/')).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}
