import type { StringKey } from '../../locale/index.js';
import type { ChapterKind } from '../../model/edition.js';

/**
 * The parts of the publication, in reading order, by chapter kind: the web home page groups its
 * chapter cards by them, and the PDF's contents open each run of chapters with the part's title.
 * Titles come from the locale's catalogue by `key`.
 */
export const parts: readonly { readonly key: StringKey; readonly kinds: readonly ChapterKind[] }[] = [
  { key: 'part.introduction', kinds: ['foreword', 'executive-summary'] },
  { key: 'part.essays', kinds: ['essay'] },
  { key: 'part.guest-essays', kinds: ['guest-essay'] },
  { key: 'part.case-studies', kinds: ['case-study'] },
  { key: 'part.methods', kinds: ['method'] },
  { key: 'part.annexes', kinds: ['methodology', 'annex'] },
];

/** The catalogue key of the part a chapter of this kind belongs to. */
export function partOf(kind: ChapterKind): StringKey | undefined {
  return parts.find((p) => p.kinds.includes(kind))?.key;
}
