import { resolveLocale } from '../../pipeline/locale/index.js';
/** One test per chart family: the chosen chart, the plotted values against the survey aggregate, the source note. */
import { describe, expect, it } from 'vitest';
import { planChart, type ChartPlan, type ChartRequest } from '../../pipeline/stages/charts/index.js';
import { aggregateQuestion } from '../../pipeline/stages/survey/aggregate.js';
import { breakdown } from '../../pipeline/stages/survey/breakdown.js';
import type { QuestionAggregate } from '../../pipeline/model/survey.js';
import { bundle, survey } from './fixture.js';

const ctx = { bundle, locale: resolveLocale({ language: 'en' }), customSpecs: [] };

function plan(req: Partial<ChartRequest>): ChartPlan {
  const r = planChart({ domId: 'fig-test', caption: 'Caption', alt: 'Alt text', ...req }, ctx);
  if (!r.ok) throw new Error(`${r.rule}: ${r.reason}`);
  return r.plan;
}
const aggregate = (id: string): QuestionAggregate => aggregateQuestion(survey, survey.questionsById.get(id)!, bundle.citiesByCode, bundle.minBase);
const r1 = (x: number) => Math.round(x * 10) / 10;
/** The data table prints whole percentages, half up, as the labels do. */
const r0 = (x: number) => Math.round(x);
const values = (p: ChartPlan) => (p.spec as { data: { values: Record<string, unknown>[] } }).data.values;
const column = (p: ChartPlan, key: string) => p.table.rows.map((r) => r[p.table.columns.findIndex((c) => c.key === key)]);

describe('planChart', () => {
  it('ranking → ranked bars of the share naming each option in the top three, sorted', () => {
    const p = plan({ question: 'Q01' });
    const a = aggregate('Q01');
    if (a.kind !== 'ranking') throw new Error('fixture');
    expect(p.kind).toBe('ranked-bars');
    const expected = [...a.shares].sort((x, y) => y.topPct! - x.topPct!).map((s) => r1(s.topPct!));
    expect(column(p, 'pct')).toEqual(expected.map(r0));
    expect(values(p).map((v) => v['pct'])).toEqual(expected);
    expect(p.sourceNote).toContain("Pulse Mayors’ Survey 2026 (synthetic data), Q01: What are your city’s top three priorities");
    expect(p.sourceNote).toContain(`(n = ${a.n})`);
    expect(p.sourceNote).toMatch(/naming each option in their top three\.$/);
  });

  it('single → ranked bars, "don\'t know" last and muted', () => {
    const p = plan({ question: 'Q05' });
    const a = aggregate('Q05');
    if (a.kind !== 'categorical') throw new Error('fixture');
    expect(p.kind).toBe('ranked-bars');
    expect(p.table.rows.at(-1)?.[0]).toBe("Don’t know");
    expect(p.table.rows.slice(0, 3).map((r) => r[1])).toEqual([...a.shares].sort((x, y) => y.pct! - x.pct!).map((s) => r0(s.pct!)));
    expect(p.sourceNote).toContain('Base: all responding cities (n = 35).');
  });

  it('single by region → 100% stacked bars; suppressed groups get no row, one line names them with n', () => {
    const p = plan({ question: 'Q05', by: 'region' });
    const split = breakdown(survey, survey.questionsById.get('Q05')!, 'region', bundle.citiesByCode, bundle.minBase);
    expect(p.kind).toBe('stacked-bars');
    const suppressed = split.groups.filter((g) => g.suppressed);
    expect(suppressed.length).toBeGreaterThan(0);
    for (const g of split.groups) {
      const row = p.table.rows.find((r) => r[0] === g.label);
      const plotted = values(p).filter((v) => String(v['row']).startsWith(`${g.label} (`));
      if (g.suppressed) {
        expect(row).toBeUndefined();
        expect(plotted).toEqual([]);
      } else if (g.aggregate.kind === 'categorical') {
        expect(row![1]).toBe(g.n);
        expect(row!.slice(2, 5)).toEqual(g.aggregate.shares.map((s) => r0(s.pct!)));
        expect(plotted.length).toBeGreaterThan(0);
      }
    }
    expect(p.csv).not.toMatch(/Nordic,5,\d/);
    expect(p.notes).toEqual([`Not shown, fewer than ${bundle.minBase} responses: ${suppressed.map((g) => `${g.label} (n = ${g.n})`).join(', ')}.`]);
    expect(p.sourceNote).toContain('Group sizes (n) are shown with each row.');
  });

  it('multi → sorted bars with "Multiple answers possible."', () => {
    const p = plan({ question: 'Q06' });
    const a = aggregate('Q06');
    if (a.kind !== 'multi') throw new Error('fixture');
    expect(p.kind).toBe('ranked-bars');
    expect(column(p, 'pct')).toEqual([...a.shares].sort((x, y) => y.pct! - x.pct!).map((s) => r0(s.pct!)));
    expect(p.sourceNote).toMatch(/Multiple answers possible\.$/);
  });

  it.each(['Q02', 'Q04'])('%s (scale/likert) → diverging bars centred on the neutral midpoint', (id) => {
    const p = plan({ question: id });
    const a = aggregate(id);
    if (a.kind !== 'scale' && a.kind !== 'categorical') throw new Error('fixture');
    expect(p.kind).toBe('diverging');
    const segs = values(p).filter((v) => v['kind'] === 'segment');
    const neutral = segs.find((s) => s['part'] === a.shares[2]!.label)!;
    expect((neutral['x'] as number) + (neutral['x2'] as number)).toBeCloseTo(0, 0);
    const left = segs.filter((s) => (s['x2'] as number) <= 0.05 && s !== neutral).map((s) => s['part']);
    expect(left.sort()).toEqual([a.shares[0]!.label, a.shares[1]!.label].sort());
    const dk = segs.find((s) => s['part'] === "Don’t know" || s['part'] === "Don’t know or no answer")!;
    expect(dk['x'] as number).toBeGreaterThan(Math.max(...segs.filter((s) => s !== dk).map((s) => s['x2'] as number)));
    expect(p.table.rows[0]!.slice(2, 7)).toEqual(a.shares.map((s) => r0(s.pct!)));
  });

  it('numeric → dot plot with the median; only consenting cities are named', () => {
    const p = plan({ question: 'Q09' });
    const a = aggregate('Q09');
    if (a.kind !== 'numeric') throw new Error('fixture');
    expect(p.kind).toBe('strip');
    expect(values(p).filter((v) => v['kind'] === 'dot')).toHaveLength(a.n);
    expect(p.table.rows.at(-1)).toEqual(['Median', r1(a.median!)]);
    const namedCities = new Set(a.values.filter((v) => v.cityName).map((v) => v.cityName));
    const anonymousNames = survey.data.cityCodes.filter((_, r) => survey.data.consent[r] === 0).map((c) => bundle.citiesByCode.get(c)!.name);
    const text = JSON.stringify(p);
    for (const name of anonymousNames) expect(text).not.toContain(name);
    for (const row of p.table.rows.slice(0, -1)) expect(row[0] === 'Anonymous city' || namedCities.has(row[0] as string)).toBe(true);
    expect(p.sourceNote).toContain('Base: cities that gave an answer (n = ');
  });

  it('compare=previous → dumbbell of previous and current per option', () => {
    const p = plan({ question: 'Q05', compare: 'previous' });
    const a = aggregate('Q05');
    if (a.kind !== 'categorical') throw new Error('fixture');
    expect(p.kind).toBe('dumbbell');
    const affordable = p.table.rows.find((r) => r[0] === 'Affordable')!;
    expect(affordable.slice(1, 3)).toEqual([20, r0(a.shares[0]!.pct!)]);
    expect(p.sourceNote).toContain("Previous edition: Pulse Mayors’ Survey 2025 (n = 30).");
  });

  it('type=map → a symbol for each consenting city only; anonymous cities counted, not drawn', () => {
    const p = plan({ type: 'map' });
    expect(p.kind).toBe('map');
    expect(p.basemap).not.toBeNull();
    const layers = (p.spec as { layer: { data: { values?: { lon: number; lat: number }[] } }[] }).layer;
    const consenting = survey.data.cityCodes.filter((_, r) => survey.data.consent[r] === 1);
    expect(layers[1]!.data.values).toHaveLength(consenting.length);
    // No symbol sits where a non-consenting city is.
    const drawn = new Set(layers[1]!.data.values!.map((v) => `${v.lon},${v.lat}`));
    for (const code of survey.data.cityCodes.filter((_, r) => survey.data.consent[r] !== 1)) {
      const c = bundle.citiesByCode.get(code)!;
      expect(drawn.has(`${Math.round(c.lon * 100) / 100},${Math.round(c.lat * 100) / 100}`)).toBe(false);
    }
    expect(p.notes.join(' ')).toContain(`${survey.respondents - consenting.length} responding`);
    const anonymous = survey.data.cityCodes.filter((_, r) => survey.data.consent[r] === 0).map((c) => bundle.citiesByCode.get(c)!.name);
    for (const name of anonymous) expect(JSON.stringify(p)).not.toContain(name);
    expect(p.table.rows.reduce((s, r) => s + (r[1] as number), 0)).toBe(survey.respondents);
  });

  it('type=tiles → responding cities, countries, response rate', () => {
    const p = plan({ type: 'tiles' });
    expect(p.kind).toBe('tiles');
    expect(p.table.rows).toEqual([
      ['Responding cities', 35],
      ['Countries', survey.countries],
      ['Response rate (%)', r0((100 * 35) / 80)],
    ]);
  });

  it('refuses what it cannot draw, with a rule', () => {
    const fails = (req: Partial<ChartRequest>) => {
      const r = planChart({ domId: 'f', caption: 'c', alt: 'a', ...req }, ctx);
      return r.ok ? 'ok' : r.rule;
    };
    expect(fails({})).toBe('chart-source');
    expect(fails({ question: 'Q99' })).toBe('chart-question');
    expect(fails({ question: 'Q15' })).toBe('chart-question');
    expect(fails({ question: 'Q05', by: 'city' })).toBe('chart-option');
    expect(fails({ question: 'Q06', by: 'region' })).toBe('chart-option');
    expect(fails({ question: 'Q04', compare: 'previous' })).toBe('chart-option');
    expect(fails({ type: 'pie' })).toBe('chart-option');
    expect(fails({ question: 'Q05', survey: 'pulse-1999' })).toBe('survey-missing');
    expect(fails({ question: 'Q05', alt: ' ' })).toBe('chart-alt');
    expect(fails({ spec: 'nope' })).toBe('chart-spec');
  });

  it('is pure and JSON-serialisable: same request, same plan, survives a JSON round trip', () => {
    for (const req of [{ question: 'Q01' }, { question: 'Q04', by: 'region' }, { type: 'map' }, { question: 'Q09' }]) {
      const a = plan(req);
      expect(plan(req)).toEqual(a);
      expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    }
  });
});
