import { resolveLocale } from '../../pipeline/locale/index.js';
import { describe, expect, it } from 'vitest';
import { loadSurveys, resolveStat } from '../../pipeline/stages/survey/index.js';
import { aggregateQuestion } from '../../pipeline/stages/survey/aggregate.js';
import { sampleSources } from './helpers.js';

const { bundle } = loadSurveys(sampleSources(), { minBase: 30, defaultSurvey: 'pulse-2026' });
const survey = bundle.surveys.get('pulse-2026')!;
const stat = (attrs: Record<string, string>, language = 'en') => resolveStat(bundle, attrs, resolveLocale({ language }));

describe(':stat', () => {
  // Half up from exact counts, in integer arithmetic: independent of the code under test.
  const halfUp = (count: number, n: number) => Math.floor((200 * count + n) / (2 * n));

  it('prints a single-choice share rounded once, half up, from the exact count', () => {
    const a = aggregateQuestion(survey, survey.questionsById.get('Q05')!, bundle.citiesByCode, 30);
    if (a.kind !== 'categorical') throw new Error();
    const shown = a.shares.map((s) => halfUp(s.count, a.n));
    expect(stat({ question: 'Q05', option: '3' })).toEqual({ ok: true, text: `${shown[2]}%` });
    expect(stat({ question: 'Q05', option: '3' }, 'de')).toEqual({ ok: true, text: `${shown[2]}\u00a0%` });
  });

  it('sums bands and codes given as a list: the exact sum, rounded once', () => {
    const a = aggregateQuestion(survey, survey.questionsById.get('Q02')!, bundle.citiesByCode, 30);
    if (a.kind !== 'scale') throw new Error();
    expect(stat({ question: 'Q02', option: 'high,full' })).toEqual({ ok: true, text: `${halfUp(a.shares[3]!.count + a.shares[4]!.count, a.n)}%` });
  });

  it('numeric values, n, survey-wide values and the previous edition', () => {
    const a = aggregateQuestion(survey, survey.questionsById.get('Q09')!, bundle.citiesByCode, 30);
    if (a.kind !== 'numeric') throw new Error();
    const one = (lang: string) => new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(a.median!);
    expect(stat({ question: 'Q09', value: 'median' })).toEqual({ ok: true, text: one('en') });
    expect(stat({ question: 'Q09', value: 'median' }, 'pl')).toEqual({ ok: true, text: one('pl') });
    expect(one('pl')).toContain(',');
    // A numeric question measured in percent prints as a percentage (Q14: "% of municipal budget").
    const q14 = aggregateQuestion(survey, survey.questionsById.get('Q14')!, bundle.citiesByCode, 30);
    if (q14.kind !== 'numeric') throw new Error();
    const pct = new Intl.NumberFormat('en', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(q14.median! / 100);
    expect(stat({ question: 'Q14', value: 'median' })).toEqual({ ok: true, text: pct });
    expect(pct).toMatch(/^\d+\.\d%$/);
    expect(stat({ question: 'Q09', value: 'n' })).toEqual({ ok: true, text: String(a.n) });
    expect(stat({ value: 'respondents' })).toEqual({ ok: true, text: '90' });
    expect(stat({ value: 'countries' })).toEqual({ ok: true, text: '27' });
    expect(stat({ value: 'response-rate' })).toEqual({ ok: true, text: '42%' }); // 90 / 212
    expect(stat({ question: 'Q05', option: '3', edition: 'previous' })).toEqual({ ok: true, text: '39%' });
    expect(stat({ question: 'Q01', option: '3', edition: 'previous', survey: 'pulse-2026' })).toEqual({ ok: true, text: '28%' });
  });

  it('a ranking option is the share naming it among the top three', () => {
    const a = aggregateQuestion(survey, survey.questionsById.get('Q01')!, bundle.citiesByCode, 30);
    if (a.kind !== 'ranking') throw new Error();
    expect(stat({ question: 'Q01', option: '1' })).toEqual({ ok: true, text: `${Math.round(a.shares[0]!.topPct!)}%` });
  });

  it('refuses percentages on a base below minBase', () => {
    const strict = loadSurveys(sampleSources(), { minBase: 100 }).bundle;
    const r = resolveStat(strict, { question: 'Q05', option: '3' }, resolveLocale({ language: 'en' }));
    expect(r).toEqual({ ok: false, reason: 'the base of Q05 is below 100 (n = 87); its percentages are not printed' });
    expect(resolveStat(strict, { question: 'Q09', value: 'median' }, resolveLocale({ language: 'en' })).ok).toBe(false);
  });

  it('explains what is wrong', () => {
    expect(stat({ question: 'Q99', option: '1' })).toEqual({ ok: false, reason: 'question Q99 is not in the codebook of pulse-2026' });
    expect(stat({ question: 'Q05', option: '7' })).toMatchObject({ ok: false, reason: expect.stringContaining('Q05 has no option 7') });
    expect(stat({ question: 'Q15', option: '1' })).toMatchObject({ ok: false, reason: expect.stringContaining('never published') });
    expect(stat({ survey: 'nope', value: 'respondents' })).toMatchObject({ ok: false });
    expect(stat({ question: 'Q05', value: 'median' })).toMatchObject({ ok: false, reason: expect.stringContaining('numeric') });
  });
});
