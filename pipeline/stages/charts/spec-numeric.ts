/**
 * Numeric questions: a dot plot with one dot per city (dots in the same narrow bin stack
 * upwards, so no value hides another), the median as a labelled rule, and the lowest and
 * highest value named only when that city consented. Anonymous cities are never named.
 */
import type { Locale } from '../../locale/index.js';
import type { TopLevelSpec } from 'vega-lite';
import type { NumericAggregate } from '../../model/survey.js';
import type { DataTable } from '../../model/figure.js';
import { decimal, roundTo } from './format.js';
import { fitWidthOf, ink, inkMuted, primary, sizes, themeConfig, width } from './theme.js';

const bins = 60;
const rowHeight = 9;

export function dotPlot(aggregate: NumericAggregate, locale: Locale, chartWidth = width): { spec: TopLevelSpec; table: DataTable } {
  const digits = aggregate.decimals;
  const values = aggregate.values.map((v) => ({ ...v, value: roundTo(v.value, digits) }));
  const lo = Math.min(...values.map((v) => v.value));
  const hi = Math.max(...values.map((v) => v.value));
  const step = hi > lo ? (hi - lo) / bins : 1;
  const level = new Map<number, number>();
  const dots = values.map((v) => {
    const bin = Math.floor((v.value - lo) / step);
    const y = level.get(bin) ?? 0;
    level.set(bin, y + 1);
    return { kind: 'dot', value: v.value, y };
  });
  const top = Math.max(1, ...level.values());
  const height = Math.max(80, (top + 4) * rowHeight);
  const fmt = (x: number) => decimal(x, locale, digits);
  const median = aggregate.median === null ? undefined : roundTo(aggregate.median, digits);

  const named = values.filter((v) => v.cityName !== null);
  const labels: { kind: string; value: number; y: number; text: string; side: string }[] = [];
  const low = named[0];
  const high = named[named.length - 1];
  if (low) labels.push({ kind: 'label', value: low.value, y: top + 2, text: `${low.cityName}: ${fmt(low.value)}`, side: 'left' });
  if (high && high !== low) labels.push({ kind: 'label', value: high.value, y: top + 2, text: `${high.cityName}: ${fmt(high.value)}`, side: 'right' });

  const x = {
    field: 'value',
    type: 'quantitative',
    scale: { zero: aggregate.min !== null && aggregate.min >= 0, nice: true },
    axis: { title: aggregate.unit ?? null, grid: false, tickCount: 8 },
  };
  const y = { field: 'y', type: 'quantitative', scale: { domain: [-0.5, top + 3] }, axis: null };
  const layers: unknown[] = [
    { transform: [{ filter: "datum.kind === 'dot'" }], mark: { type: 'circle', size: 42, fill: primary, opacity: 1 }, encoding: { x, y } },
    ...(['left', 'right'] as const).map((side) => ({
      transform: [{ filter: `datum.kind === 'label' && datum.side === '${side}'` }],
      mark: { type: 'text', align: side === 'left' ? 'left' : 'right', baseline: 'middle', fill: ink, fontSize: sizes.value },
      encoding: { x, y, text: { field: 'text' } },
    })),
  ];
  if (median !== undefined) {
    layers.push(
      { transform: [{ filter: "datum.kind === 'median'" }], mark: { type: 'rule', stroke: ink, strokeWidth: 1.5, strokeDash: [4, 3] }, encoding: { x } },
      {
        transform: [{ filter: "datum.kind === 'median'" }],
        mark: { type: 'text', align: 'left', baseline: 'top', dx: 4, fill: inkMuted, fontSize: sizes.value },
        encoding: { x, y: { value: 0 }, text: { field: 'text' } },
      },
    );
  }
  const data = [
    ...dots,
    ...labels,
    ...(median !== undefined ? [{ kind: 'median', value: median, text: locale.t('medianValue', { value: fmt(median) }) }] : []),
  ];
  const spec = { ...fitWidthOf(chartWidth), height, data: { values: data }, layer: layers, config: themeConfig() } as unknown as TopLevelSpec;

  const table: DataTable = {
    columns: [
      { key: 'city', label: locale.t('city') },
      { key: 'value', label: aggregate.unit ? locale.t('valueUnit', { unit: aggregate.unit }) : locale.t('value'), numeric: true },
    ],
    rows: [
      ...values.map((v) => [v.cityName ?? locale.t('anonymousCity'), v.value]),
      ...(median !== undefined ? [[locale.t('median'), median]] : []),
    ],
    notes: [locale.t('anonymousNote', { label: locale.quote(locale.t('anonymousCity')) })],
  };
  return { spec, table };
}
