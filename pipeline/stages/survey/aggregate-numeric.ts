/** Numeric answers: per-city values (named only with consent), median and range. */
import type { City, NumericAggregate, NumericValue, OpenAggregate, Question, ResponseTable } from '../../model/survey.js';
import { eachRow, selectionSize, suppressionReason, type Selection } from './selection.js';

export function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function aggregateNumeric(
  question: Question,
  data: ResponseTable,
  selection: Selection,
  minBase: number,
  surveyId: string,
  cities: ReadonlyMap<string, City>,
): NumericAggregate {
  const column = data.columns.get(question.columns[0] ?? '');
  const values: NumericValue[] = [];
  eachRow(selection, data.rows, (r) => {
    const value = column ? column[r]! : Number.NaN;
    if (Number.isNaN(value)) return;
    const named = data.consent[r] === 1 ? cities.get(data.cityCodes[r]!) : undefined;
    values.push({ cityCode: named?.code ?? null, cityName: named?.name ?? null, value });
  });
  values.sort((a, b) => a.value - b.value || (a.cityName ?? '\uffff').localeCompare(b.cityName ?? '\uffff', 'en'));
  const n = values.length;
  const reason = suppressionReason(n, minBase);
  const suppressed = reason !== undefined;
  const sorted = values.map((v) => v.value);
  return {
    kind: 'numeric',
    surveyId,
    questionId: question.id,
    base: question.base,
    n,
    respondents: selectionSize(selection, data.rows),
    suppressed,
    reason,
    unit: question.unit,
    decimals: question.decimals,
    values: suppressed ? [] : values,
    median: suppressed ? null : median(sorted),
    min: suppressed ? null : (sorted[0] ?? null),
    max: suppressed ? null : (sorted[n - 1] ?? null),
    mean: suppressed || n === 0 ? null : sorted.reduce((s, v) => s + v, 0) / n,
  };
}

export function aggregateOpen(
  question: Question,
  data: ResponseTable,
  selection: Selection,
  minBase: number,
  surveyId: string,
): OpenAggregate {
  const column = data.columns.get(question.columns[0] ?? '');
  let n = 0;
  eachRow(selection, data.rows, (r) => { if (column && column[r] === 1) n++; });
  const reason = suppressionReason(n, minBase);
  return { kind: 'open', surveyId, questionId: question.id, base: question.base, n, respondents: selectionSize(selection, data.rows), suppressed: reason !== undefined, reason };
}
