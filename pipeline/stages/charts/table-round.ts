/**
 * One table, two roundings, both from the exact values: the table on the page prints each share
 * as the chart labels do (whole percent, half up: survey/rounding.ts); the CSV download keeps one
 * decimal and says so in its header, for readers who recompute.
 */
import type { DataTable, TableCell } from '../../model/figure.js';
import { roundHalfUp } from '../survey/rounding.js';
import { toCsv } from './csv.js';

function mapPercent(table: DataTable, decimals: number, relabel: (label: string) => string): DataTable {
  const percentAt = table.columns.map((c) => c.percent === true);
  return {
    columns: table.columns.map((c) => (c.percent ? { ...c, label: relabel(c.label) } : c)),
    rows: table.rows.map((row) => row.map((cell, i): TableCell => (percentAt[i] && typeof cell === 'number' ? roundHalfUp(cell, decimals) : cell))),
    notes: table.notes,
  };
}

/** The table readers see beside the chart: shares as the labels print them. */
export function shownTable(exact: DataTable): DataTable {
  return mapPercent(exact, 0, (l) => l);
}

/** The CSV download: shares with one decimal, marked in the column header. */
export function csvTable(exact: DataTable): DataTable {
  return mapPercent(exact, 1, (l) => (/\(%\)$/.test(l) ? l.replace(/\(%\)$/, '(%, one decimal)') : `${l} (one decimal)`));
}

export function finishTable(exact: DataTable): { table: DataTable; csv: string } {
  return { table: shownTable(exact), csv: toCsv(csvTable(exact)) };
}
