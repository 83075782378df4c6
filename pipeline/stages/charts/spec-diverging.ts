/**
 * Likert and banded 0–10 questions: diverging stacked bars (Heiberger & Robbins 2014). The
 * neutral category straddles the centre line, negative categories extend left and positive ones
 * right; "don't know / no answer" is a muted segment to the right, after a gap, so it is
 * neither negative nor positive.
 */
import type { Locale } from '../../locale/index.js';
import { diverging5, missingColour } from './theme.js';
import { groupsTable, missingLabel, missingPct, splitSuppressed, type GroupRow } from './groups.js';
import { segmentSpec, type Segment } from './segments.js';
import type { SpecAndTable } from './spec-bars.js';

const gap = 8;

/** Colours for k ordered categories, drawn from the 5-step diverging scale. */
export const paletteIndex: Record<number, readonly number[]> = { 2: [1, 3], 3: [1, 2, 3], 4: [0, 1, 3, 4], 5: [0, 1, 2, 3, 4] };

export function canDiverge(categories: number): boolean {
  return categories in paletteIndex;
}

export function divergingBars(allRows: readonly GroupRow[], groupHeader: string, minBase: number, locale: Locale, chartWidth?: number): SpecAndTable & { notes: string[] } {
  const { shown: rows, hidden } = splitSuppressed(allRows);
  const first = rows[0]?.aggregate;
  const categories = (first?.shares ?? []).map((s) => ({ code: s.code, label: s.label }));
  const k = categories.length;
  const index = paletteIndex[k] ?? paletteIndex[5]!;
  const mid = Math.floor(k / 2); // first positive category; also the neutral one when k is odd
  const hasNeutral = k % 2 === 1;
  const muted = missingLabel(rows, locale);
  const parts = [
    ...categories.map((c, i) => ({ label: c.label, colour: diverging5[index[i] ?? 2]! })),
    ...(muted ? [{ label: muted, colour: missingColour }] : []),
  ];

  const placed: Segment[] = [];
  const mutedPct: { row: string; pct: number }[] = [];
  let extent = 10;
  for (const row of rows) {
    const a = row.aggregate;
    if (!a) continue;
    const pct = categories.map((c) => a.shares.find((s) => s.code === c.code)?.pct ?? 0);
    const half = hasNeutral ? pct[mid]! / 2 : 0;
    if (hasNeutral && pct[mid]! > 0) placed.push({ row: row.label, part: categories[mid]!.label, pct: pct[mid]!, x: -half, x2: half });
    // Left of centre, from the centre outwards.
    let left = -half;
    for (let i = mid - 1; i >= 0; i--) {
      if (pct[i]! > 0) placed.push({ row: row.label, part: categories[i]!.label, pct: pct[i]!, x: left - pct[i]!, x2: left });
      left -= pct[i]!;
    }
    let right = half;
    for (let i = hasNeutral ? mid + 1 : mid; i < k; i++) {
      if (pct[i]! > 0) placed.push({ row: row.label, part: categories[i]!.label, pct: pct[i]!, x: right, x2: right + pct[i]! });
      right += pct[i]!;
    }
    extent = Math.max(extent, -left, right);
    const m = missingPct(a);
    if (muted && m > 0) mutedPct.push({ row: row.label, pct: m });
  }
  // Symmetric about the centre, so the midpoint sits in the middle of every chart.
  const start = extent + gap;
  const segments = [...placed, ...mutedPct.map((m) => ({ row: m.row, part: muted!, pct: m.pct, x: start, x2: start + m.pct }))];
  const maxMuted = Math.max(0, ...mutedPct.map((m) => m.pct));
  const spec = segmentSpec({
    rows: rows.map((r) => r.label),
    parts,
    segments,
    domain: [-extent, maxMuted > 0 ? start + maxMuted : extent],
    centreRule: true,
    locale,
    width: chartWidth,
  });
  const { table, notes } = groupsTable(rows, hidden, categories, muted, groupHeader, minBase, locale);
  return { spec, table, notes };
}
