import { toXml } from 'xast-util-to-xml';
import { x } from 'xastscript';

/** sitemap.xml for the public edition, built as a tree. Page paths are relative to baseUrl. */
export function sitemap(baseUrl: string, paths: readonly string[]): string {
  const urls = paths.map((p) => x('url', [x('loc', baseUrl + p.replace(/index\.html$/, ''))]));
  const tree = x(null, [
    { type: 'instruction', name: 'xml', value: 'version="1.0" encoding="utf-8"' },
    x('urlset', { xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9' }, urls),
  ]);
  return toXml(tree) + '\n';
}
