/**
 * Single-choice questions by group: 100% stacked horizontal bars, one row per group with its n,
 * "don't know / no answer" as a muted segment after a gap. An ordered question keeps its scale
 * order and takes the diverging colours, so opposite answers get opposing hues; nominal options
 * are sorted by their share of all cities, with "Other"-like answers last.
 */
import type { Locale } from '../../locale/index.js';
import { categorical, diverging5, isResidual, missingColour } from './theme.js';
import { paletteIndex } from './spec-diverging.js';
import { groupsTable, missingLabel, missingPct, splitSuppressed, type GroupRow } from './groups.js';
import { segmentSpec, type Segment } from './segments.js';
import type { SpecAndTable } from './spec-bars.js';

const gap = 4;

export function stackedBars(allRows: readonly GroupRow[], groupHeader: string, minBase: number, locale: Locale, ordered = false, chartWidth?: number): SpecAndTable & { notes: string[] } {
  const { shown: rows, hidden } = splitSuppressed(allRows);
  const first = rows[0]?.aggregate;
  const shares = (first?.shares ?? []).map((s, i) => ({ code: s.code, label: s.label, pct: s.pct ?? 0, i }));
  const categories = ordered
    ? shares
    : [...shares].sort((a, b) => Number(isResidual(a.label)) - Number(isResidual(b.label)) || b.pct - a.pct || a.i - b.i);
  const muted = missingLabel(rows, locale);
  const scale = paletteIndex[categories.length];
  const colourAt = (i: number) => (ordered && scale ? diverging5[scale[i]!]! : categorical[i % categorical.length]!);
  const parts = [
    ...categories.map((c, i) => ({ label: c.label, colour: colourAt(i) })),
    ...(muted ? [{ label: muted, colour: missingColour }] : []),
  ];
  const segments: Segment[] = [];
  let maxMuted = 0;
  for (const row of rows) {
    const a = row.aggregate;
    if (!a) continue;
    let at = 0;
    for (const c of categories) {
      const pct = a.shares.find((s) => s.code === c.code)?.pct ?? 0;
      if (pct > 0) segments.push({ row: row.label, part: c.label, pct, x: at, x2: at + pct });
      at += pct;
    }
    const m = missingPct(a);
    if (muted && m > 0) {
      segments.push({ row: row.label, part: muted, pct: m, x: 100 + gap, x2: 100 + gap + m });
      maxMuted = Math.max(maxMuted, m);
    }
  }
  const spec = segmentSpec({
    rows: rows.map((r) => r.label),
    parts,
    segments,
    domain: [0, maxMuted > 0 ? 100 + gap + maxMuted : 100],
    centreRule: false,
    locale,
    width: chartWidth,
  });
  const { table, notes } = groupsTable(rows, hidden, categories, muted, groupHeader, minBase, locale);
  return { spec, table, notes };
}
