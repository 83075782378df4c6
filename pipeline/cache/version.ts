import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../paths.js';
import { sha256 } from './codec.js';

// From the project root, so it is the same folder whether this runs from source or the bundle.
const pipelineDir = path.join(projectRoot, 'pipeline');

let computed: Promise<string> | undefined;

/**
 * package.json's version plus a hash of every pipeline source file, computed once per process:
 * any change to the code invalidates every cache entry, with no version bump to remember.
 */
export function pipelineVersion(): Promise<string> {
  computed ??= (async () => {
    const pkg = JSON.parse(await readFile(path.join(pipelineDir, '..', 'package.json'), 'utf8')) as { version?: string };
    const entries = await readdir(pipelineDir, { recursive: true, withFileTypes: true });
    const files = entries
      .filter((e) => e.isFile() && /\.(ts|js|json)$/.test(e.name))
      .map((e) => path.join(e.parentPath, e.name))
      .sort();
    const parts: (string | Uint8Array)[] = [pkg.version ?? '0'];
    for (const file of files) parts.push(path.relative(pipelineDir, file), await readFile(file));
    return sha256(...parts);
  })();
  return computed;
}
