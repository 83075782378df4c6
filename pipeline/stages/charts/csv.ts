/**
 * A figure's data table as CSV (RFC 4180, CRLF line ends, UTF-8 without BOM). Text cells that a
 * spreadsheet would read as a formula get a leading apostrophe (OWASP "CSV injection").
 */
import type { DataTable, TableCell } from '../../model/figure.js';

const formulaStart = /^[=+\-@\t\r]/;
const needsQuotes = /[",\r\n]/;

/** Neutralise a text cell that a spreadsheet would evaluate. */
export function defuse(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

/** Quote a field when RFC 4180 requires it. */
export function quote(field: string): string {
  return needsQuotes.test(field) || field !== field.trim() ? `"${field.replaceAll('"', '""')}"` : field;
}

function cell(value: TableCell): string {
  if (value === null) return '';
  // Numbers are written plainly (a negative number is data, not a formula); "-0" is not.
  if (typeof value === 'number') return Number.isFinite(value) ? String(Object.is(value, -0) ? 0 : value) : '';
  return quote(defuse(value));
}

export function toCsv(table: DataTable): string {
  const lines = [table.columns.map((c) => quote(defuse(c.label))).join(',')];
  for (const row of table.rows) lines.push(row.map(cell).join(','));
  return lines.join('\r\n') + '\r\n';
}
