import type { CacheStore } from '../cache/store.js';
import type { RasterMemo } from '../stages/emit-html/images.js';

const NAMESPACE = 'raster';

/**
 * The press images and social cards of the last build, as one cache entry per profile: a rebuild
 * after one essay changes draws only that essay's images. Only the images this build used are
 * kept, so the entry does not grow with every edit.
 */
export async function openRasterMemo(cache: CacheStore | undefined, profile: string): Promise<{ memo: RasterMemo | undefined; save: () => void }> {
  if (!cache) return { memo: undefined, save: () => undefined };
  const stored = await cache.get(NAMESPACE, profile);
  const before = stored instanceof Map ? (stored as Map<string, string>) : new Map<string, string>();
  const used = new Map<string, string>();
  const memo: RasterMemo = {
    get(key) {
      const base64 = before.get(key);
      if (base64 === undefined) return undefined;
      used.set(key, base64);
      return new Uint8Array(Buffer.from(base64, 'base64'));
    },
    set(key, png) {
      used.set(key, Buffer.from(png).toString('base64'));
    },
  };
  return { memo, save: () => cache.set(NAMESPACE, profile, used) };
}
