import type { CacheStore } from '../cache/store.js';
import type { Memo } from '../stages/emit-html/images.js';

/**
 * What earlier builds made in one namespace (`raster`: press images and social cards; `page`: the
 * web pages' HTML), one cache entry per key. Keys are hashes of everything that makes the value, so
 * the public and members builds share what is the same in both. A rebuild after one essay changed
 * decodes only the entries it asks for and stores only what it made anew; the pack keeps an entry
 * no build asks for only a few runs (cache/store.ts), so it does not grow with every edit.
 */
export async function openMemo<T>(cache: CacheStore | undefined, namespace: string): Promise<Memo<T> | undefined> {
  if (!cache) return undefined;
  await cache.preload([namespace]);
  return {
    get: (key) => cache.peek(namespace, key) as T | undefined,
    set: (key, value) => cache.set(namespace, key, value),
  };
}
