/**
 * Chart text in the edition's typography: the quotes, apostrophes and dashes of the prose
 * (markdown/typography.ts, reused, not copied) for source notes, notes, table labels and the words
 * drawn in the SVG. Only text a reader sees is touched: Vega expressions, field names and
 * colours are left alone, and a scale domain is changed exactly as the data values it names.
 */
import type { Locale } from '../../locale/index.js';
import type { TopLevelSpec } from 'vega-lite';
import type { DataTable } from '../../model/figure.js';
import { smartenText } from '../markdown/typography.js';
import { isJsonObject, type ChartPlan, type Json } from './types.js';

/** Keys whose string values (or arrays of strings) are shown to readers. */
const shownKeys = new Set(['domain', 'title']);

function smartenShown(node: Json, locale: Locale, inValues: boolean): Json {
  if (typeof node === 'string') return inValues ? smartenText(node, locale.quotes) : node;
  if (Array.isArray(node)) return node.map((x) => smartenShown(x, locale, inValues));
  if (node === null || typeof node !== 'object') return node;
  const out: { [key: string]: Json } = {};
  for (const [k, v] of Object.entries(node)) {
    if (inValues) out[k] = smartenShown(v, locale, true); // a data row: every string is a label
    else if (k === 'title' && isJsonObject(v)) out[k] = smartenTitle(v, locale); // title parameters, or the config's title settings
    else if (k === 'values' || shownKeys.has(k)) out[k] = typeof v === 'object' || typeof v === 'string' ? smartenShown(v, locale, true) : v;
    else out[k] = smartenShown(v, locale, false);
  }
  return out;
}

/**
 * A title given as an object (`{ text, subtitle, font… }`, or the config's `title` settings): only
 * its text and subtitle are read; its font names keep their straight quotes, which CSS needs.
 */
function smartenTitle(title: { [key: string]: Json }, locale: Locale): Json {
  const out: { [key: string]: Json } = {};
  for (const [k, v] of Object.entries(title)) out[k] = k === 'text' || k === 'subtitle' ? smartenShown(v, locale, true) : v;
  return out;
}

function smartenTable(table: DataTable, locale: Locale): DataTable {
  const s = (t: string) => smartenText(t, locale.quotes);
  return {
    columns: table.columns.map((c) => ({ ...c, label: s(c.label) })),
    rows: table.rows.map((r) => r.map((c) => (typeof c === 'string' ? s(c) : c))),
    notes: table.notes.map(s),
  };
}

/** The plan with reader-facing text in typographic quotes. Custom specs keep the author's text. */
export function smartenPlan(plan: ChartPlan, locale: Locale): ChartPlan {
  const s = (t: string) => smartenText(t, locale.quotes);
  const spec = (x: TopLevelSpec | null) => (x === null || plan.kind === 'custom' ? x : (smartenShown(x as unknown as Json, locale, false) as unknown as TopLevelSpec));
  return {
    ...plan,
    summary: s(plan.summary),
    spec: spec(plan.spec)!,
    narrowSpec: spec(plan.narrowSpec),
    table: smartenTable(plan.table, locale),
    sourceNote: s(plan.sourceNote),
    notes: plan.notes.map(s),
  };
}
