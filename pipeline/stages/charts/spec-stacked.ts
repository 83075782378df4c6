/**
 * Single-choice questions by group: 100% stacked horizontal bars, one row per group with its n,
 * options in codebook order, "don't know / no answer" as a muted segment after a gap.
 */
import type { DataTable } from '../../model/figure.js';
import { categorical, missingColour } from './theme.js';
import { groupTable, missingLabel, missingPct, splitSuppressed, suppressionNote, type GroupRow } from './groups.js';
import { segmentSpec, type Segment } from './segments.js';
import type { SpecAndTable } from './spec-bars.js';

const gap = 4;

export function stackedBars(allRows: readonly GroupRow[], groupHeader: string, minBase: number, language: string): SpecAndTable & { notes: string[] } {
  const { shown: rows, hidden } = splitSuppressed(allRows);
  const first = rows[0]?.aggregate;
  const categories = (first?.shares ?? []).map((s) => ({ code: s.code, label: s.label }));
  const muted = missingLabel(rows);
  const parts = [
    ...categories.map((c, i) => ({ label: c.label, colour: categorical[i % categorical.length]! })),
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
    language,
  });
  const t = groupTable(rows, categories, muted, groupHeader);
  const notes = suppressionNote(hidden, minBase, language);
  const table: DataTable = { ...t, notes };
  return { spec, table, notes };
}
