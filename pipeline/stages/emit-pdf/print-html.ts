import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import type { Element, Root } from 'hast';
import type { Chapter, Edition } from '../../model/edition.js';
import { printChapter, printId, walkElements, type ChapterContext, type PrintChapter } from './chapter-print.js';
import { backCover, cover, documentTitle, imprint, tableOfContents } from './front.js';
import { printCsp } from './isolation.js';
import { chapterClass, chapterPageCss } from './page-css.js';
import { fillPageRefs, markPageRefs, type PageRef } from './page-refs.js';
import type { DocHeading } from './toc.js';
import { labelsOf } from '../markdown/labels.js';

export interface PrintAssets {
  /** @font-face rules (fonts inlined as data: URLs). */
  readonly fontCss: string;
  readonly printCss: string;
  readonly chartsCss?: string | undefined;
  /** Image src as written in chapters → data: URL. */
  readonly images?: ReadonlyMap<string, string> | undefined;
  /** Date printed in the imprint (SOURCE_DATE_EPOCH or the build date). */
  readonly date?: Date | undefined;
}

export interface PrintDocument {
  readonly tree: Root;
  readonly headings: readonly DocHeading[];
  /** Keys of the TOC entries, in order: the page numbers that must be verified. */
  readonly tocKeys: readonly string[];
  /** Cross-references that print a page number, in document order. */
  readonly refs: readonly PageRef[];
}

/** Page numbers of cross-reference targets, and how many figures each number takes room for. */
export interface RefNumbers {
  readonly pages?: ReadonlyMap<string, number> | undefined;
  readonly digits: number;
}

/**
 * The whole print document as a tree. Pure: everything comes in as arguments.
 * `blankBefore` names recto headings that need a blank left-hand page before them.
 */
export function buildPrintDocument(
  edition: Edition,
  tocPages: ReadonlyMap<string, number> | undefined,
  assets: PrintAssets,
  blankBefore: ReadonlySet<string> = new Set(),
  refNumbers: RefNumbers = { digits: 2 },
): PrintDocument {
  const { config } = edition;
  const ctx = { baseUrl: config.baseUrl, locale: edition.locale, images: assets.images ?? new Map<string, string>() };
  const { chapters, refs } = printChapters(edition, ctx);
  fillPageRefs(refs, refNumbers.pages, refNumbers.digits);
  const toc = tableOfContents(
    edition.chapters.map((chapter, i) => ({ chapter, key: chapters[i]?.titleKey ?? '' })),
    tocPages,
    edition.locale,
  );
  // A blank verso carries its chapter's class but stays on the `blank` page: no head, no folio (page-css.ts).
  const blank = (key: string, previous?: Chapter): Element[] =>
    blankBefore.has(key) ? [h('div.blank-page', { ariaHidden: 'true', className: previous ? [chapterClass(previous)] : [] })] : [];
  const runningTitle = documentTitle(edition);
  const styles = [assets.fontCss, assets.printCss, assets.chartsCss ?? '', chapterPageCss(edition.chapters)];

  const tree: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: edition.locale.language }, [
        h('head', [
          h('meta', { charSet: 'utf-8' }),
          h('meta', { httpEquiv: 'Content-Security-Policy', content: printCsp }),
          h('title', runningTitle),
          h('meta', { name: 'author', content: config.publisher }),
          h('meta', { name: 'description', content: config.description }),
          h('meta', { name: 'keywords', content: config.keywords.join(', ') }),
          ...styles.filter((css) => css !== '').map((css) => h('style', css)),
        ]),
        h('body', [
          cover(edition),
          imprint(edition, assets.date ?? edition.buildDate),
          ...blank('contents'),
          toc,
          ...chapters.flatMap((chapter, i) => [...blank(chapter.titleKey, edition.chapters[i - 1]), chapter.section]),
          backCover(edition),
        ]),
      ]),
    ],
  };
  return {
    tree,
    headings: collectHeadings(tree),
    tocKeys: edition.chapters.flatMap((chapter, i) => [
      chapters[i]?.titleKey ?? '',
      ...chapter.headings.filter((heading) => heading.depth === 2).map((heading) => printId(chapter.slug, heading.id)),
    ]),
    refs,
  };
}

// Chapters do not change between print passes (only the contents and blank pages do), and
// rendering plus hyphenation is most of the cost of building the document: keep them per edition.
// The page references are marked once, in the shared chapters; each pass only fills in numbers.
const chapterCache = new WeakMap<Edition, { key: string; chapters: readonly PrintChapter[]; refs: readonly PageRef[] }>();

function printChapters(edition: Edition, ctx: ChapterContext): { chapters: readonly PrintChapter[]; refs: readonly PageRef[] } {
  const key = JSON.stringify([ctx.baseUrl, ctx.locale.language, [...ctx.images.keys()]]);
  const hit = chapterCache.get(edition);
  if (hit !== undefined && hit.key === key) return hit;
  const chapters = edition.chapters.map((chapter) => printChapter(chapter, ctx));
  const refs = markPageRefs({ type: 'root', children: chapters.map((c) => c.section) }, labelsOf(ctx.locale).page);
  const made = { key, chapters, refs };
  chapterCache.set(edition, made);
  return made;
}

/** The exact HTML given to Chromium. */
export function buildPrintHtml(
  edition: Edition,
  tocPages: ReadonlyMap<string, number> | undefined,
  assets: PrintAssets,
  blankBefore?: ReadonlySet<string>,
  refNumbers?: RefNumbers,
): string {
  return serialize(buildPrintDocument(edition, tocPages, assets, blankBefore, refNumbers).tree);
}

export function serialize(tree: Root, options: { readonly chartBoxes?: boolean } = {}): string {
  // Raw nodes can only come from the shared renderers (sanitized chart SVG).
  if (options.chartBoxes !== true) return toHtml(tree, { allowDangerousHtml: true });
  // For measuring, each chart is its empty <svg> element: the same box (its width, height and
  // viewBox) with nothing to draw, which makes the measuring print and its read-back cheaper.
  const swapped: { node: { value: string }; value: string }[] = [];
  const visit = (node: Root | Element): void => {
    for (const child of node.children) {
      if (child.type === 'element') visit(child);
      else if ((child as { type: string }).type === 'raw') {
        const raw = child as unknown as { value: string };
        const open = /^<svg\b[^>]*>/.exec(raw.value);
        if (open !== null && raw.value.trimEnd().endsWith('</svg>')) {
          swapped.push({ node: raw, value: raw.value });
          raw.value = `${open[0]}</svg>`;
        }
      }
    }
  };
  visit(tree);
  try {
    return toHtml(tree, { allowDangerousHtml: true });
  } finally {
    for (const { node, value } of swapped) node.value = value;
  }
}

/** Drop the chapters kept for the print passes, once the PDF is made (they are most of its memory). */
export function releasePrintChapters(edition: Edition): void {
  chapterCache.delete(edition);
}

/** Headings in reading order, as Chromium turns them into bookmarks. */
export function collectHeadings(tree: Root): DocHeading[] {
  const out: DocHeading[] = [];
  walkElements(tree, (el) => {
    if (!/^h[1-6]$/.test(el.tagName)) return;
    const id = el.properties['id'];
    out.push({
      key: typeof id === 'string' && id !== '' ? id : `#heading-${out.length + 1}`,
      text: toString(el),
      recto: el.properties['dataRecto'] !== undefined,
    });
  });
  return out;
}

/** Ids used more than once (in-document links and endnotes need them unique). */
export function duplicateIds(tree: Root): string[] {
  const seen = new Set<string>();
  const dupes = new Set<string>();
  walkElements(tree, (el: Element) => {
    const id = el.properties['id'];
    if (typeof id !== 'string') return;
    if (seen.has(id)) dupes.add(id);
    seen.add(id);
  });
  return [...dupes];
}

