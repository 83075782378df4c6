/**
 * Patterns that edition.yaml and front matter share, written once so that a chapter and the
 * edition accept the same values.
 */

/** A BCP 47 tag as editors write it: a 2–3 letter language and optional subtags (fr, de-AT, sr-Latn). */
export const LANGUAGE_TAG = /^[a-zA-Z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** Lower-case letters and digits in groups joined by single hyphens: no dot, slash, percent or space. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
