/**
 * A figure's data table as CSV (RFC 4180, CRLF line ends, UTF-8 without BOM), written by
 * papaparse. Text cells that a spreadsheet would read as a formula get a leading apostrophe
 * (OWASP "CSV injection").
 */
import Papa from 'papaparse';
import type { DataTable, TableCell } from '../../model/figure.js';

/**
 * Papa's own default pattern (`/^[=+\-@\t\r].*$/`) misses a formula followed by a line break, as
 * `.` stops there; only the first character matters.
 */
const formulaStart = /^[=+\-@\t\r]/;

// Numbers are written plainly (a negative number is data, not a formula); NaN and infinities are empty.
const cell = (value: TableCell): TableCell => (typeof value === 'number' && !Number.isFinite(value) ? null : value);

export function toCsv(table: DataTable): string {
  const csv = Papa.unparse(
    { fields: table.columns.map((c) => c.label), data: table.rows.map((row) => row.map(cell)) },
    { newline: '\r\n', escapeFormulae: formulaStart },
  );
  return `${csv}\r\n`;
}
