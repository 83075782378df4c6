/**
 * Source notes (AAPOR disclosure): survey, question id, exact wording, base and n, and what the
 * percentages are of. Every chart driven by a question gets one.
 */
import type { Locale } from '../../locale/index.js';
import type { Question, Survey } from '../../model/survey.js';
import { nEquals } from './format.js';

export interface NoteParts {
  readonly survey: Survey;
  readonly question: Question | undefined;
  readonly n: number;
  readonly base: 'all' | 'valid' | 'respondents';
  readonly locale: Locale;
  /** Sentences appended after the base, e.g. "Multiple answers possible." */
  readonly extra?: readonly string[];
}

export function surveyName(survey: Survey, locale: Locale): string {
  return survey.synthetic ? locale.t('syntheticSurvey', { survey: survey.shortTitle }) : survey.shortTitle;
}

export function baseText(base: NoteParts['base'], n: number, locale: Locale): string {
  return locale.t(base === 'valid' ? 'baseValid' : 'baseAll', { n: nEquals(n, locale) });
}

export function sourceNote(parts: NoteParts): string {
  const head = parts.question
    ? `${surveyName(parts.survey, parts.locale)}, ${parts.question.id}: ${ensureStop(parts.question.wording)}`
    : `${surveyName(parts.survey, parts.locale)}.`;
  return [head, baseText(parts.base, parts.n, parts.locale), ...(parts.extra ?? [])].join(' ');
}

function ensureStop(text: string): string {
  const t = text.trim();
  return /[.?!…)"”]$/.test(t) ? t : `${t}.`;
}
