import { PdfEmitError } from './errors.js';
import { setOutlineTitle, type OutlineItem } from './outline.js';

/** A heading of the print document, in reading order; each one becomes a bookmark. */
export interface DocHeading {
  readonly key: string;
  readonly text: string;
  /** Starts a recto section (contents, chapters): it must land on an odd, right-hand page. */
  readonly recto: boolean;
}

/** What the next print pass needs: TOC numbers, and the blank pages that put recto sections on the right. */
export interface PrintLayout {
  readonly tocPages: ReadonlyMap<string, number>;
  readonly blankBefore: ReadonlySet<string>;
  /** Page of each cross-reference's target, by print id. */
  readonly refPages: ReadonlyMap<string, number>;
  /** Figures each reference's number takes room for (page-refs.ts). */
  readonly digits: number;
}

export const emptyLayout: PrintLayout = { tocPages: new Map(), blankBefore: new Set(), refPages: new Map(), digits: 2 };

export const normalize = (text: string): string => text.replace(/[\u00ad\u200b]/g, '').replace(/\s+/g, ' ').trim();

/**
 * Chromium 156 sometimes writes a heading's text twice into its bookmark ("ContentsContents"),
 * apparently when the heading is painted twice, and loses the space at a line wrap; such titles
 * still identify the heading, and the final PDF gets the clean title back (fixOutlineTitles).
 */
export function titleMatches(bookmark: string, heading: string): boolean {
  // Chromium also drops the space where a heading wraps ("transporton track"): compare without spaces.
  const a = normalize(bookmark).replace(/\s/g, '');
  const b = normalize(heading).replace(/\s/g, '');
  if (a === b) return true;
  if (b === '' || a.length % b.length !== 0) return false;
  return a === b.repeat(a.length / b.length);
}

/**
 * Pair the document's headings with Chromium's bookmarks. Chromium names its destinations
 * `nodeNNNN`, never our ids, so the pairing is by order, checked by title.
 */
export function headingPages(headings: readonly DocHeading[], outline: readonly OutlineItem[]): Map<string, number> {
  const expected = headings.filter((h) => normalize(h.text) !== '');
  if (expected.length !== outline.length) {
    throw new PdfEmitError(
      'pdf-toc',
      `The PDF has ${outline.length} bookmarks but the print document has ${expected.length} headings; cannot tell where headings landed.`,
    );
  }
  const pages = new Map<string, number>();
  expected.forEach((heading, i) => {
    const item = outline[i];
    if (item === undefined || !titleMatches(item.title, heading.text) || item.page === undefined) {
      throw new PdfEmitError(
        'pdf-toc',
        `Bookmark ${i + 1} is "${item?.title ?? ''}" (page ${item?.page ?? '?'}), expected heading "${normalize(heading.text)}".`,
      );
    }
    pages.set(heading.key, item.page);
  });
  return pages;
}

/**
 * Chromium 156 treats `break-before: right` as a plain page break, so recto sections are put on
 * the right by inserting blank pages where the last pass placed them on a left page. Toggling
 * the blank before a misplaced section shifts it and everything after it by one page.
 */
export function planLayout(
  headings: readonly DocHeading[],
  actual: ReadonlyMap<string, number>,
  current: ReadonlySet<string>,
  refs: RefPlan = { measured: new Map(), recto: new Map() },
  pageCount = 0,
): PrintLayout {
  const blankBefore = new Set(current);
  const tocPages = new Map<string, number>();
  let shift = 0;
  for (const heading of headings) {
    const page = actual.get(heading.key);
    if (page === undefined) continue;
    if (heading.recto && (page + shift) % 2 === 0) {
      if (blankBefore.has(heading.key)) {
        blankBefore.delete(heading.key);
        shift -= 1;
      } else {
        blankBefore.add(heading.key);
        shift += 1;
      }
    }
    tocPages.set(heading.key, page + shift);
  }
  // A reference's target moves with the blank pages inserted up to the last recto heading before it.
  const refPages = new Map<string, number>();
  for (const [target, page] of refs.measured) {
    const recto = refs.recto.get(target);
    const planned = recto === undefined ? undefined : tocPages.get(recto);
    const measured = recto === undefined ? undefined : actual.get(recto);
    refPages.set(target, page + (planned !== undefined && measured !== undefined ? planned - measured : 0));
  }
  return { tocPages, blankBefore, refPages, digits: pageDigits(pageCount + blankBefore.size) };
}

/** Where the last pass put each reference's target, and the recto heading each one moves with. */
export interface RefPlan {
  readonly measured: ReadonlyMap<string, number>;
  readonly recto: ReadonlyMap<string, string | undefined>;
}

/** Figures in the highest page number (at least 2: a book of fewer than ten pages needs no room saved). */
export const pageDigits = (pages: number): number => Math.max(2, String(Math.max(0, pages)).length);

/** Differences between what a pass was built to show and where headings actually landed. */
export function layoutMismatches(headings: readonly DocHeading[], actual: ReadonlyMap<string, number>, layout: PrintLayout): string[] {
  const problems: string[] = [];
  for (const heading of headings) {
    const landed = actual.get(heading.key);
    const claimed = layout.tocPages.get(heading.key);
    if (claimed !== undefined && landed !== claimed) {
      problems.push(`"${normalize(heading.text)}" is listed on page ${claimed} but landed on page ${landed ?? '?'}`);
    }
    if (heading.recto && landed !== undefined && landed % 2 === 0) {
      problems.push(`"${normalize(heading.text)}" starts on left-hand page ${landed}`);
    }
  }
  return problems;
}

/** Give every bookmark exactly its heading's text; returns how many were corrected. */
export function fixOutlineTitles(headings: readonly DocHeading[], outline: readonly OutlineItem[]): number {
  const expected = headings.filter((h) => normalize(h.text) !== '');
  let fixed = 0;
  expected.forEach((heading, i) => {
    const item = outline[i];
    if (item !== undefined && item.title !== normalize(heading.text)) {
      setOutlineTitle(item, normalize(heading.text));
      fixed += 1;
    }
  });
  return fixed;
}
