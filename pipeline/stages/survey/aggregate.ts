/** Aggregate one question over all rows or a selection; the single entry charts and `:stat` call. */
import type { City, Question, QuestionAggregate, Survey } from '../../model/survey.js';
import { aggregateCategorical, aggregateScale } from './aggregate-categorical.js';
import { aggregateMulti, aggregateRanking } from './aggregate-choices.js';
import { aggregateNumeric, aggregateOpen } from './aggregate-numeric.js';
import type { Selection } from './selection.js';

export type { Selection } from './selection.js';

export function aggregateQuestion(
  survey: Survey,
  question: Question,
  cities: ReadonlyMap<string, City>,
  minBase: number,
  selection?: Selection,
): QuestionAggregate {
  const args = [survey.data, selection, minBase, survey.id] as const;
  switch (question.type) {
    case 'single':
    case 'likert':
      return aggregateCategorical({ ...question, type: question.type }, ...args);
    case 'scale_0_10':
      return aggregateScale(question, ...args);
    case 'multi':
      return aggregateMulti(question, ...args);
    case 'ranking':
      return aggregateRanking(question, ...args);
    case 'numeric':
      return aggregateNumeric(question, ...args, cities);
    case 'open':
      return aggregateOpen(question, ...args);
  }
}
