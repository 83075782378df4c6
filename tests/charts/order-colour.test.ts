import { resolveLocale } from '../../pipeline/locale/index.js';
/** Order and colour that mean something: scales keep their order, residual answers go last, polar answers get opposing hues, this year stands out. */
import { describe, expect, it } from 'vitest';
import { planChart, type ChartPlan } from '../../pipeline/stages/charts/index.js';
import { contrast } from '../../pipeline/stages/charts/colour.js';
import type { Question, Survey, SurveyBundle } from '../../pipeline/model/survey.js';
import { bundle as base, survey as baseSurvey } from './fixture.js';

function withQuestion(id: string, over: Partial<Question>): SurveyBundle {
  const questions = baseSurvey.questions.map((q) => (q.id === id ? { ...q, ...over } : q));
  const survey: Survey = { ...baseSurvey, questions, questionsById: new Map(questions.map((q) => [q.id, q])) };
  return { ...base, surveys: new Map([[survey.id, survey]]) };
}
const plan = (bundle: SurveyBundle, attrs: Record<string, string>): ChartPlan => {
  const r = planChart({ domId: 'fig-x', caption: 'C', alt: 'A', ...attrs }, { bundle, locale: resolveLocale({ language: 'en' }), customSpecs: [] });
  if (!r.ok) throw new Error(r.reason);
  return r.plan;
};
type Layer = { mark: { type: string }; encoding?: Record<string, { scale?: { domain?: string[]; range?: string[] } }> };
const layers = (p: ChartPlan) => (p.spec as unknown as { layer: Layer[] }).layer;
const fillScale = (p: ChartPlan) => layers(p).map((l) => l.encoding?.['fill']?.scale).find((s) => s?.range)!;
const hue = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b), min = Math.min(r, g, b), d = max - min;
  if (d === 0) return NaN;
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
};

describe('order', () => {
  it('an ordered single question keeps codebook order in bars, table and comparison', () => {
    // Sizes run against the scale: Unaffordable most, then Affordable, then In the risk zone.
    const columns = new Map(baseSurvey.data.columns);
    columns.set('Q05', Float64Array.from({ length: baseSurvey.data.rows }, (_, i) => (i === 0 ? 98 : i % 6 === 0 ? 2 : i % 3 === 0 ? 1 : 3)));
    const b = withQuestion('Q05', { ordered: true });
    const survey = { ...b.surveys.get('pulse-2026')!, data: { ...baseSurvey.data, columns } };
    const ordered = { ...b, surveys: new Map([[survey.id, survey]]) };
    const labels = ['Affordable', 'In the risk zone', 'Unaffordable'];
    expect(plan(ordered, { question: 'Q05' }).table.rows.map((r) => r[0])).toEqual([...labels, "Don’t know"]);
    expect(plan(ordered, { question: 'Q05', compare: 'previous' }).table.rows.map((r) => r[0])).toEqual(labels);
    expect(plan(ordered, { question: 'Q05', by: 'region' }).table.columns.slice(2, 5).map((c) => c.label)).toEqual(labels.map((l) => `${l} (%)`));
  });

  it('nominal answers are sorted by size with "Other" last and muted', () => {
    const b = withQuestion('Q06', { options: [{ code: 1, label: 'Other' }, { code: 2, label: 'Construction costs' }, { code: 3, label: 'Land' }, { code: 4, label: 'Demand' }] });
    const p = plan(b, { question: 'Q06' });
    const rows = p.table.rows;
    expect(rows.at(-1)![0]).toBe('Other');
    const main = rows.slice(0, -1).map((r) => r[1] as number);
    expect(main).toEqual([...main].sort((x, y) => y - x));
    const values = (p.spec as { data: { values: { label: string; fill: string }[] } }).data.values;
    expect(values.find((v) => v.label === 'Other')!.fill).not.toBe(values[0]!.fill);
  });
});

describe('colour', () => {
  it('polar answers of an ordered question get opposing hues', () => {
    const p = plan(withQuestion('Q05', { ordered: true }), { question: 'Q05', by: 'region' });
    const s = fillScale(p);
    const first = hue(s.range![0]!), last = hue(s.range![2]!);
    const gap = Math.abs(first - last);
    expect(Math.min(gap, 360 - gap)).toBeGreaterThan(120);
  });

  it('the current edition is the strong colour in a comparison', () => {
    const p = plan(base, { question: 'Q05', compare: 'previous' });
    const s = fillScale(p);
    const [previous, current] = s.range!;
    expect(s.domain![1]).toContain('2026');
    expect(contrast(current!, '#ffffff')).toBeGreaterThan(contrast(previous!, '#ffffff') + 3);
    // Muted: the earlier edition carries (almost) no hue.
    const channels = [1, 3, 5].map((i) => parseInt(previous!.slice(i, i + 2), 16));
    expect(Math.max(...channels) - Math.min(...channels)).toBeLessThan(40);
  });

  it('thin slices are labelled outside the bar, in ink on the page', () => {
    const columns = new Map(baseSurvey.data.columns);
    columns.set('Q05', Float64Array.from({ length: baseSurvey.data.rows }, (_, i) => (i === 0 ? 1 : i === 1 ? 98 : 2 + (i % 2))));
    const survey: Survey = { ...baseSurvey, data: { ...baseSurvey.data, columns } };
    const p = plan({ ...base, surveys: new Map([[survey.id, survey]]) }, { question: 'Q05', by: 'region' });
    const values = (p.spec as { data: { values: { kind: string; pct?: number; text?: string; outText?: string }[] } }).data.values;
    const thin = values.filter((v) => v.kind === 'segment' && v.text === '');
    expect(thin.length).toBeGreaterThan(0);
    expect(thin.some((v) => v.outText)).toBe(true);
  });
});
