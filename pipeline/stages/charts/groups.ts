/**
 * Rows for stacked and diverging charts: the whole sample and, with `by`, one row per group.
 * A suppressed group keeps its label and n and nothing else (the survey stage gives it no
 * aggregate, so no percentage can reach the chart).
 */
import type { Breakdown, CategoricalAggregate, MissingShare, QuestionAggregate, ScaleAggregate } from '../../model/survey.js';
import type { DataTable, TableCell, TableColumn } from '../../model/figure.js';
import { nEquals } from './format.js';
import { minCountryCount } from '../survey/disclosure.js';

export type ShareAggregate = CategoricalAggregate | ScaleAggregate;

export interface GroupRow {
  readonly label: string;
  readonly name: string;
  readonly n: number;
  readonly aggregate: ShareAggregate | undefined;
}

export function isShareAggregate(a: QuestionAggregate): a is ShareAggregate {
  return a.kind === 'categorical' || a.kind === 'scale';
}

export function groupRows(total: ShareAggregate, breakdown: Breakdown | undefined, language: string): GroupRow[] {
  const rows: GroupRow[] = [{ name: 'All cities', label: `All cities (${nEquals(total.n, language)})`, n: total.n, aggregate: total }];
  for (const g of breakdown?.groups ?? []) {
    const aggregate = !g.suppressed && isShareAggregate(g.aggregate) && !g.aggregate.suppressed ? g.aggregate : undefined;
    rows.push({ name: g.label, label: `${g.label} (${nEquals(g.n, language)})`, n: g.n, aggregate });
  }
  return rows;
}

/**
 * Groups below the minimum base get no row at all (an empty row reads as a zero and wastes
 * space); one line under the chart names them with their n instead.
 */
export function splitSuppressed(rows: readonly GroupRow[]): { shown: GroupRow[]; hidden: GroupRow[] } {
  return { shown: rows.filter((r) => r.aggregate), hidden: rows.filter((r) => !r.aggregate) };
}

export function suppressionNote(hidden: readonly GroupRow[], minBase: number, language: string): string[] {
  if (hidden.length === 0) return [];
  // A country group of 1 or 2 cities says which cities answered: print "fewer than k" instead.
  const list = hidden.map((r) => `${r.name} (${r.n < minCountryCount ? `n < ${minCountryCount}` : nEquals(r.n, language)})`).join(', ');
  return [`Not shown, fewer than ${minBase} responses: ${list}.`];
}

/** One label for the muted "don't know / no answer" segment, from the kinds that occur. */
export function missingLabel(rows: readonly GroupRow[]): string | undefined {
  const kinds = new Set<MissingShare['kind']>();
  for (const r of rows) for (const m of r.aggregate?.missing ?? []) if (m.count > 0) kinds.add(m.kind);
  if (kinds.size === 0) return undefined;
  if (kinds.size === 2) return "Don't know or no answer";
  return kinds.has('dont-know') ? "Don't know" : 'No answer';
}

export function missingPct(aggregate: ShareAggregate): number {
  return aggregate.missing.reduce((s, m) => s + (m.pct ?? 0), 0);
}

/** The data table of a stacked or diverging chart, with the note on groups left out for their base. */
export function groupsTable(
  shown: readonly GroupRow[],
  hidden: readonly GroupRow[],
  categories: readonly { code: string; label: string }[],
  muted: string | undefined,
  groupHeader: string,
  minBase: number,
  language: string,
): { table: DataTable; notes: string[] } {
  const notes = suppressionNote(hidden, minBase, language);
  return { table: { ...groupTable(shown, categories, muted, groupHeader), notes }, notes };
}

/** Group | n | one column per category | muted column; suppressed groups get empty cells. */
export function groupTable(
  rows: readonly GroupRow[],
  categories: readonly { code: string; label: string }[],
  muted: string | undefined,
  groupHeader: string,
): { columns: TableColumn[]; rows: TableCell[][] } {
  const columns: TableColumn[] = [
    { key: 'group', label: groupHeader },
    { key: 'n', label: 'n', numeric: true },
    ...categories.map((c) => ({ key: `pct-${c.code}`, label: `${c.label} (%)`, numeric: true, percent: true })),
    ...(muted ? [{ key: 'pct-missing', label: `${muted} (%)`, numeric: true, percent: true }] : []),
  ];
  const body = rows.map((r): TableCell[] => {
    const a = r.aggregate;
    const cells: TableCell[] = categories.map((c) => {
      const pct = a?.shares.find((s) => s.code === c.code)?.pct;
      return pct === null || pct === undefined ? null : pct;
    });
    if (muted) cells.push(a ? missingPct(a) : null);
    return [r.name, r.n, ...cells];
  });
  return { columns, rows: body };
}
