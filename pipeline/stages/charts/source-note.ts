/**
 * Source notes (AAPOR disclosure): survey, question id, exact wording, base and n, and what the
 * percentages are of. Every chart driven by a question gets one.
 */
import type { Question, Survey } from '../../model/survey.js';
import { nEquals } from './format.js';

export interface NoteParts {
  readonly survey: Survey;
  readonly question: Question | undefined;
  readonly n: number;
  readonly base: 'all' | 'valid' | 'respondents';
  readonly language: string;
  /** Sentences appended after the base, e.g. "Multiple answers possible." */
  readonly extra?: readonly string[];
}

export function surveyName(survey: Survey): string {
  return survey.synthetic ? `${survey.shortTitle} (synthetic data)` : survey.shortTitle;
}

export function baseText(base: NoteParts['base'], n: number, language: string): string {
  const who = base === 'valid' ? 'cities that gave an answer' : 'all responding cities';
  return `Base: ${who} (${nEquals(n, language)}).`;
}

export function sourceNote(parts: NoteParts): string {
  const head = parts.question
    ? `${surveyName(parts.survey)}, ${parts.question.id}: ${ensureStop(parts.question.wording)}`
    : `${surveyName(parts.survey)}.`;
  return [head, baseText(parts.base, parts.n, parts.language), ...(parts.extra ?? [])].join(' ');
}

function ensureStop(text: string): string {
  const t = text.trim();
  return /[.?!…)"”]$/.test(t) ? t : `${t}.`;
}
