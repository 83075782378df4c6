/**
 * Row-by-row CSV reading with exact positions. papaparse does the parsing (in `step` mode, so
 * rows are never accumulated); positions are recovered lazily, only when a cell is reported.
 */
import Papa from 'papaparse';
import type { Point } from 'unist';

export interface CsvRow {
  /** Cell texts as parsed (quotes removed). */
  readonly cells: readonly string[];
  /** 1-based physical line where the row starts (the header is line 1). */
  readonly line: number;
  /** True when the row had a quoting error (already reported); its cells are unreliable. */
  readonly broken: boolean;
  /** Position of cell `index` (1-based line and character column of its first character). */
  cellPlace(index: number): Point;
}

export interface CsvProblem {
  readonly kind: 'parse';
  readonly reason: string;
  readonly place: Point;
}

/** Sorted offsets of line starts, for offset → line:column. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  point(offset: number): Point {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
}

/** Offsets where each cell of the row starting at `start` begins (quote-aware). */
export function cellOffsets(text: string, start: number, delimiter: string): number[] {
  const offsets = [start];
  let i = start;
  let quoted = false;
  let cellStart = true;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else quoted = false;
      }
      continue;
    }
    if (ch === '"' && cellStart) { quoted = true; cellStart = false; continue; }
    if (ch === '\n' || ch === '\r') break;
    if (text.startsWith(delimiter, i)) {
      i += delimiter.length - 1;
      offsets.push(i + 1);
      cellStart = true;
      continue;
    }
    cellStart = false;
  }
  return offsets;
}

/**
 * Call `onRow` for every non-empty row (header included, as the first row) and `onProblem`
 * for quoting errors. Blank lines are skipped.
 */
export function readCsv(
  raw: string,
  delimiter: string,
  onRow: (row: CsvRow) => void,
  onProblem: (problem: CsvProblem) => void,
): void {
  // papaparse guesses one line ending from the first line; a file that mixes CRLF and LF (rows
  // pasted from another program) was then read as one long row. LF everywhere keeps every line
  // and column where it was.
  const text = raw.includes('\r\n') ? raw.replace(/\r\n/g, '\n') : raw;
  const lines = new LineIndex(text);
  // One message per problem: papaparse can report the same quote error several times.
  const reported = new Set<string>();
  let rowStart = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    step(result) {
      const start = rowStart;
      rowStart = result.meta.cursor;
      const cells = result.data;
      let broken = false;
      for (const error of result.errors) {
        if (error.type !== 'Quotes') continue;
        broken = true;
        const at = typeof error.index === 'number' ? cellContaining(text, start, delimiter, error.index) : start;
        const key = `${at} ${error.code}`;
        if (reported.has(key)) continue;
        reported.add(key);
        onProblem({ kind: 'parse', reason: quoteReason(error.code), place: lines.point(at) });
      }
      if (cells.length === 1 && cells[0] === '') return;
      let offsets: number[] | undefined;
      const line = lines.point(start).line;
      onRow({
        cells,
        line,
        broken,
        cellPlace(index) {
          offsets ??= cellOffsets(text, start, delimiter);
          return lines.point(offsets[Math.min(index, offsets.length - 1)] ?? start);
        },
      });
    },
  });
}

function cellContaining(text: string, start: number, delimiter: string, index: number): number {
  const offsets = cellOffsets(text, start, delimiter);
  let best = start;
  for (const o of offsets) if (o <= index) best = o;
  return best;
}

function quoteReason(code: string): string {
  if (code === 'MissingQuotes') return 'A quoted cell is never closed: the quote opened here has no closing quote';
  if (code === 'InvalidQuotes') return 'Malformed quotes: a quoted cell must end with a quote right before the separator or line end (write "" for a quote inside)';
  return 'Malformed quotes in this cell';
}
