/**
 * `:stat{…}`: one number from the survey data, formatted with the edition's locale
 * (contract in docs/authoring.md#survey-numbers-and-charts). Percentages on a base below
 * minBase are refused, never printed.
 */
import type { Locale } from '../../locale/index.js';
import type { Question, QuestionAggregate, Survey, SurveyBundle } from '../../model/survey.js';
import { aggregateQuestion } from './aggregate.js';
import { formatNumber, formatPercent } from './number-format.js';

/** `followOn`: the failure follows from an error reported at its root (a broken survey); not reported again. */
export type StatResult = { ok: true; text: string } | { ok: false; reason: string; followOn?: boolean };

const known = new Set(['question', 'option', 'value', 'survey', 'edition', 'measure', 'id', 'class']);
const surveyValues = ['respondents', 'countries', 'response-rate'];
const questionValues = ['n', 'median', 'min', 'max', 'mean'];

export function resolveStat(bundle: SurveyBundle, attrs: Record<string, string | undefined>, locale: Locale): StatResult {
  const fail = (reason: string): StatResult => ({ ok: false, reason });
  const unknown = Object.keys(attrs).filter((k) => !known.has(k));
  if (unknown.length > 0) return fail(`unknown attribute ${unknown.join(', ')}; use question, option, value, survey, edition`);
  const surveyId = attrs.survey ?? bundle.defaultSurvey;
  if (surveyId === undefined) return fail('no survey named and no survey.default in edition.yaml; add survey=<id>');
  const survey = bundle.surveys.get(surveyId);
  if (!survey && bundle.broken?.has(surveyId)) return { ok: false, reason: `survey "${surveyId}" could not be read`, followOn: true };
  if (!survey) return fail(`survey "${surveyId}" is not in data/ (surveys: ${[...bundle.surveys.keys()].join(', ') || 'none'})`);
  const edition = attrs.edition ?? 'current';
  if (edition !== 'current' && edition !== 'previous') return fail(`edition="${edition}": use edition=previous or leave it out`);
  const { question: qid, option, value } = attrs;
  if (option !== undefined && value !== undefined) return fail('give either option or value, not both');

  if (qid === undefined) {
    if (option !== undefined) return fail('option needs question=…');
    if (value === undefined) return fail(`give question=… and option=…, or value=${surveyValues.join('|')}`);
    return surveyStat(survey, value === 'n' ? 'respondents' : value, edition === 'previous', locale);
  }
  const question = survey.questionsById.get(qid);
  if (!question) return fail(`question ${qid} is not in the codebook of ${survey.id}`);
  if (!question.published) return fail(`${qid} is an open question; its answers are never published`);

  if (edition === 'previous') return previousStat(survey, question, option, value, bundle.minBase, locale);
  const aggregate = aggregateQuestion(survey, question, bundle.citiesByCode, bundle.minBase);
  if (value !== undefined) return valueStat(question, aggregate, value, bundle.minBase, locale);
  if (option === undefined) return fail(`give option=… (a code of ${qid}) or value=${questionValues.join('|')}`);
  if (aggregate.suppressed) return fail(`the base of ${qid} is below ${bundle.minBase} (n = ${aggregate.n}); its percentages are not printed`);
  if (attrs.measure !== undefined) {
    if (aggregate.kind !== 'ranking') return fail(`measure= works with ranking questions; ${qid} is ${question.type}`);
    const share = aggregate.shares.find((s) => s.code === option.trim());
    if (!share || option.includes(',')) return fail(`measure= takes one option of ${qid} (use ${aggregate.shares.map((s) => s.code).join(', ')})`);
    if (attrs.measure === 'first-choice') return { ok: true, text: formatPercent(share.firstPct ?? 0, locale) };
    if (attrs.measure === 'score') return { ok: true, text: formatNumber(share.score, locale) };
    if (attrs.measure !== 'top-three') return fail(`measure="${attrs.measure}": use top-three, first-choice or score`);
  }
  const pct = shareOf(survey, question, aggregate, option.split(',').map((s) => s.trim()));
  if (typeof pct === 'string') return fail(pct);
  return { ok: true, text: formatPercent(pct, locale) };
}

function surveyStat(survey: Survey, value: string, previous: boolean, locale: Locale): StatResult {
  if (previous) {
    if (!survey.previous) return { ok: false, reason: `${survey.id} has no previous edition figures` };
    if (value === 'respondents') return { ok: true, text: formatNumber(survey.previous.respondents, locale) };
    return { ok: false, reason: `value=${value} is not available for the previous edition; only respondents` };
  }
  if (value === 'respondents') return { ok: true, text: formatNumber(survey.respondents, locale) };
  if (value === 'countries') return { ok: true, text: formatNumber(survey.countries, locale) };
  if (value === 'response-rate') {
    if (survey.populationSize === undefined) return { ok: false, reason: `the codebook of ${survey.id} has no populationSize, so no response rate` };
    return { ok: true, text: formatPercent((100 * survey.respondents) / survey.populationSize, locale) };
  }
  return { ok: false, reason: `value="${value}" without a question: use ${surveyValues.join(', ')}` };
}

function valueStat(question: Question, aggregate: QuestionAggregate, value: string, minBase: number, locale: Locale): StatResult {
  if (value === 'n') return { ok: true, text: formatNumber(aggregate.n, locale) };
  if (!questionValues.includes(value)) return { ok: false, reason: `value="${value}": use ${questionValues.join(', ')}` };
  if (aggregate.kind === 'scale' && value === 'mean') {
    // The mean score on 0–10, of the cities that gave a score; one decimal.
    if (aggregate.suppressed) return { ok: false, reason: `the base of ${question.id} is below ${minBase} (n = ${aggregate.n})` };
    if (aggregate.mean === null) return { ok: false, reason: `${question.id} has no answers` };
    return { ok: true, text: formatNumber(aggregate.mean, locale, 1) };
  }
  if (aggregate.kind !== 'numeric') return { ok: false, reason: `value=${value} needs a numeric question (or value=mean on a 0–10 scale); ${question.id} is ${question.type}` };
  if (aggregate.suppressed) return { ok: false, reason: `the base of ${question.id} is below ${minBase} (n = ${aggregate.n})` };
  const v = aggregate[value as 'median' | 'min' | 'max' | 'mean'];
  if (v === null) return { ok: false, reason: `${question.id} has no answers` };
  // A value in percent reads as one ("8.4%"); other units are left to the sentence around it.
  if (question.unit?.trim().startsWith('%')) return { ok: true, text: formatPercent(v, locale, question.decimals) };
  return { ok: true, text: formatNumber(v, locale, question.decimals) };
}

/**
 * The exact share for one code or the sum of several; formatPercent rounds it once, half up, as
 * chart labels and tables do (survey/rounding.ts), so text and figure print the same number.
 * A sum adds exact counts and is rounded only at the end. Multi and ranking lists count cities
 * naming any of the options.
 */
function shareOf(survey: Survey, question: Question, aggregate: QuestionAggregate, codes: string[]): number | string {
  const unknownCode = (c: string, list: string[]) => `${question.id} has no option ${c} (use ${list.join(', ')})`;
  switch (aggregate.kind) {
    case 'categorical':
    case 'scale': {
      const segments = aggregate.base === 'all' ? [...aggregate.shares, ...aggregate.missing] : aggregate.shares;
      let total = 0;
      for (const c of codes) {
        const i = segments.findIndex((s) => s.code === c);
        const m = aggregate.missing.find((s) => s.code === c);
        if (i >= 0) total += segments[i]!.pct ?? 0;
        else if (m) total += m.pct ?? 0; // don't-know share of all respondents
        else return unknownCode(c, [...aggregate.shares.map((s) => s.code), ...question.missing.map((s) => String(s.code))]);
      }
      return total;
    }
    case 'multi':
    case 'ranking': {
      const list = aggregate.shares.map((s) => s.code);
      for (const c of codes) if (!list.includes(c)) return unknownCode(c, list);
      if (codes.length === 1) {
        const s = aggregate.shares.find((x) => x.code === codes[0]);
        return (s && ('topPct' in s ? s.topPct : s.pct)) ?? 0;
      }
      return anyOf(survey, question, codes.map(Number), aggregate.n);
    }
    default:
      return `option= needs a closed question with options; ${question.id} is ${question.type} (use value=median, min, max or n)`;
  }
}

/** Share of the base naming at least one of `codes` (multi: chosen; ranking: among the ranks). */
function anyOf(survey: Survey, question: Question, codes: number[], n: number): number {
  const columns = question.columns.map((c) => survey.data.columns.get(c));
  const wanted = question.type === 'multi'
    ? question.options.flatMap((o, i) => (codes.includes(o.code) ? [i] : []))
    : [];
  let count = 0;
  for (let r = 0; r < survey.data.rows; r++) {
    const hit = question.type === 'multi'
      ? wanted.some((i) => columns[i]?.[r] === 1)
      : columns.some((col) => col !== undefined && codes.includes(col[r]!));
    if (hit) count++;
  }
  return n === 0 ? 0 : (100 * count) / n;
}

function previousStat(survey: Survey, question: Question, option: string | undefined, value: string | undefined, minBase: number, locale: Locale): StatResult {
  const before = survey.previous?.questions.get(question.id);
  if (!before) return { ok: false, reason: `${survey.id} has no previous edition figures for ${question.id}` };
  if (value === 'n') return { ok: true, text: formatNumber(before.n, locale) };
  if (value !== undefined) return { ok: false, reason: `value=${value} is not available for the previous edition; use value=n or option=…` };
  if (option === undefined) return { ok: false, reason: 'give option=… with edition=previous' };
  if (before.n < minBase) return { ok: false, reason: `the previous base of ${question.id} is below ${minBase} (n = ${before.n})` };
  let total = 0;
  for (const c of option.split(',').map((s) => s.trim())) {
    const v = before.shares.get(c);
    if (v === undefined) return { ok: false, reason: `the previous edition has no figure for ${question.id} option ${c} (has ${[...before.shares.keys()].join(', ')})` };
    total += v;
  }
  return { ok: true, text: formatPercent(total, locale) };
}
