import type { Edition } from '../../model/edition.js';
import type { FontFile } from '../../assets/fonts.js';
import type { PrintedPages } from '../emit-pdf/pdf-pages.js';
import { contentTypeOf } from '../../assets/content-type.js';
import { fontFaceCss } from '../../assets/fonts.js';
import { MEDIA_DIR } from '../markdown/images.js';
import { chapterDocument, STYLESHEET } from './chapter.js';
import { NAV, navDocument, TITLE_PAGE } from './nav.js';
import { containerXml, packageDocument, type ManifestItem } from './package.js';
import { placePageBreaks, type PageTarget } from './page-map.js';
import { titleDocument } from './title-page.js';
import { toXhtml } from './xhtml.js';
import { epubZip } from './zip.js';

export interface EpubContext {
  /** The PDF edition of the same model: its printed pages become the page list. */
  readonly pdf?: Uint8Array | undefined;
  /** The same PDF as already read back by the PDF stage; read from `pdf` when absent. */
  readonly printed?: PrintedPages | undefined;
  /** The edition's fonts, embedded. */
  readonly fonts: readonly FontFile[];
  /** styles/epub.css and styles/charts.css (with the edition's overrides). */
  readonly styles: { readonly epub: string; readonly charts: string };
}

export interface EpubResult {
  /** `<slug>.epub`: the one file of the EPUB edition. */
  readonly files: { readonly path: string; readonly contents: Uint8Array }[];
  /** The page list, in order, and how each marker was placed. */
  readonly pages: readonly PageTarget[];
}

const ROOT = 'EPUB';
const utf8 = (text: string) => new TextEncoder().encode(text);

/** The EPUB 3 edition as one file. Pure but for reading the given PDF back; the caller writes it. */
export async function emitEpub(edition: Edition, ctx: EpubContext): Promise<EpubResult> {
  const docs = edition.chapters.map((c) => chapterDocument(edition, c));
  let pages: PageTarget[] = [];
  if (ctx.printed) pages = placePageBreaks(docs, ctx.printed);
  else if (ctx.pdf) {
    // pdf.js only when there is a PDF to read.
    const { readPrintedPages } = await import('../emit-pdf/pdf-pages.js');
    // A plain copy: pdf.js refuses a Node Buffer (what a file read gives).
    pages = placePageBreaks(docs, await readPrintedPages(new Uint8Array(ctx.pdf), { links: false }));
  }
  const items: ManifestItem[] = [];
  const entries: { path: string; contents: Uint8Array }[] = [];
  const add = (item: ManifestItem, contents: Uint8Array) => {
    items.push(item);
    entries.push({ path: `${ROOT}/${item.href}`, contents });
  };
  const xhtml = 'application/xhtml+xml';
  // The contents are a page of the book too (after the title page), so links to them are in the spine.
  add({ id: 'title-page', href: TITLE_PAGE, mediaType: xhtml, spine: true }, utf8(toXhtml(titleDocument(edition))));
  add({ id: 'nav', href: NAV, mediaType: xhtml, properties: 'nav', spine: true }, utf8(toXhtml(navDocument(edition, pages))));
  docs.forEach((d, i) => add({ id: `chapter-${i + 1}`, href: d.href, mediaType: xhtml, properties: d.hasSvg ? 'svg' : undefined, spine: true }, utf8(toXhtml(d.html))));
  const css = [fontFaceCss(ctx.fonts, (f) => `../fonts/${f.name}`), ctx.styles.epub, ctx.styles.charts].join('\n');
  add({ id: 'css', href: STYLESHEET, mediaType: 'text/css' }, utf8(css));
  ctx.fonts.forEach((f, i) => add({ id: `font-${i + 1}`, href: `fonts/${f.name}`, mediaType: 'font/woff2' }, f.bytes));
  [...edition.media].sort(([a], [b]) => (a < b ? -1 : 1)).forEach(([rel, bytes], i) => add({ id: `media-${i + 1}`, href: `${MEDIA_DIR}/${rel}`, mediaType: contentTypeOf(rel) }, bytes));
  const hasTables = edition.chapters.some((c) => c.figures.length > 0);
  const opf = packageDocument(edition, items, { pageList: pages.length > 0, hasTables });
  const zip = await epubZip(
    [{ path: 'META-INF/container.xml', contents: utf8(containerXml(`${ROOT}/package.opf`)) }, { path: `${ROOT}/package.opf`, contents: utf8(opf) }, ...entries],
    edition.buildDate,
  );
  return { files: [{ path: `${edition.config.slug}.epub`, contents: zip }], pages };
}
