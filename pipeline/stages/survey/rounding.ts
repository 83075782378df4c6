/** Rounding for display only: the model keeps exact percentages. */

/**
 * Round `values` to `decimals` so that the rounded values add up to the rounded sum of the
 * exact values (100 for a complete single-choice question): the largest-remainder method.
 * Ties go to the larger exact value, then to the earlier position, so the result is stable.
 */
export function roundShares(values: readonly number[], decimals = 0): number[] {
  const scale = 10 ** decimals;
  const scaled = values.map((v) => v * scale);
  const floors = scaled.map((v) => Math.floor(v));
  const target = Math.round(scaled.reduce((s, v) => s + v, 0));
  let missing = target - floors.reduce((s, v) => s + v, 0);
  const order = scaled
    .map((v, i) => ({ i, remainder: v - floors[i]!, v }))
    .sort((a, b) => b.remainder - a.remainder || b.v - a.v || a.i - b.i);
  for (let k = 0; missing > 0 && order.length > 0; k = (k + 1) % order.length, missing--) floors[order[k]!.i]!++;
  return floors.map((f) => f / scale);
}
