/** CSV downloads: RFC 4180 quoting, formula-injection escaping, round trip through papaparse. */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../pipeline/stages/charts/csv.js';
import type { DataTable } from '../../pipeline/model/figure.js';

const formulaStart = /^[=+\-@\t\r]/;

function parse(csv: string): string[][] {
  const out = Papa.parse<string[]>(csv, { delimiter: ',', newline: '\r\n', skipEmptyLines: false });
  expect(out.errors).toEqual([]);
  // The trailing CRLF yields one empty row.
  return out.data.slice(0, -1);
}

describe('toCsv', () => {
  it('writes a header, quotes per RFC 4180 and neutralises formulas', () => {
    const table: DataTable = {
      columns: [{ key: 'a', label: 'Answer' }, { key: 'b', label: 'Share (%)', numeric: true }],
      rows: [
        ['=HYPERLINK("http://x")', 12.5],
        ['Cost, and "land"', -3.2],
        ['@SUM(A1)', null],
        ['line\nbreak', 0],
      ],
      notes: [],
    };
    expect(toCsv(table)).toBe(
      'Answer,Share (%)\r\n' +
        `"'=HYPERLINK(""http://x"")",12.5\r\n` +
        '"Cost, and ""land""",-3.2\r\n' +
        // papaparse quotes a cell it has neutralised.
        `"'@SUM(A1)",\r\n` +
        '"line\nbreak",0\r\n',
    );
  });

  it('round-trips any text cell through papaparse, adding at most a leading apostrophe and never starting with a formula character', () => {
    const cell = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.constantFrom('=1+1', '+A1', '-A1', '@x', '\tx', '\rx', '"', ',', '\r\n', ' x ', "'=x"),
      fc.tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', '"', ','), fc.string({ maxLength: 10 })).map(([a, b]) => a + b),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const table: DataTable = { columns: [{ key: 'x', label: '=x' }, { key: 'y', label: 'y' }], rows, notes: [] };
        const parsed = parse(toCsv(table));
        expect(parsed[0]).toEqual(["'=x", 'y']);
        expect(parsed).toHaveLength(rows.length + 1);
        rows.forEach((row, i) => {
          row.forEach((original, j) => {
            const back = parsed[i + 1]![j]!;
            expect(back === original || back === `'${original}`).toBe(true);
            expect(formulaStart.test(back)).toBe(false);
          });
        });
      }),
      { numRuns: 500 },
    );
  });

  it('writes numbers plainly (a negative number is data, not a formula) and is deterministic', () => {
    const table: DataTable = { columns: [{ key: 'n', label: 'n', numeric: true }], rows: [[-0], [1e-7], [Number.NaN], [42]], notes: [] };
    expect(toCsv(table)).toBe('n\r\n0\r\n1e-7\r\n\r\n42\r\n');
    expect(toCsv(table)).toBe(toCsv(table));
  });
});
