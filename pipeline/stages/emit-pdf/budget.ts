import type { Element, Root } from 'hast';
import type { Chapter, Edition } from '../../model/edition.js';

/**
 * How much one PDF edition may hold. Chromium lays the whole document out in one renderer process:
 * past these sizes it runs out of time or memory, and all it reports is a crash. Measured on the
 * sample edition (450 pages print in about 5 s), these leave room for editions many times its size.
 */
export const printBudget = {
  /** Text and markup of all chapters, charts included (bytes). */
  htmlBytes: 40_000_000,
  /** Images, which the print document inlines (bytes, before base64). */
  imageBytes: 60_000_000,
  /** HTML elements of all chapters. */
  elements: 400_000,
  /** Table rows of all chapters (about 250 pages of tables). */
  tableRows: 10_000,
  /** Footnotes of all chapters. */
  footnotes: 10_000,
} as const;

export type Budget = { readonly [K in keyof typeof printBudget]: number };
export type Measure = keyof typeof printBudget;

export interface ChapterSize {
  readonly sourcePath: string;
  readonly htmlBytes: number;
  readonly imageBytes: number;
  readonly elements: number;
  readonly tableRows: number;
  readonly footnotes: number;
}

export interface Overrun {
  readonly measure: Measure;
  readonly total: number;
  readonly limit: number;
  /** The chapter with the largest share: the one to split or shorten. */
  readonly chapter: ChapterSize;
}

const labels: Record<Measure, (n: number) => string> = {
  htmlBytes: (n) => `${mb(n)} of text and markup`,
  imageBytes: (n) => `${mb(n)} of images`,
  elements: (n) => `${n.toLocaleString('en-GB')} HTML elements`,
  tableRows: (n) => `${n.toLocaleString('en-GB')} table rows`,
  footnotes: (n) => `${n.toLocaleString('en-GB')} footnotes`,
};

export function describeMeasure(measure: Measure, n: number): string {
  return labels[measure](n);
}

function mb(n: number): string {
  return `${(n / 1e6).toFixed(1)} MB`;
}

/** Sizes of each chapter as it will be printed. */
export function measureEdition(edition: Edition): ChapterSize[] {
  return edition.chapters.map((c) => measureChapter(c, edition.media));
}

function measureChapter(chapter: Chapter, media: ReadonlyMap<string, Uint8Array>): ChapterSize {
  const size = { htmlBytes: 0, imageBytes: 0, elements: 0, tableRows: 0, footnotes: 0 };
  const images = new Set<string>();
  // Iterative walk: a deep tree must not overflow the stack here.
  const stack: (Root | Element | Root['children'][number])[] = [chapter.content];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text' || node.type === 'raw' || node.type === 'comment') size.htmlBytes += node.value.length;
    if (node.type !== 'element' && node.type !== 'root') continue;
    if (node.type === 'element') {
      size.elements += 1;
      size.htmlBytes += node.tagName.length * 2 + 5;
      if (node.tagName === 'tr') size.tableRows += 1;
      if (node.tagName === 'a' && node.properties['dataFootnoteRef'] !== undefined) size.footnotes += 1;
      const src = node.tagName === 'img' ? node.properties['src'] : undefined;
      if (typeof src === 'string') images.add(src);
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  for (const figure of chapter.figures) {
    size.htmlBytes += figure.svg.length;
    size.tableRows += figure.table.rows.length;
  }
  for (const [rel, bytes] of media) if (images.has(`../media/${rel}`)) size.imageBytes += bytes.byteLength;
  return { sourcePath: chapter.sourcePath, ...size };
}

/** Every measure over budget, each with the chapter that contributes most to it. */
export function checkBudget(sizes: readonly ChapterSize[], budget: Budget = printBudget): Overrun[] {
  const overruns: Overrun[] = [];
  for (const measure of Object.keys(budget) as Measure[]) {
    const total = sizes.reduce((n, s) => n + s[measure], 0);
    if (total <= budget[measure]) continue;
    const chapter = sizes.reduce((a, b) => (b[measure] > a[measure] ? b : a));
    overruns.push({ measure, total, limit: budget[measure], chapter });
  }
  return overruns;
}

/** The sentence for one overrun, naming the chapter that makes the document big. */
export function overrunMessage(o: Overrun): string {
  const share = o.chapter[o.measure];
  return (
    `The PDF edition is too large to print: ${describeMeasure(o.measure, o.total)} in all, over the limit of ${describeMeasure(o.measure, o.limit)}; ` +
    `this chapter holds ${describeMeasure(o.measure, share)} of it`
  );
}

/** A one-line summary of what was being printed, for an honest crash or timeout message. */
export function sizeSummary(sizes: readonly ChapterSize[]): string {
  const total = (m: Measure) => sizes.reduce((n, s) => n + s[m], 0);
  const biggest = sizes.length > 0 ? sizes.reduce((a, b) => (b.htmlBytes + b.imageBytes > a.htmlBytes + a.imageBytes ? b : a)) : undefined;
  return (
    `${sizes.length} chapters, ${mb(total('htmlBytes'))} of text and markup, ${mb(total('imageBytes'))} of images, ` +
    `${total('tableRows').toLocaleString('en-GB')} table rows, ${total('footnotes').toLocaleString('en-GB')} footnotes` +
    (biggest ? `; the largest chapter is ${biggest.sourcePath} (${mb(biggest.htmlBytes + biggest.imageBytes)})` : '')
  );
}

/**
 * A quick look at the sources, before compiling: true when the edition is clearly well within the
 * budget (under half of it by a rough count), so Chromium may start early, in parallel with the
 * compile. Otherwise it starts only once the budget has been checked on the compiled edition.
 */
export function clearlyWithinBudget(sources: { readonly chapters: readonly { readonly bytes: Uint8Array }[]; readonly assets: readonly { readonly bytes: Uint8Array }[] }, budget: Budget = printBudget): boolean {
  const images = sources.assets.reduce((n, f) => n + f.bytes.byteLength, 0);
  let bytes = 0;
  let rows = 0;
  let notes = 0;
  for (const f of sources.chapters) {
    bytes += f.bytes.byteLength;
    // Count line starts of table rows ("|") and footnote definitions ("[^"), without decoding.
    const b = f.bytes;
    for (let i = 0; i < b.length; i++) {
      if (i !== 0 && b[i - 1] !== 10) continue;
      let j = i;
      while (b[j] === 32) j++;
      if (b[j] === 124) rows++;
      else if (b[j] === 91 && b[j + 1] === 94) notes++;
    }
  }
  return images < budget.imageBytes / 2 && bytes < budget.htmlBytes / 2 && rows < budget.tableRows / 2 && notes < budget.footnotes / 2 && bytes < budget.elements;
}
