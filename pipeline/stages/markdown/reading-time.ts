import type { Root } from 'hast';
import { toString } from 'hast-util-to-string';

/** Average adult silent-reading speed for non-fiction, in words per minute. */
const WORDS_PER_MINUTE = 230;

/** Words as readers count them: letters and digits, with inner apostrophes and hyphens ("city’s", "low-cost"). */
export function countWords(tree: Root): number {
  return (toString(tree).match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length;
}

/** The reading time a chapter header shows: whole minutes, at least one. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
