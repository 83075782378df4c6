/**
 * Rows for stacked and diverging charts: the whole sample and, with `by`, one row per group.
 * A suppressed group keeps its label and n and nothing else (the survey stage gives it no
 * aggregate, so no percentage can reach the chart).
 */
import type { Locale } from '../../locale/index.js';
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

export function groupRows(total: ShareAggregate, breakdown: Breakdown | undefined, locale: Locale): GroupRow[] {
  const all = locale.t('allCities');
  const rows: GroupRow[] = [{ name: all, label: `${all} (${nEquals(total.n, locale)})`, n: total.n, aggregate: total }];
  const groups = (breakdown?.groups ?? []).map((g) => ({ g, name: groupName(breakdown?.by, g.key, g.label, locale) }));
  // Countries in the alphabetical order of the edition's language; regions and types keep theirs.
  if (breakdown?.by === 'country') groups.sort((a, b) => locale.compare(a.name, b.name));
  for (const { g, name } of groups) {
    const aggregate = !g.suppressed && isShareAggregate(g.aggregate) && !g.aggregate.suppressed ? g.aggregate : undefined;
    rows.push({ name, label: `${name} (${nEquals(g.n, locale)})`, n: g.n, aggregate });
  }
  return rows;
}

/** A group's name in the edition's language, by its code (region, ISO country, member type). */
function groupName(by: Breakdown['by'] | undefined, key: string, label: string, locale: Locale): string {
  if (by === 'region') return locale.regionName(key);
  if (by === 'country') return locale.countryName(key);
  if (by === 'member_type') return locale.memberTypeName(key);
  return label;
}

/**
 * Groups below the minimum base get no row at all (an empty row reads as a zero and wastes
 * space); one line under the chart names them with their n instead.
 */
export function splitSuppressed(rows: readonly GroupRow[]): { shown: GroupRow[]; hidden: GroupRow[] } {
  return { shown: rows.filter((r) => r.aggregate), hidden: rows.filter((r) => !r.aggregate) };
}

export function suppressionNote(hidden: readonly GroupRow[], minBase: number, locale: Locale): string[] {
  if (hidden.length === 0) return [];
  // A country group of 1 or 2 cities says which cities answered: print "fewer than k" instead.
  const list = hidden.map((r) => `${r.name} (${r.n < minCountryCount ? `n < ${minCountryCount}` : nEquals(r.n, locale)})`).join(', ');
  return [locale.t('notShown', { min: minBase, list })];
}

/**
 * One label for the muted "don't know / no answer" segment: the codebook's own labels of the
 * missing codes that occur (a blank cell is the catalogue's "no answer"), joined.
 */
export function missingLabel(rows: readonly GroupRow[], locale: Locale): string | undefined {
  const labels: string[] = [];
  for (const r of rows) {
    for (const m of r.aggregate?.missing ?? []) {
      const label = missingShareLabel(m, locale);
      if (m.count > 0 && !labels.includes(label)) labels.push(label);
    }
  }
  return labels.length === 0 ? undefined : labels.join(' / ');
}

/** A missing segment's label: the codebook's, or the catalogue's for blank cells. */
export function missingShareLabel(m: Pick<MissingShare, 'code' | 'label'>, locale: Locale): string {
  return m.code === 'blank' ? locale.t('noAnswer') : m.label;
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
  locale: Locale,
): { table: DataTable; notes: string[] } {
  const notes = suppressionNote(hidden, minBase, locale);
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
