/**
 * The drawing shared by stacked and diverging bars: one row per group, segments with
 * precomputed x/x2 (in percentage units), value labels inside wide-enough segments in a colour
 * chosen for contrast, and a text legend on top. Suppressed groups have no row (groups.ts).
 */
import type { Locale } from '../../locale/index.js';
import type { TopLevelSpec } from 'vega-lite';
import { percent, round1 } from './format.js';
import { estimateText, fitWidthOf, ink, legendColumns, rowLabelWidth, sizes, textOn, themeConfig, width } from './theme.js';

export interface Segment {
  readonly row: string;
  readonly part: string;
  readonly pct: number;
  readonly x: number;
  readonly x2: number;
}

export interface SegmentChart {
  /** Row labels, top to bottom. */
  readonly rows: readonly string[];
  /** Part labels in legend order, with their colours. */
  readonly parts: readonly { readonly label: string; readonly colour: string }[];
  readonly segments: readonly Segment[];
  readonly domain: readonly [number, number];
  /** Draw a vertical rule at x = 0 (the neutral midpoint). */
  readonly centreRule: boolean;
  readonly locale: Locale;
  /** Drawing width in px (theme width, or narrowWidth for the phone variant). */
  readonly width?: number;
}


export function segmentSpec(chart: SegmentChart): TopLevelSpec {
  const colourOf = new Map(chart.parts.map((p) => [p.label, p.colour]));
  // Plot width as Vega will lay it out; a segment too narrow for its label carries none (the
  // data table has the value).
  const w = chart.width ?? width;
  const plot = w - 8 - rowLabelWidth(chart.rows);
  const pxPerUnit = plot / (chart.domain[1] - chart.domain[0]);
  const fits = (pct: number, text: string) => pct * pxPerUnit >= estimateText(text, sizes.value) * 0.8 + 4;
  // A slice too thin for its label is labelled outside, just under the bar, in ink on the page;
  // a label that would collide with its neighbour there is left to the data table.
  const outside = new Map<string, number>(); // row → right edge (px) of its last outside label
  const values = chart.segments.map((s) => {
    const text = percent(s.pct, chart.locale);
    const mid = (s.x + s.x2) / 2;
    let place: 'in' | 'out' | 'none' = 'in';
    if (!fits(s.pct, text)) {
      const half = estimateText(text, sizes.value) / 2;
      const centre = (mid - chart.domain[0]) * pxPerUnit;
      const free = outside.get(s.row) ?? -Infinity;
      place = centre - half >= free + 4 ? 'out' : 'none';
      if (place === 'out') outside.set(s.row, centre + half);
    }
    return {
      kind: 'segment',
      row: s.row,
      part: s.part,
      pct: round1(s.pct),
      x: round1(s.x),
      x2: round1(s.x2),
      mid: round1(mid),
      text: place === 'in' ? text : '',
      outText: place === 'out' ? text : '',
      textFill: textOn(colourOf.get(s.part) ?? '#000000'),
    };
  });
  const below = outside.size > 0 ? sizes.value + 4 : 0;
  const x = { type: 'quantitative', scale: { domain: [...chart.domain], nice: false, zero: false }, axis: null } as const;
  const y = {
    field: 'row',
    type: 'nominal',
    sort: null,
    scale: { domain: [...chart.rows] },
    title: null, axis: { domain: false, ticks: false, labelPadding: 8, labelLimit: 320 },
  } as const;
  // The centre rule goes first, behind the bars: it shows between rows, never over a label.
  const layers: unknown[] = [];
  if (chart.centreRule) {
    layers.push({
      data: { values: [{ x: 0 }] },
      mark: { type: 'rule', stroke: ink, strokeWidth: 1 },
      encoding: { x: { field: 'x', ...x } },
    });
  }
  layers.push(
    {
      transform: [{ filter: "datum.kind === 'segment'" }],
      mark: { type: 'bar', height: sizes.barBand, stroke: '#ffffff', strokeWidth: 1 },
      encoding: {
        y,
        x: { field: 'x', ...x },
        x2: { field: 'x2' },
        fill: {
          field: 'part',
          type: 'nominal',
          scale: { domain: chart.parts.map((p) => p.label), range: chart.parts.map((p) => p.colour) },
          legend: { title: null, orient: 'top', direction: 'horizontal', columns: legendColumns(chart.parts.map((p) => p.label), plot), symbolStrokeWidth: 0 },
        },
      },
    },
    {
      transform: [{ filter: "datum.kind === 'segment' && datum.text !== ''" }],
      mark: { type: 'text', align: 'center', baseline: 'middle', fontSize: sizes.value },
      encoding: {
        y,
        x: { field: 'mid', ...x },
        text: { field: 'text' },
        fill: { field: 'textFill', type: 'nominal', scale: null },
      },
    },
    {
      transform: [{ filter: "datum.kind === 'segment' && datum.outText !== ''" }],
      mark: { type: 'text', align: 'center', baseline: 'top', dy: sizes.barBand / 2 + 2, fontSize: sizes.value, fill: ink },
      encoding: { y, x: { field: 'mid', ...x }, text: { field: 'outText' } },
    },
  );
  return {
    ...fitWidthOf(w),
    height: { step: sizes.barBand + 8 + below },
    data: { values },
    layer: layers,
    config: themeConfig(),
  } as unknown as TopLevelSpec;
}
