import { createHash } from 'node:crypto';
import { toHtml } from 'hast-util-to-html';
import type { Edition } from '../../model/edition.js';
import { MEDIA_DIR } from '../markdown/images.js';
import type { SourceFile } from '../../model/source.js';
import { dataPackage } from './datapackage.js';
import { chartImage, drawImages, socialCardImage, type ImageJob, type Memo, type RasterFonts } from './images.js';
import { defaultFavicon } from './favicon.js';
import { cardPath, page, type PageSpec, type SiteLinks } from './layout.js';
import { caseStudiesPages, chapterPage, methodsPages, indexPage } from './pages.js';
import { searchScript } from './search-client.js';
import { openSearchIndex, searchIndex, type SearchIndexer } from './search.js';
import { ASSETS_DIR, pngName, SITEMAP_FILE } from './site-paths.js';
import { sitemap } from './sitemap.js';

import type { OutputFile } from '../../model/output.js';

export type { OutputFile };
export { drawImages, openSearchIndex, type Memo };

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

/** The edition's own documents the pages link and the site carries (the PDF, the EPUB). */
export interface SiteDocuments {
  readonly pdf?: { readonly name: string; readonly bytes: Uint8Array } | undefined;
  readonly epub?: { readonly name: string; readonly bytes: Uint8Array } | undefined;
}

/** The site as far as it can be made without the PDF and the EPUB: finishSite completes it. */
export interface SitePlan {
  readonly edition: Edition;
  readonly specs: readonly PageSpec[];
  readonly data: NonNullable<SiteLinks['data']>;
  readonly images: boolean;
  /** Every file but the pages and the documents. */
  readonly files: readonly OutputFile[];
  /** The press images and social cards to draw (drawImages), when there are fonts for them. */
  readonly jobs: readonly ImageJob[];
}

/**
 * Everything that does not depend on the other formats: the pages' content, the data package, the
 * chart files and the images to draw. Pure. The build makes it while the PDF prints.
 */
export function planSite(edition: Edition, assets: HtmlAssets): SitePlan {
  const pkg = dataPackage(edition, assets.data ?? []);
  const images = assets.raster !== undefined;
  const data = { path: pkg.zipPath, size: formatSize(pkg.zipBytes) };
  const links: SiteLinks = { data, ...(images ? { png: true, cards: true } : {}) };
  const specs = [indexPage(edition, links), ...edition.chapters.map((c) => chapterPage(edition, c, links))];
  if (edition.chapters.some((c) => c.frontMatter.caseStudy)) specs.push(...caseStudiesPages(edition));
  if (edition.chapters.some((c) => c.frontMatter.method)) specs.push(...methodsPages(edition));
  const files: OutputFile[] = [];
  const jobs: ImageJob[] = [];
  const figureLabel = edition.locale.t('figure');
  const credit = `${edition.config.title}, ${edition.config.publisher}. ${edition.locale.t('licenceLine', { licence: edition.config.licence })}`;
  for (const chapter of edition.chapters) {
    for (const figure of chapter.figures) {
      files.push({ path: `${chapter.slug}/${figure.csvName}`, contents: figure.csv });
      if (images) jobs.push(chartImage(`${chapter.slug}/${pngName(figure.csvName)}`, figure, figureLabel, credit));
    }
  }
  if (images) {
    for (const spec of specs.filter((s) => s.cardOf === undefined)) {
      const chapter = edition.chapters.find((c) => c.slug === spec.current);
      const text = { edition: edition.config.title, kind: spec.kind ?? '', title: spec.cardTitle ?? spec.title, footer: `${edition.config.publisher} · ${edition.config.year} · ${edition.config.baseUrl.replace(/^https?:\/\//, '').replace(/\/$/, '')}` };
      jobs.push(socialCardImage(cardPath(spec), text, chapter?.figures[0]));
    }
  }
  files.push(...pkg.files);
  files.push({ path: `${ASSETS_DIR}/site.css`, contents: assets.css });
  files.push({ path: `${ASSETS_DIR}/search.js`, contents: searchScript });
  files.push({ path: `${ASSETS_DIR}/favicon.svg`, contents: defaultFavicon() });
  for (const [rel, bytes] of edition.media) files.push({ path: `${MEDIA_DIR}/${rel}`, contents: bytes });
  for (const font of assets.fonts) files.push({ path: `${ASSETS_DIR}/fonts/${font.name}`, contents: font.bytes });
  if (edition.profile === 'public') {
    files.push({ path: SITEMAP_FILE, contents: sitemap(edition.config.baseUrl, specs.map((s) => s.path)) });
  }
  return { edition, specs, data, images, files, jobs };
}

/** Pages serialised by an earlier build, by a hash of what makes them: an unchanged page is neither built nor serialised again. */
export type PageMemo = Memo<string>;

/**
 * A page's HTML, memoised under a key made without building the page. page() is a function of the
 * edition, the spec and the links; what it reads of the edition (the navigation over every
 * chapter, the footer, the strings) it reads whatever the spec, so the shell of one probe page
 * (`shell`, hashed once per site) stands for it. The key is that hash, the spec's own fields, the
 * links and the page's main content. Building every page's shell to hash it would cost time in
 * proportion to pages × chapters. Same key, same bytes (tests/web/page-memo.test.ts).
 */
function pageHtml(edition: Edition, spec: PageSpec, links: SiteLinks, memo: PageMemo | undefined, shell: () => string): OutputFile {
  let key: string | undefined;
  if (memo) {
    const { main, ...own } = spec;
    key = createHash('sha256').update(shell()).update(JSON.stringify([own, links])).update(JSON.stringify(main)).digest('hex');
    const known = memo.get(key);
    if (known !== undefined) return { path: spec.path, contents: known, identity: `page:${key}` };
  }
  const html = toHtml(page(edition, spec, links), { allowDangerousHtml: true }) + '\n';
  if (key !== undefined) memo?.set(key, html);
  return { path: spec.path, contents: html, identity: key === undefined ? undefined : `page:${key}` };
}

/** The hash of the shell every page of this site shares, made once, when first asked for. */
function shellHash(edition: Edition, links: SiteLinks): () => string {
  let hash: string | undefined;
  const probe: PageSpec = { path: 'index.html', title: '', description: '', canonical: '', main: [] };
  return () => (hash ??= createHash('sha256').update(JSON.stringify(page(edition, probe, links))).digest('hex'));
}

/** The site's links: the documents' (in the header) and the plan's own. */
function siteLinks(plan: SitePlan, documents: SiteDocuments): SiteLinks {
  const { pdf, epub } = documents;
  return {
    ...(pdf ? { pdf: { name: pdf.name, size: formatSize(pdf.bytes.byteLength) } } : {}),
    ...(epub ? { epub: { name: epub.name, size: formatSize(epub.bytes.byteLength) } } : {}),
    data: plan.data,
    ...(plan.images ? { png: true, cards: true } : {}),
  };
}

/** The pages alone, with the links to the documents in their headers. Pure. */
export function sitePages(plan: SitePlan, documents: SiteDocuments, memo?: PageMemo): OutputFile[] {
  const links = siteLinks(plan, documents);
  const shell = shellHash(plan.edition, links);
  return plan.specs.map((spec) => pageHtml(plan.edition, spec, links, memo, shell));
}

/** The pages without the documents' links, and the search index over them. */
export interface IndexedPages {
  /** The pages as sitePages makes them with no documents: the finished pages when none is linked. Empty when not kept. */
  readonly pages: Promise<OutputFile[]>;
  readonly index: Promise<OutputFile[]>;
}

/**
 * The pages without the documents' links and their search index, made before the documents
 * exist (while the PDF prints). The index reads only what each page's `<main>` says
 * (data-pagefind-body) and the links are in the header, so it is the index of the finished pages
 * too (tests/web/search-early.test.ts). Each page goes to Pagefind as soon as it is serialised,
 * so Pagefind indexes one page while the next is made.
 *
 * With `keep: false` (a build that links a PDF or an EPUB, whose pages are made again with the
 * links), a page is only indexed: neither kept nor memoised, so the pages of a large edition are
 * not held in memory while the PDF prints.
 */
export function indexedPages(
  plan: SitePlan,
  memo?: PageMemo,
  options: {
    readonly keep?: boolean;
    /** The index, when opened before the plan was made (Pagefind's process starts meanwhile). */
    readonly index?: Promise<SearchIndexer>;
  } = {},
): IndexedPages {
  const keep = options.keep ?? true;
  const opening = options.index ?? openSearchIndex(plan.edition.locale.primary);
  const pages = opening.then(async (indexer) => {
    const links = siteLinks(plan, {});
    const shell = shellHash(plan.edition, links);
    const made = new Map<string, OutputFile>();
    // The searchable pages first, so Pagefind has them all as early as it can; then the rest, when kept.
    const searchable = plan.specs.filter((s) => s.searchable !== false);
    for (const spec of keep ? [...searchable, ...plan.specs.filter((s) => s.searchable === false)] : searchable) {
      const page = pageHtml(plan.edition, spec, links, keep ? memo : undefined, shell);
      if (keep) made.set(spec.path, page);
      if (spec.searchable !== false) {
        indexer.add(spec.path, String(page.contents));
        await new Promise((resolve) => setImmediate(resolve)); // let the page reach Pagefind
      }
    }
    // In the plan's order, as sitePages makes them.
    return keep ? plan.specs.map((s) => made.get(s.path) as OutputFile) : [];
  });
  // The index is finished (and Pagefind released) even when making the pages failed.
  const index = pages.then(
    async () => (await opening).finish(),
    async (error: unknown) => {
      await opening.then((indexer) => indexer.finish()).catch(() => undefined);
      throw error;
    },
  );
  return { pages, index };
}

/** The pages, with the links to the documents in their headers, and every file of the plan. Pure. */
export function finishSite(
  plan: SitePlan,
  documents: SiteDocuments,
  drawn: ReadonlyMap<string, Uint8Array> = new Map(),
  memo?: PageMemo,
  /** The pages without the documents' links, already made (indexedPages): used when no document is linked. */
  unlinked?: readonly OutputFile[],
): OutputFile[] {
  const { pdf, epub } = documents;
  const files = unlinked !== undefined && !pdf && !epub ? [...unlinked] : sitePages(plan, documents, memo);
  for (const job of plan.jobs) {
    const png = drawn.get(job.path);
    if (png === undefined) throw new Error(`The image ${job.path} was not drawn`);
    files.push({ path: job.path, contents: png });
  }
  files.push(...plan.files);
  if (pdf) files.push({ path: pdf.name, contents: pdf.bytes });
  if (epub) files.push({ path: epub.name, contents: epub.bytes });
  return files;
}

/** The HTML edition's pages and files without images (the preview's). Pure: the caller writes them. */
export function emitHtml(edition: Edition, assets: HtmlAssets, memo?: PageMemo): OutputFile[] {
  const { raster: _images, ...rest } = assets;
  return finishSite(planSite(edition, rest), assets, undefined, memo);
}

/** The search index's files, over the HTML pages among `files`. */
export function siteSearchIndex(files: readonly OutputFile[], edition: Edition): Promise<OutputFile[]> {
  const pages = files.flatMap((f) => (f.path.endsWith('.html') && typeof f.contents === 'string' ? [{ path: f.path, html: f.contents }] : []));
  return searchIndex(pages, edition.locale.primary);
}

export function formatSize(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1000))} kB`;
}
