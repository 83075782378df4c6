/**
 * The one rounding rule for every displayed share (docs/authoring.md#how-numbers-are-rounded):
 * each share is rounded once, half up, from its exact value. Chart labels, data tables, tiles and
 * `:stat` all go through `displayPercent`, so the same quantity always prints the same number.
 * A sum of options is the exact sum, rounded once; its parts' labels may then not add up to it
 * (26% + 11% can print as 36%), which is the honest result. The model keeps exact percentages.
 */

/**
 * Round half up (away from zero for negatives) at `decimals`. A share computed as 100·count/n in
 * binary floating point can land a hair below an exact half (12.499999…); trimming to 12
 * significant digits first restores the decimal value the counts define.
 */
export function roundHalfUp(value: number, decimals = 0): number {
  if (!Number.isFinite(value)) return value;
  const scale = 10 ** decimals;
  const clean = Number((Math.abs(value) * scale).toPrecision(12));
  const r = (Math.sign(value) * Math.floor(clean + 0.5)) / scale;
  return Object.is(r, -0) ? 0 : r;
}

/** A share as displayed: exact `count` of `n`, in percent, rounded once by the rule above. */
export function sharePercent(count: number, n: number, decimals = 0): number {
  return n === 0 ? 0 : roundHalfUp((100 * count) / n, decimals);
}

/** The displayed value of an exact percentage (0..100). */
export function displayPercent(pct: number, decimals = 0): number {
  return roundHalfUp(pct, decimals);
}
