/** Shares for single, likert and scale_0_10 questions, with "don't know" segments apart. */
import type {
  CategoricalAggregate,
  MissingShare,
  Question,
  ResponseTable,
  ScaleAggregate,
  Share,
} from '../../model/survey.js';
import { aggregateBase, eachRow, percent, selectionSize, type Selection } from './selection.js';

interface Tally {
  readonly categories: { code: string; label: string; count: number }[];
  readonly missing: { code: string; label: string; kind: MissingShare['kind']; count: number }[];
  blank: number;
  valid: number;
  sum: number;
}

function tally(question: Question, data: ResponseTable, selection: Selection): Tally {
  const column = data.columns.get(question.columns[0] ?? '');
  const scale = question.type === 'scale_0_10';
  const categories = scale
    ? question.bands.map((b) => ({ code: b.key, label: b.label, count: 0 }))
    : question.options.map((o) => ({ code: String(o.code), label: o.label, count: 0 }));
  // Score or code → category index; a 0–10 score maps through its band.
  const index = new Map<number, number>();
  if (scale) question.bands.forEach((b, i) => { for (let v = b.min; v <= b.max; v++) index.set(v, i); });
  else question.options.forEach((o, i) => index.set(o.code, i));
  const missing = question.missing.map((m) => ({ code: String(m.code), label: m.label, kind: m.kind, count: 0 }));
  const missingIndex = new Map(question.missing.map((m, i) => [m.code, i]));
  const t: Tally = { categories, missing, blank: 0, valid: 0, sum: 0 };
  eachRow(selection, data.rows, (r) => {
    const v = column ? column[r]! : Number.NaN;
    if (Number.isNaN(v)) { t.blank++; return; }
    const c = index.get(v);
    if (c !== undefined) { categories[c]!.count++; t.valid++; t.sum += v; return; }
    const m = missingIndex.get(v);
    if (m !== undefined) missing[m]!.count++;
    else t.blank++; // unreachable for validated data; count as no answer rather than lose the row
  });
  return t;
}

function shares(
  question: Question,
  data: ResponseTable,
  selection: Selection,
  minBase: number,
  surveyId: string,
) {
  const t = tally(question, data, selection);
  const respondents = selectionSize(selection, data.rows);
  const n = question.base === 'valid' ? t.valid : respondents;
  const common = aggregateBase(surveyId, question, n, respondents, minBase);
  const { suppressed } = common;
  const segments = [...t.missing];
  if (t.blank > 0) segments.push({ code: 'blank', label: 'No answer', kind: 'no-answer', count: t.blank });
  return {
    t,
    base: {
      ...common,
      shares: t.categories.map((c): Share => ({ ...c, pct: percent(c.count, n, suppressed) })),
      // Missing segments are shares of every respondent, whatever the base rule.
      missing: segments
        .filter((s) => s.count > 0)
        .map((s): MissingShare => ({ ...s, pct: percent(s.count, respondents, suppressed) })),
    },
  };
}

export function aggregateCategorical(
  question: Question & { type: 'single' | 'likert' },
  data: ResponseTable,
  selection: Selection,
  minBase: number,
  surveyId: string,
): CategoricalAggregate {
  const { base } = shares(question, data, selection, minBase, surveyId);
  return { kind: 'categorical', type: question.type, ...base };
}

export function aggregateScale(
  question: Question,
  data: ResponseTable,
  selection: Selection,
  minBase: number,
  surveyId: string,
): ScaleAggregate {
  const { t, base } = shares(question, data, selection, minBase, surveyId);
  const mean = base.suppressed || t.valid === 0 ? null : t.sum / t.valid;
  return { kind: 'scale', ...base, mean };
}
