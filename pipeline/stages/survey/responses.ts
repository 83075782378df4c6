/**
 * Read a survey CSV into a compact, column-oriented ResponseTable, checking every cell against
 * the codebook. Rows are streamed: only typed values are kept, never the row texts.
 */
import { readConsent } from './consent.js';
import type { VFile } from 'vfile';
import type { City, ResponseTable } from '../../model/survey.js';
import type { RuleId } from '../../diagnostics/catalogue.js';
import { report } from '../../diagnostics/report.js';
import type { Point } from 'unist';
import { readCsv, type CsvRow } from './csv.js';
import { typeCell } from './cells.js';
import type { Codebook } from './codebook.js';
import type { FileFormat } from './format.js';
import { readHeader, type Header } from './table.js';

/** Messages per rule and file before the rest are summarised (a systematic error would flood). */
const perRuleLimit = 50;

interface Column {
  readonly name: string;
  readonly at: number;
  readonly question: Codebook['questions'][number];
  readonly values: Float64Array | undefined;
}

export function readResponses(
  file: VFile,
  text: string,
  format: FileFormat,
  codebook: Codebook,
  cities: ReadonlyMap<string, City>,
  /** A city whose row in cities.csv was reported already (or a table that could not be read). */
  unreadCity: (code: string) => boolean = () => false,
): ResponseTable {
  const capacity = countLines(text);
  const { idColumn, consentColumn, consent: consentCodes, ignoreColumns } = codebook.meta;
  const emitted = new Map<RuleId, number>();
  const overflow = new Map<RuleId, Point>();
  const problem = (ruleId: RuleId, reason: string, place: Point) => {
    const count = (emitted.get(ruleId) ?? 0) + 1;
    emitted.set(ruleId, count);
    if (count <= perRuleLimit) report(file, ruleId, reason, place);
    else if (!overflow.has(ruleId)) overflow.set(ruleId, place);
  };

  let header: Header | undefined;
  let columns: Column[] = [];
  let idAt = -1;
  let consentAt = -1;
  const cityCodes: string[] = [];
  const consent = new Uint8Array(capacity);
  const firstLine = new Map<string, number>();

  const onHeader = (row: CsvRow) => {
    const h = readHeader(row);
    header = h;
    for (const d of h.duplicates) problem('csv-column-duplicate', `Column "${d.name}" appears more than once in the header`, row.cellPlace(d.at));
    const known = new Set<string>([idColumn, consentColumn, ...ignoreColumns]);
    for (const q of codebook.questions) for (const c of q.columns) known.add(c);
    h.names.forEach((name, i) => {
      if (!known.has(name) && !h.duplicates.some((d) => d.at === i)) {
        problem('csv-column-unknown', `Column "${name}" is not a column of any question in the codebook of ${codebook.meta.id}`, row.cellPlace(i));
      }
    });
    const need = (name: string, what: string) => {
      const at = h.index.get(name);
      if (at === undefined) problem('csv-column-missing', `Column "${name}" (${what}) is missing from the header`, row.cellPlace(0));
      return at ?? -1;
    };
    idAt = need(idColumn, 'city code');
    consentAt = need(consentColumn, 'consent to be named');
    columns = codebook.questions.flatMap((q) =>
      q.columns.flatMap((name) => {
        const at = need(name, `question ${q.id}`);
        if (at < 0) return [];
        return [{ name, at, question: q, values: new Float64Array(capacity).fill(Number.NaN) }];
      }),
    );
  };

  const onRow = (row: CsvRow) => {
    if (!header) return onHeader(row);
    if (row.broken || idAt < 0) return;
    const width = header.names.length;
    if (row.cells.length !== width) {
      const at = Math.min(row.cells.length, width);
      problem('csv-ragged', `Row has ${row.cells.length} cells, the header has ${width}`, row.cellPlace(at));
      return;
    }
    const code = (row.cells[idAt] ?? '').trim();
    let keep = true;
    if (!cities.has(code)) {
      keep = false;
      if (!unreadCity(code) || code === '') problem('csv-city-unknown', code === '' ? 'The city code is empty' : `City code "${code}" is not in data/cities.csv`, row.cellPlace(idAt));
    } else if (firstLine.has(code)) {
      keep = false;
      problem('csv-city-duplicate', `City ${code} already answered on line ${firstLine.get(code)}`, row.cellPlace(idAt));
    } else firstLine.set(code, row.line);
    const r = cityCodes.length;
    if (consentAt >= 0) {
      const raw = (row.cells[consentAt] ?? '').trim();
      const v = readConsent(raw, consentCodes);
      if (v === undefined) {
        problem('csv-code-unknown', `${consentColumn}: "${raw}" is not ${consentCodes.named} (may be named) or ${consentCodes.anonymous} (anonymous), nor yes/no, Y/N, true/false or 1/0`, row.cellPlace(consentAt));
      } else if (keep) consent[r] = v ? 1 : 0;
    }
    for (const col of columns) {
      const result = typeCell(row.cells[col.at] ?? '', col.question, col.name, format);
      if (!result.ok) problem(result.ruleId, result.reason, row.cellPlace(col.at));
      else if (keep && col.values) col.values[r] = result.value;
    }
    checkRanks(row, columns, problem);
    if (keep) cityCodes.push(code);
  };

  readCsv(text, format.delimiter, onRow, (p) => problem('csv-parse', p.reason, p.place));
  if (!header) report(file, 'csv-column-missing', 'The file is empty: expected a header row and one row per city', { line: 1, column: 1 });
  for (const [ruleId, place] of overflow) {
    report(file, ruleId, `${(emitted.get(ruleId) ?? 0) - perRuleLimit} more problems of this kind were not listed`, place);
  }

  const rows = cityCodes.length;
  const trimmed = new Map<string, Float64Array>();
  for (const col of columns) if (col.values) trimmed.set(col.name, rows < capacity ? col.values.slice(0, rows) : col.values);
  return { rows, cityCodes, consent: consent.slice(0, rows), columns: trimmed };
}

/** A city can name each option once across its ranks. */
function checkRanks(row: CsvRow, columns: readonly Column[], problem: (r: RuleId, reason: string, p: Point) => void): void {
  const seen = new Map<string, string>();
  for (const col of columns) {
    if (col.question.type !== 'ranking') continue;
    const raw = (row.cells[col.at] ?? '').trim();
    if (raw === '' || col.question.missing.some((m) => String(m.code) === raw)) continue;
    const key = `${col.question.id}:${raw}`;
    const first = seen.get(key);
    if (first !== undefined) problem('csv-rank-duplicate', `${col.name}: option ${raw} is already ranked in ${first}`, row.cellPlace(col.at));
    else seen.set(key, col.name);
  }
}

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
