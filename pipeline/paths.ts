import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's own folder: the default edition root, and where the default styles live. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The cache folder of an edition root: git-ignored, safe to delete. */
export function defaultCacheDir(root: string): string {
  return path.join(root, '.monitor-cache');
}
