import { toHtml } from 'hast-util-to-html';
import type { Edition } from '../../model/edition.js';
import { MEDIA_DIR } from '../markdown/images.js';
import type { SourceFile } from '../../model/source.js';
import { dataPackage } from './datapackage.js';
import { chartPng, socialCard, type RasterFonts } from './images.js';
import { defaultFavicon } from './favicon.js';
import { cardPath, page, type SiteLinks } from './layout.js';
import { caseStudiesPages, chapterPage, methodsPages, indexPage } from './pages.js';
import { searchScript } from './search-client.js';
import { searchIndex } from './search.js';
import { ASSETS_DIR, pngName, SITEMAP_FILE } from './site-paths.js';
import { sitemap } from './sitemap.js';

import type { OutputFile } from '../../model/output.js';

export type { OutputFile };

export interface HtmlAssets {
  /** The site stylesheet, already combined (fonts, web.css, charts.css, overrides). */
  readonly css: string;
  /** Font files, referenced from the CSS as fonts/<name>. */
  readonly fonts: readonly { readonly name: string; readonly bytes: Uint8Array }[];
  /** The PDF edition, when built or already present. */
  readonly pdf?: { readonly name: string; readonly bytes: Uint8Array };
  /** The EPUB edition, when built or already present. */
  readonly epub?: { readonly name: string; readonly bytes: Uint8Array };
  /** The edition's data/ files: codebooks and the cities table go into the data package. */
  readonly data?: readonly SourceFile[];
  /** Fonts for the rasteriser: with them, charts get press PNGs and pages social cards. */
  readonly raster?: RasterFonts;
}

/** The HTML edition as a list of files. Pure: the caller writes them. */
export function emitHtml(edition: Edition, assets: HtmlAssets): OutputFile[] {
  const pkg = dataPackage(edition, assets.data ?? []);
  const links: SiteLinks = {
    ...(assets.pdf ? { pdf: { name: assets.pdf.name, size: formatSize(assets.pdf.bytes.byteLength) } } : {}),
    ...(assets.epub ? { epub: { name: assets.epub.name, size: formatSize(assets.epub.bytes.byteLength) } } : {}),
    data: { path: pkg.zipPath, size: formatSize(pkg.zipBytes) },
    ...(assets.raster ? { png: true, cards: true } : {}),
  };
  const specs = [indexPage(edition, links), ...edition.chapters.map((c) => chapterPage(edition, c, links))];
  if (edition.chapters.some((c) => c.frontMatter.caseStudy)) specs.push(...caseStudiesPages(edition));
  if (edition.chapters.some((c) => c.frontMatter.method)) specs.push(...methodsPages(edition));
  const files: OutputFile[] = specs.map((spec) => ({ path: spec.path, contents: toHtml(page(edition, spec, links), { allowDangerousHtml: true }) + '\n' }));
  const { raster } = assets;
  const figureLabel = edition.locale.t('figure');
  const credit = `${edition.config.title}, ${edition.config.publisher}. ${edition.locale.t('licenceLine', { licence: edition.config.licence })}`;
  for (const chapter of edition.chapters) {
    for (const figure of chapter.figures) {
      files.push({ path: `${chapter.slug}/${figure.csvName}`, contents: figure.csv });
      if (raster) files.push({ path: `${chapter.slug}/${pngName(figure.csvName)}`, contents: chartPng(figure, figureLabel, credit, raster) });
    }
  }
  if (raster) {
    for (const spec of specs.filter((s) => s.cardOf === undefined)) {
      const chapter = edition.chapters.find((c) => c.slug === spec.current);
      const text = { edition: edition.config.title, kind: spec.kind ?? '', title: spec.cardTitle ?? spec.title, footer: `${edition.config.publisher} · ${edition.config.year} · ${edition.config.baseUrl.replace(/^https?:\/\//, '').replace(/\/$/, '')}` };
      files.push({ path: cardPath(spec), contents: socialCard(text, chapter?.figures[0], raster) });
    }
  }
  files.push(...pkg.files);
  files.push({ path: `${ASSETS_DIR}/site.css`, contents: assets.css });
  files.push({ path: `${ASSETS_DIR}/search.js`, contents: searchScript });
  files.push({ path: `${ASSETS_DIR}/favicon.svg`, contents: defaultFavicon() });
  for (const [rel, bytes] of edition.media) files.push({ path: `${MEDIA_DIR}/${rel}`, contents: bytes });
  for (const font of assets.fonts) files.push({ path: `${ASSETS_DIR}/fonts/${font.name}`, contents: font.bytes });
  if (assets.pdf) files.push({ path: assets.pdf.name, contents: assets.pdf.bytes });
  if (assets.epub) files.push({ path: assets.epub.name, contents: assets.epub.bytes });
  if (edition.profile === 'public') {
    files.push({ path: SITEMAP_FILE, contents: sitemap(edition.config.baseUrl, specs.map((s) => s.path)) });
  }
  return files;
}

/**
 * The whole web edition: the pages and files of emitHtml(), plus what needs a helper process or
 * heavy work (the search index). The caller writes the files; nothing is written here.
 */
export async function emitSite(edition: Edition, assets: HtmlAssets): Promise<OutputFile[]> {
  const files = emitHtml(edition, assets);
  const pages = files.flatMap((f) => (f.path.endsWith('.html') && typeof f.contents === 'string' ? [{ path: f.path, html: f.contents }] : []));
  files.push(...(await searchIndex(pages, edition.locale.primary)));
  return files;
}


export function formatSize(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1000))} kB`;
}
