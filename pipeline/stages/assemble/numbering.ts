import type { ChapterKind } from '../../model/edition.js';

export interface ChapterNumbering {
  /** Printed chapter number, or null when the chapter is unnumbered. */
  readonly label: string | null;
  /** Prefix of the chapter's figure and table numbers ("3" → Figure 3.1, "ES" → Figure ES.1). */
  readonly prefix: string;
}

/**
 * Front matter is unnumbered as publishers set it: a foreword or an executive summary opens the
 * book without a chapter number, and the chapters that follow count from 1. Every other kind is
 * numbered unless its front matter says `numbered: false`.
 */
export const numberedByDefault: Record<ChapterKind, boolean> = {
  foreword: false,
  'executive-summary': false,
  essay: true,
  'guest-essay': true,
  'case-study': true,
  method: true,
  methodology: true,
  annex: true,
};

/** Figure and table prefixes of unnumbered chapters: "Figure ES.1" in the executive summary. */
export const unnumberedPrefix: Record<ChapterKind, string> = {
  foreword: 'F',
  'executive-summary': 'ES',
  essay: 'E',
  'guest-essay': 'G',
  'case-study': 'C',
  method: 'K',
  methodology: 'M',
  annex: 'A',
};

/**
 * Numbers chapters in reading order, decided once for both editions. Numbered chapters count
 * 1, 2, 3…; unnumbered ones get a letter prefix for their figures and tables, with a counter
 * when two share it (a second unnumbered annex is "A2").
 */
export function numberChapters(chapters: readonly { readonly kind: ChapterKind; readonly numbered?: boolean | undefined }[]): ChapterNumbering[] {
  let next = 1;
  const prefixes = new Map<string, number>();
  return chapters.map(({ kind, numbered }) => {
    if (numbered ?? numberedByDefault[kind]) {
      const label = String(next++);
      return { label, prefix: label };
    }
    const base = unnumberedPrefix[kind];
    const seen = (prefixes.get(base) ?? 0) + 1;
    prefixes.set(base, seen);
    return { label: null, prefix: seen === 1 ? base : `${base}${seen}` };
  });
}
