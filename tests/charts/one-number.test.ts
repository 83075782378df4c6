import { resolveLocale } from '../../pipeline/locale/index.js';
/**
 * One number everywhere: for random answers, every share a chart labels, its data table row and
 * `:stat` for the same option print the same whole percentage, and a sum of options is the exact
 * sum rounded once (checked against integer arithmetic on the counts).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planChart, type ChartPlan } from '../../pipeline/stages/charts/index.js';
import { resolveStat } from '../../pipeline/stages/survey/stat.js';
import type { Survey, SurveyBundle } from '../../pipeline/model/survey.js';
import { bundle as baseBundle, survey as baseSurvey } from './fixture.js';

const rows = baseSurvey.data.rows;
const halfUp = (count: number, n: number) => Math.floor((200 * count + n) / (2 * n));

function withAnswers(answers: { q05: number[]; q02: number[]; q06: number[][]; q01: number[][] }, populationSize: number): SurveyBundle {
  const columns = new Map(baseSurvey.data.columns);
  columns.set('Q05', Float64Array.from(answers.q05));
  columns.set('Q02', Float64Array.from(answers.q02));
  for (let o = 0; o < 4; o++) columns.set(`Q06_${o + 1}`, Float64Array.from(answers.q06, (r) => r[o]!));
  for (let k = 0; k < 3; k++) columns.set(`Q01_${k + 1}`, Float64Array.from(answers.q01, (r) => r[k] ?? Number.NaN));
  const survey: Survey = { ...baseSurvey, populationSize, data: { ...baseSurvey.data, columns } };
  return { ...baseBundle, minBase: 1, surveys: new Map([[survey.id, survey]]) };
}

const plan = (bundle: SurveyBundle, attrs: Record<string, string>): ChartPlan => {
  const r = planChart({ domId: 'fig-x', caption: 'C', alt: 'A', ...attrs }, { bundle, locale: resolveLocale({ language: 'en' }), customSpecs: [] });
  if (!r.ok) throw new Error(r.reason);
  return r.plan;
};
const labels = (p: ChartPlan): Map<string, string> =>
  new Map((p.spec as { data: { values: { label?: string; text?: string }[] } }).data.values.filter((v) => v.label !== undefined).map((v) => [v.label!, v.text ?? '']));
const labelOf = (p: ChartPlan, label: string) => labels(p).get(curly(label));
/** Labels as the reader sees them: in typographic quotes. */
const curly = (s: string) => s.replace(/"([^"]*)"/g, '“$1”').replace(/'/g, '’');
const tableValue = (p: ChartPlan, label: string, col = 1): unknown => p.table.rows.find((r) => r[0] === curly(label))?.[col];
const stat = (bundle: SurveyBundle, attrs: Record<string, string>) => {
  const r = resolveStat(bundle, attrs, resolveLocale({ language: 'en' }));
  return r.ok ? r.text : `refused: ${r.reason}`;
};

const arb = fc.record({
  q05: fc.array(fc.constantFrom(1, 2, 3, 98), { minLength: rows, maxLength: rows }),
  q02: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: rows, maxLength: rows }),
  q06: fc.array(fc.array(fc.constantFrom(0, 1), { minLength: 4, maxLength: 4 }), { minLength: rows, maxLength: rows }),
  q01: fc.array(fc.shuffledSubarray([1, 2, 3, 4, 5, 6], { minLength: 1, maxLength: 3 }), { minLength: rows, maxLength: rows }),
  population: fc.integer({ min: rows, max: 4 * rows }),
});

describe('label = table = :stat', () => {
  it('single choice, multi-select and ranking shares, and sums of options', () => {
    fc.assert(fc.property(arb, (a) => {
      const bundle = withAnswers(a, a.population);
      const q05 = baseSurvey.questionsById.get('Q05')!;
      const p = plan(bundle, { question: 'Q05' });
      const shown = labels(p);
      const count = (code: number) => a.q05.filter((v) => v === code).length;
      for (const o of q05.options) {
        const expected = `${halfUp(count(o.code), rows)}%`;
        expect(shown.get(curly(o.label))).toBe(expected);
        expect(`${tableValue(p, o.label)}%`).toBe(expected);
        expect(stat(bundle, { question: 'Q05', option: String(o.code) })).toBe(expected);
      }
      expect(stat(bundle, { question: 'Q05', option: '1,3' })).toBe(`${halfUp(count(1) + count(3), rows)}%`);

      const m = plan(bundle, { question: 'Q06' });
      const q06 = baseSurvey.questionsById.get('Q06')!;
      q06.options.forEach((o, i) => {
        const expected = `${halfUp(a.q06.filter((r) => r[i] === 1).length, rows)}%`;
        expect(labelOf(m, o.label)).toBe(expected);
        expect(`${tableValue(m, o.label)}%`).toBe(expected);
        expect(stat(bundle, { question: 'Q06', option: String(o.code) })).toBe(expected);
      });

      const r = plan(bundle, { question: 'Q01' });
      for (const o of baseSurvey.questionsById.get('Q01')!.options) {
        const expected = `${halfUp(a.q01.filter((x) => x.includes(o.code)).length, rows)}%`;
        expect(labelOf(r, o.label)).toBe(expected);
        expect(`${tableValue(r, o.label)}%`).toBe(expected);
        expect(stat(bundle, { question: 'Q01', option: String(o.code) })).toBe(expected);
      }

      // First-choice shares and ranking scores: chart option and :stat measure agree with the counts.
      const first = plan(bundle, { question: 'Q01', measure: 'first-choice' });
      const score = plan(bundle, { question: 'Q01', measure: 'score' });
      for (const o of baseSurvey.questionsById.get('Q01')!.options) {
        const expected = `${halfUp(a.q01.filter((x) => x[0] === o.code).length, rows)}%`;
        expect(labelOf(first, o.label)).toBe(expected);
        expect(stat(bundle, { question: 'Q01', option: String(o.code), measure: 'first-choice' })).toBe(expected);
        const points = String(a.q01.reduce((sum, x) => sum + (x.indexOf(o.code) === -1 ? 0 : 3 - x.indexOf(o.code)), 0));
        expect(labelOf(score, o.label)).toBe(points);
        expect(stat(bundle, { question: 'Q01', option: String(o.code), measure: 'score' })).toBe(points);
      }
      // The mean of a 0–10 scale, one decimal.
      const mean = a.q02.reduce((x, y) => x + y, 0) / rows;
      expect(stat(bundle, { question: 'Q02', value: 'mean' })).toBe((Math.round(mean * 10 + 1e-9) / 10).toFixed(1));

      // A 0–10 scale: bands summed from exact counts, rounded once.
      const high = a.q02.filter((v) => v >= 7).length;
      expect(stat(bundle, { question: 'Q02', option: 'high,full' })).toBe(`${halfUp(high, rows)}%`);
      const d = plan(bundle, { question: 'Q02' });
      const all = d.table.rows[0]!;
      const bands = [[0, 2], [3, 4], [5, 6], [7, 8], [9, 10]] as const;
      bands.forEach(([lo, hi], i) => expect(all[2 + i]).toBe(halfUp(a.q02.filter((v) => v >= lo && v <= hi).length, rows)));

      // Tiles and :stat value=response-rate.
      const t = plan(bundle, { type: 'tiles' });
      const rate = `${halfUp(rows, a.population)}%`;
      expect(stat(bundle, { value: 'response-rate' })).toBe(rate);
      expect(`${tableValue(t, 'Response rate (%)')}%`).toBe(rate);
      expect(t.summary).toContain(`Response rate: ${rate}`);
    }), { numRuns: 60 });
  });

  it('the CSV keeps one decimal and says so', () => {
    const p = plan(baseBundle, { question: 'Q05' });
    expect(p.csv.split('\r\n')[0]).toBe('Answer,"Share of cities (%, one decimal)"');
    expect(p.csv).toMatch(/\r\n[^,\r\n]+,\d+\.\d\r\n/);
  });
});
