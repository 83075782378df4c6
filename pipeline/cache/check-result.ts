import type { VFile } from 'vfile';
import { restoreFiles, storeFiles, type StoredFile } from './messages.js';
import type { CacheStore } from './store.js';

const NAMESPACE = 'check';

/**
 * The problems a check reported last time, keyed by the profile and the hash of every source
 * file (see build.ts). A check reads nothing else: not the clock (the build date only dates the
 * accessibility statement's text), not the output folder, not the environment.
 */
export async function knownCheck(cache: CacheStore | undefined, key: string): Promise<VFile[] | undefined> {
  const stored = (await cache?.get(NAMESPACE, key)) as readonly StoredFile[] | undefined;
  return Array.isArray(stored) ? restoreFiles(stored) : undefined;
}

/** Keep what this check reported, for the next check of the same sources. */
export function rememberCheck(cache: CacheStore | undefined, key: string, files: readonly VFile[]): void {
  cache?.set(NAMESPACE, key, storeFiles(files));
}
