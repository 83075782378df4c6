/** A CSV's header row: column name → index, with unknown/duplicate detection left to callers. */
import type { CsvRow } from './csv.js';

export interface Header {
  readonly names: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  /** Names that appear more than once, with the index of each repeat. */
  readonly duplicates: readonly { name: string; at: number }[];
  readonly row: CsvRow;
}

export function readHeader(row: CsvRow): Header {
  const names = row.cells.map((c) => c.trim());
  const index = new Map<string, number>();
  const duplicates: { name: string; at: number }[] = [];
  names.forEach((name, i) => {
    if (index.has(name)) duplicates.push({ name, at: i });
    else index.set(name, i);
  });
  return { names, index, duplicates, row };
}
