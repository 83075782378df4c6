/** This edition against the previous one, category by category (percentage points). */
import type { City, Question, QuestionAggregate, Survey, YearOnYear, YearOnYearRow } from '../../model/survey.js';
import { aggregateQuestion } from './aggregate.js';

/** The current value comparable with the previous edition's measure. */
function currentShares(aggregate: QuestionAggregate, measure: YearOnYear['measure']): Map<string, number | null> {
  const out = new Map<string, number | null>();
  switch (aggregate.kind) {
    case 'categorical':
    case 'scale':
    case 'multi':
      for (const s of aggregate.shares) out.set(s.code, s.pct);
      break;
    case 'ranking':
      for (const s of aggregate.shares) out.set(s.code, measure === 'first-choice' ? s.firstPct : s.topPct);
      break;
    default:
      break;
  }
  return out;
}

/** Undefined when the survey has no previous figures for this question. */
export function yearOnYear(survey: Survey, question: Question, cities: ReadonlyMap<string, City>, minBase: number): YearOnYear | undefined {
  const previous = survey.previous;
  const before = previous?.questions.get(question.id);
  if (!previous || !before) return undefined;
  const aggregate = aggregateQuestion(survey, question, cities, minBase);
  const now = currentShares(aggregate, before.measure);
  const categories =
    question.type === 'scale_0_10'
      ? question.bands.map((b) => ({ code: b.key, label: b.label }))
      : question.options.map((o) => ({ code: String(o.code), label: o.label }));
  const rows = categories
    .filter((c) => now.has(c.code) || before.shares.has(c.code))
    .map((c): YearOnYearRow => {
      const p = before.shares.get(c.code) ?? null;
      const q = now.get(c.code) ?? null;
      return { code: c.code, label: c.label, previous: p, current: q, change: p === null || q === null ? null : q - p, previousN: before.n, currentN: aggregate.n };
    });
  return {
    kind: 'year-on-year',
    surveyId: survey.id,
    questionId: question.id,
    measure: before.measure,
    previous: { id: previous.id, shortTitle: previous.shortTitle, n: before.n },
    current: { id: survey.id, shortTitle: survey.shortTitle, n: aggregate.n, suppressed: aggregate.suppressed },
    rows,
  };
}
