/**
 * Read a `::chart` request: which source (question, map, tiles or custom spec), which survey,
 * which options, and whether they fit together. Every refusal names the rule and the fix.
 */
import { breakdownDimensions, type BreakdownDimension, type Question, type Survey, type SurveyBundle } from '../../model/survey.js';
import type { RuleId } from '../../diagnostics/catalogue.js';
import { followOn, type ChartRequest, type PlanResult } from './types.js';

export type Choice =
  | { readonly source: 'question'; readonly survey: Survey; readonly question: Question; readonly by: BreakdownDimension | undefined; readonly compare: boolean }
  | { readonly source: 'map' | 'tiles'; readonly survey: Survey }
  | { readonly source: 'spec'; readonly name: string };

export type ChoiceResult = { readonly ok: true; readonly choice: Choice } | Extract<PlanResult, { ok: false }>;

const no = (rule: RuleId, reason: string): ChoiceResult => ({ ok: false, rule, reason });

/** Question types that `by=` can break down. */
const breakable = new Set(['single', 'likert', 'scale_0_10']);
/** Question types that `compare=previous` can compare. */
const comparable = new Set(['single', 'likert', 'scale_0_10', 'multi', 'ranking']);

export function choose(request: ChartRequest, bundle: SurveyBundle): ChoiceResult {
  const sources = [request.question, request.type, request.spec].filter((s) => s !== undefined && s !== '');
  if (sources.length === 0) return no('chart-source', 'The chart names no data: give it question=…, type=map, type=tiles or spec=…');
  if (sources.length > 1) return no('chart-source', 'Give the chart only one of question=…, type=… and spec=…');

  if (request.spec) {
    if (request.by || request.compare || request.survey) return no('chart-option', 'A custom spec takes no by, compare or survey attributes; name the data inside the spec');
    return { ok: true, choice: { source: 'spec', name: request.spec } };
  }

  const surveyId = request.survey ?? bundle.defaultSurvey;
  if (surveyId === undefined) return no('survey-missing', 'No survey given: add survey=… to the chart or survey.default to edition.yaml');
  const survey = bundle.surveys.get(surveyId);
  if (!survey && bundle.broken?.has(surveyId)) return followOn(surveyId) as ChoiceResult;
  if (!survey) return no('survey-missing', `Survey "${surveyId}" is not in data/ (surveys: ${[...bundle.surveys.keys()].join(', ') || 'none'})`);

  if (request.type) {
    if (request.type !== 'map' && request.type !== 'tiles') return no('chart-option', `type="${request.type}" is not a chart type; use type=map or type=tiles`);
    if (request.by || request.compare) return no('chart-option', `type=${request.type} takes no by or compare attribute`);
    return { ok: true, choice: { source: request.type, survey } };
  }

  const question = survey.questionsById.get(request.question!);
  if (!question) return no('chart-question', `Question "${request.question}" is not in the codebook of ${survey.id}`);
  if (question.type === 'open' || !question.published) return no('chart-question', `${question.id} is an open question; its answers are never published`);

  let by: BreakdownDimension | undefined;
  if (request.by !== undefined) {
    if (!(breakdownDimensions as readonly string[]).includes(request.by)) return no('chart-option', `by="${request.by}" is not allowed; use by=region, by=country or by=member_type`);
    if (!breakable.has(question.type)) return no('chart-option', `by= works with single, likert and 0–10 questions; ${question.id} is ${question.type}`);
    by = request.by as BreakdownDimension;
  }
  let compare = false;
  if (request.compare !== undefined) {
    if (request.compare !== 'previous') return no('chart-option', `compare="${request.compare}" is not allowed; use compare=previous`);
    if (by) return no('chart-option', 'Use either by= or compare=previous, not both');
    if (!comparable.has(question.type)) return no('chart-option', `compare=previous works with closed questions; ${question.id} is ${question.type}`);
    if (!survey.previous?.questions.has(question.id)) return no('chart-option', `The previous edition has no figures for ${question.id}; add them to ${survey.files.previous ?? `data/${survey.id}.previous.yaml`}`);
    compare = true;
  }
  if (request.measure !== undefined) {
    if (question.type !== 'ranking') return no('chart-option', `measure= works with ranking questions; ${question.id} is ${question.type}`);
    if (!['top-three', 'first-choice', 'score'].includes(request.measure)) return no('chart-option', `measure="${request.measure}" is not allowed; use measure=top-three, first-choice or score`);
    if (compare) return no('chart-option', 'measure= cannot be combined with compare=previous; the comparison uses the previous edition\'s measure');
  }
  return { ok: true, choice: { source: 'question', survey, question, by, compare } };
}
