import type { VFile } from 'vfile';
import type { Audience } from '../model/figure.js';
import type { EditionSources } from '../stages/load/read-sources.js';
import { sha256 } from './codec.js';
import { restoreFiles, storeFiles, type StoredFile } from './messages.js';
import type { CacheStore } from './store.js';

const NAMESPACE = 'check';

/**
 * The key of a check: every source file's path and bytes and the profile (the cache folder is
 * already per pipeline version). A check reads nothing else: not the clock (the build date only
 * dates the accessibility statement's text), not the output folder, not the environment.
 */
export function checkKey(sources: EditionSources, profile: Audience): string {
  const files = [...(sources.edition ? [sources.edition] : []), ...sources.chapters, ...sources.data, ...sources.styles, ...sources.assets];
  return sha256(profile, ...files.flatMap((f) => [f.path, f.bytes]));
}

/** The problems a check of exactly these sources reported last time, as files with their messages. */
export async function knownCheck(cache: CacheStore | undefined, key: string): Promise<VFile[] | undefined> {
  const stored = (await cache?.get(NAMESPACE, key)) as readonly StoredFile[] | undefined;
  return Array.isArray(stored) ? restoreFiles(stored) : undefined;
}

/** Keep what this check reported, for the next check of the same sources. */
export function rememberCheck(cache: CacheStore | undefined, key: string, files: readonly VFile[]): void {
  cache?.set(NAMESPACE, key, storeFiles(files));
}
