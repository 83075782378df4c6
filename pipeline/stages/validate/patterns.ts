/**
 * Patterns that edition.yaml and front matter share, written once so that a chapter and the
 * edition accept the same values.
 */

/** A BCP 47 tag as editors write it: a 2–3 letter language and optional subtags (fr, de-AT, sr-Latn). */
export const LANGUAGE_TAG = /^[a-zA-Z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** Lower-case letters and digits in groups joined by single hyphens: no dot, slash, percent or space. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Text as a slug matching SLUG_PATTERN: lower-case ASCII words joined by single dashes
 * ("Circular economy" → "circular-economy", "Łódź" → "lodz"); '' when nothing is left.
 * Not github-slugger: its heading ids keep non-ASCII letters, underscores and repeated dashes
 * ("Cities – Europe" → "cities--europe"), which file and folder names must not have.
 */
export function asciiSlug(text: string): string {
  const folded = text.replace(/[łŁ]/g, 'l').replace(/[øØ]/g, 'o').replace(/ß/g, 'ss').normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return folded.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}
