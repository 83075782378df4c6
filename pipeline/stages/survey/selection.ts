/** Which rows of a response table an aggregate looks at, and the suppression rule. */
import type { Question } from '../../model/survey.js';

/** Row indices, or undefined for every row. */
export type Selection = readonly number[] | undefined;

export function selectionSize(selection: Selection, rows: number): number {
  return selection === undefined ? rows : selection.length;
}

export function eachRow(selection: Selection, rows: number, fn: (row: number) => void): void {
  if (selection === undefined) for (let r = 0; r < rows; r++) fn(r);
  else for (const r of selection) fn(r);
}

export function suppressionReason(n: number, minBase: number): string | undefined {
  return n < minBase ? `Base below ${minBase} (n = ${n}): percentages are not shown` : undefined;
}

/** What every aggregate says about its base: which question, who counts, and whether percentages may show. */
export function aggregateBase(surveyId: string, question: Pick<Question, 'id' | 'base'>, n: number, respondents: number, minBase: number) {
  const reason = suppressionReason(n, minBase);
  return { surveyId, questionId: question.id, base: question.base, n, respondents, suppressed: reason !== undefined, reason };
}

/** Exact percentage, or null when suppressed or the base is empty. */
export function percent(count: number, base: number, suppressed: boolean): number | null {
  if (suppressed || base === 0) return null;
  return (count / base) * 100;
}
