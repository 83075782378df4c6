/**
 * Ranked horizontal bars with direct value labels: single-choice shares, multi-select shares
 * (of respondents; totals exceed 100) and ranking questions (share naming each option in the
 * top three). Bars are sorted largest first; "don't know" and "no answer" stay at the bottom,
 * muted, whatever their size.
 */
import type { Locale } from '../../locale/index.js';
import type { TopLevelSpec } from 'vega-lite';
import type { DataTable } from '../../model/figure.js';
import { decimal, percent, round1 } from './format.js';
import { fitWidthOf, ink, isResidual, width, missingColour, primary, rowAxis, sizes, themeConfig } from './theme.js';

export interface BarItem {
  readonly label: string;
  /** Exact percentage. */
  readonly pct: number;
  readonly muted?: boolean;
}

export interface BarsInput {
  readonly items: readonly BarItem[];
  /** Header of the category column, e.g. "Answer", "Priority". */
  readonly categoryLabel: string;
  /** Header of the value column, e.g. "Share of cities (%)". */
  readonly valueLabel: string;
  readonly locale: Locale;
  /** The options form a scale: keep their order instead of sorting by size. */
  readonly ordered?: boolean;
  readonly width?: number;
  /** Values are points (ranking scores), not percentages. */
  readonly points?: boolean;
}

export interface SpecAndTable {
  readonly spec: TopLevelSpec;
  readonly table: DataTable;
}

/**
 * Largest first, ties in codebook order (or codebook order throughout for a scale); muted items
 * ("Other", "Don't know") last in their own order.
 */
export function rankItems(items: readonly BarItem[], ordered = false): BarItem[] {
  const indexed = items.map((item, i) => ({ item, i }));
  const main = indexed.filter((x) => !x.item.muted).sort((a, b) => (ordered ? 0 : b.item.pct - a.item.pct) || a.i - b.i);
  const muted = indexed.filter((x) => x.item.muted);
  return [...main, ...muted].map((x) => x.item);
}

export function rankedBars(input: BarsInput): SpecAndTable {
  const ranked = rankItems(input.items.map((item) => (isResidual(item.label) ? { ...item, muted: true } : item)), input.ordered);
  const values = ranked.map((item) => ({
    label: item.label,
    pct: round1(item.pct),
    text: input.points ? decimal(item.pct, input.locale, 0) : percent(item.pct, input.locale),
    fill: item.muted ? missingColour : primary,
  }));
  const max = Math.max(10, ...values.map((v) => v.pct));
  const spec = {
    ...fitWidthOf(input.width ?? width),
    height: { step: sizes.barBand + 4 },
    data: { values },
    encoding: {
      y: {
        field: 'label',
        type: 'nominal',
        sort: null,
        title: null, axis: rowAxis(values.map((v) => v.label)),
      },
    },
    layer: [
      {
        mark: { type: 'bar', height: sizes.barBand },
        encoding: {
          // Room on the right for the longest label.
          x: { field: 'pct', type: 'quantitative', scale: { domain: [0, max * 1.15] }, axis: null },
          fill: { field: 'fill', type: 'nominal', scale: null },
        },
      },
      {
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 5, fill: ink, fontSize: sizes.value },
        encoding: { x: { field: 'pct', type: 'quantitative' }, text: { field: 'text' } },
      },
    ],
    config: themeConfig(),
  } as unknown as TopLevelSpec;
  const table: DataTable = {
    columns: [
      { key: 'label', label: input.categoryLabel },
      { key: 'pct', label: input.valueLabel, numeric: true, percent: !input.points },
    ],
    rows: ranked.map((item) => [item.label, item.pct]),
    notes: [],
  };
  return { spec, table };
}
