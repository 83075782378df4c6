/**
 * Small-cell disclosure: a count of 1 or 2 responding cities in a country can tell a reader
 * which city answered, even when it asked not to be named (a country may have only one or two
 * member cities). Counts of cities per country below `minCountryCount` are never printed:
 * tables merge such countries into one row and notes say "fewer than 3".
 * Documented in docs/authoring.md#no-singling-out.
 */
export const minCountryCount = 3;

/** "12", or "fewer than 3" for a count that could single a city out. */
export function safeCount(n: number, format: (n: number) => string): string {
  return n < minCountryCount ? `fewer than ${minCountryCount}` : format(n);
}
