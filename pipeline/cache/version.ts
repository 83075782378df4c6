import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sourceHash } from '../../scripts/source-hash.mjs';
import { projectRoot } from '../paths.js';
import { sha256 } from './codec.js';

let computed: Promise<string> | undefined;

/**
 * package.json's version plus the hash of every pipeline source file (the same hash that tells
 * bin/monitor.js whether the bundle is current), computed once per process: any change to the code
 * invalidates every cache entry, with no version bump to remember.
 */
export function pipelineVersion(): Promise<string> {
  computed ??= (async () => {
    const pkg = JSON.parse(await readFile(path.join(projectRoot, 'package.json'), 'utf8')) as { version?: string };
    return sha256(pkg.version ?? '0', sourceHash(projectRoot));
  })();
  return computed;
}
