import type { CacheStore } from '../cache/store.js';
import type { PageMemo } from '../stages/emit-html/index.js';

const NAMESPACE = 'page';

/**
 * The web pages of the last build, as one cache entry per profile: HTML by a hash of the page's
 * tree. A rebuild after one essay changes serialises only the pages whose trees changed. Only the
 * pages this build used are kept, so the entry does not grow with every edit.
 */
export async function openPageMemo(cache: CacheStore | undefined, profile: string): Promise<{ memo: PageMemo | undefined; save: () => void }> {
  if (!cache) return { memo: undefined, save: () => undefined };
  const stored = await cache.get(NAMESPACE, profile);
  const before = stored instanceof Map ? (stored as Map<string, string>) : new Map<string, string>();
  const used = new Map<string, string>();
  const memo: PageMemo = {
    get(key) {
      const html = before.get(key);
      if (html !== undefined) used.set(key, html);
      return html;
    },
    set(key, html) {
      used.set(key, html);
    },
  };
  return { memo, save: () => cache.set(NAMESPACE, profile, used) };
}
