/** Typing and checking one answer cell against its question. */
import type { Question } from '../../model/survey.js';
import type { RuleId } from '../../diagnostics/catalogue.js';
import { parseNumber, type FileFormat } from './format.js';

export type CellResult = { ok: true; value: number } | { ok: false; ruleId: RuleId; reason: string };

const blank: CellResult = { ok: true, value: Number.NaN };

/** Value of a cell in a column of `question` (NaN for an empty cell). */
export function typeCell(raw: string, question: Question, column: string, format: FileFormat): CellResult {
  const s = raw.trim();
  if (s === '') return blank;
  // Open answers are never published: keep only whether there was one.
  if (question.type === 'open') return { ok: true, value: 1 };
  const n = parseNumber(s, format.decimal);
  const where = `${column} (${question.id})`;
  if (n === undefined) {
    const hint = format.decimal === ',' ? ' with a decimal comma, e.g. 12,5' : ' with a decimal point, e.g. 12.5';
    return { ok: false, ruleId: 'csv-number', reason: `${where}: "${s}" is not a number${question.type === 'numeric' ? hint : ''}` };
  }
  const missing = question.missing.some((m) => m.code === n);
  switch (question.type) {
    case 'numeric': {
      const min = question.min ?? -Infinity;
      const max = question.max ?? Infinity;
      if (n < min || n > max) return { ok: false, ruleId: 'csv-out-of-range', reason: `${where}: ${s} is outside ${min}–${max}` };
      return { ok: true, value: n };
    }
    case 'scale_0_10':
      if (missing) return { ok: true, value: n };
      if (!Number.isInteger(n) || n < 0 || n > 10) {
        const codes = question.missing.map((m) => m.code).join(', ');
        return { ok: false, ruleId: 'csv-out-of-range', reason: `${where}: ${s} is not a whole score from 0 to 10${codes ? ` or a missing code (${codes})` : ''}` };
      }
      return { ok: true, value: n };
    case 'multi':
      if (n !== 0 && n !== 1) return { ok: false, ruleId: 'csv-code-unknown', reason: `${where}: ${s} is not 1 (chosen) or 0 (not chosen)` };
      return { ok: true, value: n };
    default:
      if (missing || question.options.some((o) => o.code === n)) return { ok: true, value: n };
      return {
        ok: false,
        ruleId: 'csv-code-unknown',
        reason: `${where}: code ${s} is not in the codebook (codes: ${[...question.options, ...question.missing].map((o) => o.code).join(', ')})`,
      };
  }
}
