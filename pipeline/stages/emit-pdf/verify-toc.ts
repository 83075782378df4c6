import type { Edition } from '../../model/edition.js';
import type { PageLine, PageLink, PrintedPages } from './pdf-pages.js';

/** A contents entry as the edition's structure says it must be: chapters, each with its h2 sections. */
export interface ExpectedEntry {
  readonly title: string;
  /** Index of the chapter the entry is listed under. */
  readonly chapter: number;
  readonly level: 1 | 2;
}

export function expectedContents(edition: Edition): ExpectedEntry[] {
  return edition.chapters.flatMap((chapter, c) => [
    { title: chapter.frontMatter.title, chapter: c, level: 1 as const },
    ...chapter.headings.filter((h) => h.depth === 2).map((h) => ({ title: h.text, chapter: c, level: 2 as const })),
  ]);
}

export interface ContentsCheck {
  readonly checked: number;
  readonly problems: readonly string[];
  /** 0-based first page of each chapter, as the contents' links say (after checking them). */
  readonly chapterStarts: readonly number[];
}

const squash = (text: string): string => text.replace(/[\s\u00ad\u200b]+/g, '');
const folioPattern = /^(\d+|[ivxlcdm]+)$/i;

/**
 * Check every contents entry against the printed pages, three ways: the number printed beside it
 * is the folio of the page its link goes to; its heading is printed on that page (at the link's
 * destination when the PDF gives one); that page lies inside the chapter the entry is listed
 * under. Entries are paired with the PDF's links by order (the contents are the document's first
 * in-document links), and each pairing is confirmed by the entry's printed title.
 */
export function verifyContents(pages: PrintedPages, expected: readonly ExpectedEntry[]): ContentsCheck {
  const problems: string[] = [];
  const links = pages.links.slice(0, expected.length);
  if (links.length < expected.length) {
    problems.push(`the contents should have ${expected.length} entries with links, the PDF has ${links.length}`);
  }
  const chapterStarts = expected.flatMap((e, i) => (e.level === 1 ? [links[i]?.target ?? -1] : []));
  expected.forEach((want, i) => {
    const link = links[i];
    if (link === undefined) return;
    const label = `contents entry ${i + 1} "${want.title}" (page ${link.page + 1})`;
    if (!squash(link.text).includes(squash(want.title))) {
      problems.push(`${label} prints "${link.text}": the entries are out of order or one is missing`);
      return;
    }
    const printed = /(\S+)$/.exec(link.text)?.[1] ?? '';
    const folio = folioOf(pages.folios, link.target);
    if (!folioPattern.test(printed)) problems.push(`${label} has no page number`);
    else if (folio === undefined) problems.push(`${label} links to page ${link.target + 1}, which shows no page number`);
    else if (printed.toLowerCase() !== folio.toLowerCase()) problems.push(`${label} says p. ${printed}, but its link goes to the page numbered ${folio}`);
    if (!headingAt(pages.lines[link.target] ?? [], want.title, link)) {
      problems.push(`${label}: its heading is not printed where its link goes (page ${link.target + 1})`);
    }
    const start = chapterStarts[want.chapter] ?? -1;
    const next = chapterStarts[want.chapter + 1] ?? pages.lines.length;
    if (want.level === 2 && (link.target < start || link.target >= next)) {
      problems.push(`${label} links to page ${link.target + 1}, outside its chapter (pages ${start + 1}–${next})`);
    }
  });
  return { checked: Math.min(links.length, expected.length), problems, chapterStarts };
}

/** The folio printed on a page; a page without one (a chapter opening) counts on from a neighbour. */
export function folioOf(folios: readonly (string | undefined)[], page: number): string | undefined {
  const own = folios[page];
  if (own !== undefined) return own;
  const next = folios[page + 1];
  if (next !== undefined && /^\d+$/.test(next)) return String(Number(next) - 1);
  const before = folios[page - 1];
  if (before !== undefined && /^\d+$/.test(before)) return String(Number(before) + 1);
  return undefined;
}

/**
 * Is `title` printed as a heading on these lines: one or more whole lines that read the title
 * (maybe after a chapter number), at the link's destination when the PDF gives its height?
 */
export function headingAt(lines: readonly PageLine[], title: string, link: Pick<PageLink, 'targetY'>): boolean {
  const want = squash(title);
  if (want === '') return false;
  for (let i = 0; i < lines.length; i++) {
    let text = '';
    for (let j = i; j < lines.length && text.length < want.length + 12; j++) {
      text += squash(lines[j]?.text ?? '');
      if (text.endsWith(want) && text.length - want.length <= 12 && /^(?:\p{L}*[\dIVXLC.]+)?$/iu.test(text.slice(0, text.length - want.length))) {
        const y = lines[i]?.y ?? 0;
        // The destination is the top of the heading's box; its first baseline sits a little below.
        if (link.targetY === undefined || (y <= link.targetY + 4 && y >= link.targetY - 160)) return true;
      }
    }
  }
  return false;
}
