import type { CacheStore } from '../cache/store.js';
import type { Memo } from '../stages/emit-html/images.js';

/**
 * What the last build made in one namespace (`raster`: press images and social cards; `page`: the
 * web pages' HTML), as one cache entry per profile: a rebuild after one essay changes makes only
 * what that essay changed. Only what this build used is kept, so the entry does not grow with
 * every edit; `save` stores it.
 */
export async function openMemo<T>(cache: CacheStore | undefined, namespace: string, profile: string): Promise<{ memo: Memo<T> | undefined; save: () => void }> {
  if (!cache) return { memo: undefined, save: () => undefined };
  const stored = await cache.get(namespace, profile);
  const before = stored instanceof Map ? (stored as Map<string, T>) : new Map<string, T>();
  const used = new Map<string, T>();
  const memo: Memo<T> = {
    get(key) {
      const value = before.get(key);
      if (value !== undefined) used.set(key, value);
      return value;
    },
    set(key, value) {
      used.set(key, value);
    },
  };
  return { memo, save: () => cache.set(namespace, profile, used) };
}
