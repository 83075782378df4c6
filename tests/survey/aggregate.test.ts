import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { City, Question, QuestionAggregate, Survey } from '../../pipeline/model/survey.js';
import { aggregateQuestion } from '../../pipeline/stages/survey/aggregate.js';
import { breakdown } from '../../pipeline/stages/survey/breakdown.js';
import { roundHalfUp, sharePercent } from '../../pipeline/stages/survey/rounding.js';
import { yearOnYear } from '../../pipeline/stages/survey/year-on-year.js';

const q = (over: Partial<Question> & Pick<Question, 'id' | 'type'>): Question => ({
  wording: 'Wording?', options: [], bands: [], missing: [], base: 'valid', columns: [over.id], unit: undefined,
  min: undefined, max: undefined, decimals: 0, ranks: 0, published: true, ...over,
});
const opts = (n: number) => Array.from({ length: n }, (_, i) => ({ code: i + 1, label: `Option ${i + 1}` }));
const dk = [{ code: 98, label: "Don't know", kind: 'dont-know' as const }];

const single = q({ id: 'S', type: 'single', options: opts(3), missing: dk });
const singleAll = q({ id: 'S', type: 'single', options: opts(3), missing: dk, base: 'all' });
const multi = q({ id: 'M', type: 'multi', options: opts(3), columns: ['M_1', 'M_2', 'M_3'] });
const rank = q({ id: 'R', type: 'ranking', options: opts(4), columns: ['R_1', 'R_2', 'R_3'], ranks: 3, missing: [{ code: 99, label: 'No answer', kind: 'no-answer' }] });
const scale = q({ id: 'T', type: 'scale_0_10', min: 0, max: 10, missing: dk, bands: [
  { key: 'low', label: 'Low', min: 0, max: 4 }, { key: 'mid', label: 'Mid', min: 5, max: 6 }, { key: 'high', label: 'High', min: 7, max: 10 }] });
const num = q({ id: 'N', type: 'numeric', min: 0, max: 100, decimals: 1, unit: '%' });
const questions = [single, multi, rank, scale, num];

const regionsCycle = ['Nordic', 'Western Europe', 'Southern Europe'] as const;
const cities = new Map<string, City>(
  Array.from({ length: 400 }, (_, i): [string, City] => [`C${i}`, {
    code: `C${i}`, name: `City ${i}`, asciiName: `City ${i}`, country: ['PL', 'DE', 'SE', 'ES'][i % 4]!,
    region: regionsCycle[i % 3]!, memberType: 'full', lat: 0, lon: 0, population: undefined,
  }]),
);

type Row = { consent: number; S: number; M: number[]; R: number[]; T: number; N: number };
function surveyOf(rows: readonly Row[], over: Partial<Survey> = {}): Survey {
  const col = (f: (r: Row) => number) => Float64Array.from(rows, f);
  const columns = new Map<string, Float64Array>([
    ['S', col((r) => r.S)], ['T', col((r) => r.T)], ['N', col((r) => r.N)],
    ...[0, 1, 2].map((k): [string, Float64Array] => [`M_${k + 1}`, col((r) => r.M[k]!)]),
    ...[0, 1, 2].map((k): [string, Float64Array] => [`R_${k + 1}`, col((r) => r.R[k]!)]),
  ]);
  return {
    id: 's', title: 'S', shortTitle: 'S', fieldwork: { start: '2026-01-01', end: '2026-01-31' }, population: 'p',
    populationSize: undefined, respondents: rows.length, countries: 1, questions,
    questionsById: new Map(questions.map((x) => [x.id, x])), previous: undefined, synthetic: true,
    files: { codebook: '', csv: '', previous: undefined },
    data: { rows: rows.length, cityCodes: rows.map((_, i) => `C${i}`), consent: Uint8Array.from(rows, (r) => r.consent), columns },
    ...over,
  };
}

const NaN_ = Number.NaN;
const row = fc.record({
  consent: fc.constantFrom(0, 1),
  S: fc.constantFrom(1, 2, 3, 98, NaN_),
  M: fc.array(fc.constantFrom(0, 1, NaN_), { minLength: 3, maxLength: 3 }),
  R: fc.uniqueArray(fc.constantFrom(1, 2, 3, 4), { minLength: 0, maxLength: 3 }).map((r) => [...r, NaN_, NaN_, NaN_].slice(0, 3)),
  T: fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constantFrom(98, NaN_)),
  N: fc.oneof(fc.double({ min: 0, max: 100, noNaN: true }), fc.constant(NaN_)),
});
const rowsArb = fc.array(row, { maxLength: 120 });
const minBaseArb = fc.integer({ min: 1, max: 40 });

const countsByCode = (a: QuestionAggregate): Map<string, number> => {
  switch (a.kind) {
    case 'categorical': case 'scale': return new Map([...a.shares, ...a.missing].map((s) => [s.code, s.count]));
    case 'multi': return new Map(a.shares.map((s) => [s.code, s.count]));
    case 'ranking': return new Map(a.shares.flatMap((s) => [[`first ${s.code}`, s.firstCount], [`top ${s.code}`, s.topCount]]));
    default: return new Map([['n', a.n]]);
  }
};
const counts = (a: QuestionAggregate): number[] => [...countsByCode(a).values()];
const pcts = (a: QuestionAggregate): (number | null)[] =>
  a.kind === 'ranking' ? a.shares.flatMap((s) => [s.firstPct, s.topPct])
  : a.kind === 'numeric' ? [a.median] : 'shares' in a ? a.shares.map((s) => s.pct) : [];

describe('aggregation properties', () => {
  it('row order does not change results', () => {
    fc.assert(fc.property(rowsArb, minBaseArb, fc.integer(), (rows, minBase, seed) => {
      const shuffled = [...rows].map((r, i) => ({ r, k: Math.sin(seed + i) })).sort((a, b) => a.k - b.k).map((x) => x.r);
      for (const question of questions) {
        const a = aggregateQuestion(surveyOf(rows), question, new Map(), minBase);
        const b = aggregateQuestion(surveyOf(shuffled), question, new Map(), minBase);
        if (a.kind === 'numeric' && b.kind === 'numeric') {
          expect(b.values.map((v) => v.value)).toEqual(a.values.map((v) => v.value));
          expect(b.median).toBe(a.median);
        } else {
          expect(counts(b)).toEqual(counts(a));
          expect(pcts(b).map((p) => p?.toFixed(9))).toEqual(pcts(a).map((p) => p?.toFixed(9)));
        }
      }
    }));
  });

  it('single-choice shares sum to 100', () => {
    fc.assert(fc.property(rowsArb, (rows) => {
      for (const question of [single, scale]) {
        const a = aggregateQuestion(surveyOf(rows), question, new Map(), 1);
        if (a.kind !== 'categorical' && a.kind !== 'scale') throw new Error('kind');
        if (a.n === 0) continue;
        expect(a.shares.map((s) => s.pct!).reduce((s, v) => s + v, 0)).toBeCloseTo(100, 9);
      }
    }));
  });


  it('counts never exceed n, and filtering rows never increases a count', () => {
    fc.assert(fc.property(rowsArb, fc.func(fc.boolean()), (rows, keep) => {
      const survey = surveyOf(rows);
      const subset = rows.flatMap((_, i) => (keep(i) ? [i] : []));
      for (const question of questions) {
        const all = aggregateQuestion(survey, question, new Map(), 1);
        const some = aggregateQuestion(survey, question, new Map(), 1, subset);
        if (all.kind !== 'numeric') for (const c of counts(all).slice(0, all.kind === 'categorical' || all.kind === 'scale' ? all.shares.length : undefined)) expect(c).toBeLessThanOrEqual(all.n);
        expect(all.n).toBeLessThanOrEqual(all.respondents);
        const before = countsByCode(all);
        for (const [code, c] of countsByCode(some)) expect(c).toBeLessThanOrEqual(before.get(code)!);
      }
    }));
  });

  it('suppressed aggregates and breakdown groups never carry a percentage', () => {
    fc.assert(fc.property(rowsArb, minBaseArb, (rows, minBase) => {
      const survey = surveyOf(rows);
      for (const question of questions) {
        const a = aggregateQuestion(survey, question, cities, minBase);
        if (a.n < minBase) {
          expect(a.suppressed).toBe(true);
          expect(pcts(a).every((p) => p === null)).toBe(true);
          if (a.kind === 'categorical' || a.kind === 'scale') expect(a.missing.every((m) => m.pct === null)).toBe(true);
          if (a.kind === 'numeric') expect(a.values).toEqual([]);
        }
        for (const by of ['region', 'country', 'member_type'] as const) {
          for (const g of breakdown(survey, question, by, cities, minBase).groups) {
            if (g.n < minBase) expect(g.suppressed).toBe(true);
            if (g.suppressed) {
              expect(Object.keys(g).sort()).toEqual(['key', 'label', 'n', 'reason', 'suppressed']);
            }
          }
        }
      }
    }));
  });
});

describe('aggregation examples (hand-computed)', () => {
  const base: Omit<Row, 'S'> = { consent: 1, M: [0, 0, 0], R: [NaN_, NaN_, NaN_], T: NaN_, N: NaN_ };
  // S answers: 1, 2, 2, 3, 3, 3, 98, blank → valid n = 6.
  const rows: Row[] = [1, 2, 2, 3, 3, 3, 98, NaN_].map((S) => ({ ...base, S }));

  it('single choice with base "valid" excludes don\'t know and blanks', () => {
    const a = aggregateQuestion(surveyOf(rows), single, new Map(), 1);
    expect(a).toMatchObject({ kind: 'categorical', n: 6, respondents: 8, suppressed: false });
    if (a.kind !== 'categorical') throw new Error();
    expect(a.shares.map((s) => [s.code, s.count, s.pct!.toFixed(10)])).toEqual([['1', 1, '16.6666666667'], ['2', 2, '33.3333333333'], ['3', 3, '50.0000000000']]);
    expect(a.missing.map((s) => [s.code, s.count, s.pct])).toEqual([['98', 1, 12.5], ['blank', 1, 12.5]]);
  });

  it('single choice with base "all" keeps them in n', () => {
    const a = aggregateQuestion(surveyOf(rows), singleAll, new Map(), 1);
    if (a.kind !== 'categorical') throw new Error();
    expect(a.n).toBe(8);
    expect(a.shares.map((s) => s.pct)).toEqual([12.5, 25, 37.5]);
  });

  it('suppresses below minBase with a reason', () => {
    const a = aggregateQuestion(surveyOf(rows), single, new Map(), 30);
    expect(a.suppressed).toBe(true);
    expect(a.reason).toBe('Base below 30 (n = 6): percentages are not shown');
  });

  it('multi-select: share of respondents who answered, totals above 100', () => {
    const m = [[1, 1, 0], [1, 0, 0], [0, 1, 1], [1, 1, 1], [NaN_, NaN_, NaN_]];
    const a = aggregateQuestion(surveyOf(m.map((M) => ({ ...base, S: 1, M }))), multi, new Map(), 1);
    if (a.kind !== 'multi') throw new Error();
    expect(a.n).toBe(4);
    expect(a.shares.map((s) => s.pct)).toEqual([75, 75, 50]);
  });

  it('ranking: first choice, top three and the 3/2/1 score', () => {
    const r = [[1, 2, 3], [2, 1, NaN_], [1, 4, 2], [99, NaN_, NaN_]];
    const a = aggregateQuestion(surveyOf(r.map((R) => ({ ...base, S: 1, R }))), rank, new Map(), 1);
    if (a.kind !== 'ranking') throw new Error();
    expect(a.n).toBe(3);
    expect(a.shares.map((s) => [s.code, s.firstCount, s.topCount, s.score])).toEqual([
      ['1', 2, 3, 3 + 2 + 3], ['2', 1, 3, 2 + 3 + 1], ['3', 0, 1, 1], ['4', 0, 1, 2],
    ]);
    expect(a.shares[0]!.firstPct).toBeCloseTo(200 / 3, 12);
  });

  it('0–10 scale: bands and mean of valid scores', () => {
    const t = [0, 4, 5, 7, 10, 98];
    const a = aggregateQuestion(surveyOf(t.map((T) => ({ ...base, S: 1, T }))), scale, new Map(), 1);
    if (a.kind !== 'scale') throw new Error();
    expect(a.shares.map((s) => s.count)).toEqual([2, 1, 2]);
    expect(a.mean).toBe(26 / 5);
  });

  it('numeric: median, range, and names only with consent', () => {
    const n = [[4, 1], [1, 0], [10, 1], [2.5, 1]] as const;
    const survey = surveyOf(n.map(([N, consent]) => ({ ...base, S: 1, N, consent })));
    const a = aggregateQuestion(survey, num, cities, 1);
    if (a.kind !== 'numeric') throw new Error();
    expect([a.median, a.min, a.max]).toEqual([3.25, 1, 10]);
    expect(a.values.map((v) => [v.cityName, v.value])).toEqual([[null, 1], ['City 3', 2.5], ['City 0', 4], ['City 2', 10]]);
  });

  it('breakdown by region suppresses small groups', () => {
    const many: Row[] = Array.from({ length: 90 }, (_, i) => ({ ...base, S: (i % 3) + 1 }));
    // Cities cycle Nordic, Western, Southern: 30 each; drop 5 Nordic answers to make it small.
    for (let i = 0; i < 15; i += 3) many[i] = { ...many[i]!, S: NaN_ };
    const b = breakdown(surveyOf(many), single, 'region', cities, 30);
    expect(b.groups.map((g) => [g.key, g.n, g.suppressed])).toEqual([
      ['Nordic', 25, true], ['Western Europe', 30, false], ['Southern Europe', 30, false],
    ]);
  });

  it('year on year against previous aggregates', () => {
    const survey = surveyOf(rows, {
      previous: { id: 'p', title: 'P', shortTitle: 'P', respondents: 86, questions: new Map([['S', { n: 86, measure: 'share' as const, shares: new Map([['1', 20], ['3', 45]]) }]]) },
    });
    const y = yearOnYear(survey, single, new Map(), 1)!;
    const r2 = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
    expect(y.rows.map((r) => [r.code, r.previous, r2(r.current), r2(r.change), r.previousN, r.currentN])).toEqual([
      ['1', 20, 16.67, -3.33, 86, 6], ['2', null, 33.33, null, 86, 6], ['3', 45, 50, 5, 86, 6],
    ]);
  });
});

describe('the one rounding rule: half up, once, from exact counts', () => {
  it('rounds exact halves up, even where binary floating point lands just below them', () => {
    expect(sharePercent(1, 8)).toBe(13); // 12.5
    expect(sharePercent(6, 57)).toBe(11); // 10.53
    expect(sharePercent(29, 200)).toBe(15); // 14.5, which is 14.499999… in binary
    expect(sharePercent(21, 200, 1)).toBe(10.5);
    expect(roundHalfUp(100 / 3)).toBe(33);
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(-2.5)).toBe(-3);
  });
  it('agrees with integer arithmetic for every count and base up to 300', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 300 }), fc.nat(300), (n, k) => {
      const count = k % (n + 1);
      expect(sharePercent(count, n)).toBe(Math.floor((200 * count + n) / (2 * n)));
    }));
  });
});
