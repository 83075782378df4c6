/**
 * This edition against the previous one: a dumbbell per category, previous as a muted grey
 * circle, current as a strong blue diamond (shape as well as colour) so this year stands out,
 * both values labelled on the outside. Scales keep their order; other answers sort by this year.
 */
import type { Locale } from '../../locale/index.js';
import type { TopLevelSpec } from 'vega-lite';
import type { YearOnYear } from '../../model/survey.js';
import type { DataTable } from '../../model/figure.js';
import { nEquals, percent, round1 } from './format.js';
import { earlier, fitWidthOf, gridColour, ink, legendColumns, primary, rowAxis, rowLabelWidth, sizes, themeConfig, width } from './theme.js';

export function dumbbell(yoy: YearOnYear, locale: Locale, ordered = false, chartWidth = width): { spec: TopLevelSpec; table: DataTable; editions: [string, string] } {
  const before = `${yoy.previous.shortTitle} (${nEquals(yoy.previous.n, locale)})`;
  const now = `${yoy.current.shortTitle} (${nEquals(yoy.current.n, locale)})`;
  const rows = yoy.rows
    .filter((r) => r.previous !== null || r.current !== null)
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (ordered ? 0 : (b.r.current ?? -1) - (a.r.current ?? -1)) || a.i - b.i)
    .map((x) => x.r);

  const values: Record<string, string | number>[] = [];
  for (const r of rows) {
    const p = r.previous === null ? undefined : round1(r.previous);
    const c = r.current === null ? undefined : round1(r.current);
    if (p !== undefined && c !== undefined) values.push({ kind: 'line', label: r.label, a: Math.min(p, c), b: Math.max(p, c) });
    // The larger value is labelled on the right, the smaller on the left.
    const cRight = c !== undefined && (p === undefined || c >= p);
    if (p !== undefined) values.push({ kind: 'dot', label: r.label, edition: before, pct: p, text: percent(r.previous!, locale), side: cRight && c !== p ? 'left' : 'right' });
    if (c !== undefined) values.push({ kind: 'dot', label: r.label, edition: now, pct: c, text: percent(r.current!, locale), side: cRight ? 'right' : 'left' });
  }
  // Equal values: one label is enough.
  const seen = new Set<string>();
  for (const v of values) {
    if (v['kind'] !== 'dot') continue;
    const key = `${v['label']}|${v['pct']}`;
    if (seen.has(key)) v['text'] = '';
    seen.add(key);
  }
  const y = { field: 'label', type: 'nominal', sort: null, scale: { domain: rows.map((r) => r.label) }, title: null, axis: rowAxis(rows.map((r) => r.label)) };
  const columns = legendColumns([before, now], chartWidth - 8 - rowLabelWidth(rows.map((r) => r.label)));
  const x = { type: 'quantitative', scale: { domain: [0, 100] }, axis: null };
  const spec = {
    ...fitWidthOf(chartWidth),
    height: { step: sizes.barBand + 8 },
    data: { values },
    layer: [
      { transform: [{ filter: "datum.kind === 'line'" }], mark: { type: 'rule', stroke: gridColour, strokeWidth: 3 }, encoding: { y, x: { field: 'a', ...x }, x2: { field: 'b' } } },
      {
        transform: [{ filter: "datum.kind === 'dot'" }],
        mark: { type: 'point', filled: true, size: 130, opacity: 1, stroke: '#ffffff', strokeWidth: 1 },
        encoding: {
          y,
          x: { field: 'pct', ...x },
          fill: { field: 'edition', type: 'nominal', scale: { domain: [before, now], range: [earlier, primary] }, legend: { title: null, orient: 'top', direction: 'horizontal', columns } },
          shape: { field: 'edition', type: 'nominal', scale: { domain: [before, now], range: ['circle', 'diamond'] }, legend: { title: null, orient: 'top', direction: 'horizontal', columns } },
        },
      },
      ...(['left', 'right'] as const).map((side) => ({
        transform: [{ filter: `datum.kind === 'dot' && datum.side === '${side}' && datum.text !== ''` }],
        mark: { type: 'text', align: side === 'left' ? 'right' : 'left', dx: side === 'left' ? -9 : 9, baseline: 'middle', fill: ink, fontSize: sizes.value },
        encoding: { y, x: { field: 'pct', ...x }, text: { field: 'text' } },
      })),
    ],
    config: themeConfig(),
  } as unknown as TopLevelSpec;

  const table: DataTable = {
    columns: [
      { key: 'label', label: locale.t('answer') },
      { key: 'previous', label: `${yoy.previous.shortTitle} (%)`, numeric: true, percent: true },
      { key: 'current', label: `${yoy.current.shortTitle} (%)`, numeric: true, percent: true },
      { key: 'change', label: locale.t('change'), numeric: true, percent: true },
    ],
    rows: rows.map((r) => [r.label, r.previous, r.current, r.previous === null || r.current === null ? null : r.current - r.previous]),
    notes: [],
  };
  return { spec, table, editions: [before, now] };
}
