import type { ChapterKind } from '../../model/edition.js';

/**
 * The parts of the publication, in reading order, by chapter kind: the web home page groups its
 * chapter cards by them, and the PDF's contents open each run of chapters with the part's title.
 */
export const parts: readonly { readonly title: string; readonly kinds: readonly ChapterKind[] }[] = [
  { title: 'Introduction', kinds: ['foreword', 'executive-summary'] },
  { title: 'Voices from cities', kinds: ['essay'] },
  { title: 'Guest essays', kinds: ['guest-essay'] },
  { title: 'Best practices', kinds: ['case-study'] },
  { title: 'Knowledge-sharing methods', kinds: ['method'] },
  { title: 'Methodology and annexes', kinds: ['methodology', 'annex'] },
];

/** The title of the part a chapter of this kind belongs to. */
export function partOf(kind: ChapterKind): string | undefined {
  return parts.find((p) => p.kinds.includes(kind))?.title;
}
