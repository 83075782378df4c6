import { resolveLocale } from '../../pipeline/locale/index.js';
/** No singling out: no count below k of responding cities per country reaches a reader. */
import { describe, expect, it } from 'vitest';
import { planChart, type ChartPlan } from '../../pipeline/stages/charts/index.js';
import { minCountryCount } from '../../pipeline/stages/survey/disclosure.js';
import { bundle, survey } from './fixture.js';

const plan = (attrs: Record<string, string>): ChartPlan => {
  const r = planChart({ domId: 'fig-x', caption: 'C', alt: 'A', ...attrs }, { bundle, locale: resolveLocale({ language: 'en' }), customSpecs: [] });
  if (!r.ok) throw new Error(r.reason);
  return r.plan;
};

describe('per-country counts', () => {
  it('the map table merges countries with fewer than k responding cities', () => {
    const perCountry = new Map<string, number>();
    for (const code of survey.data.cityCodes) {
      const c = bundle.citiesByCode.get(code)!.country;
      perCountry.set(c, (perCountry.get(c) ?? 0) + 1);
    }
    expect([...perCountry.values()].some((n) => n < minCountryCount)).toBe(true); // the fixture has such countries
    const p = plan({ type: 'map' });
    const counts = p.table.rows.map((r) => r[1] as number);
    expect(counts.every((n) => n >= minCountryCount)).toBe(true);
    expect(counts.reduce((s, n) => s + n, 0)).toBe(survey.respondents);
    for (const line of p.csv.split('\r\n').slice(1)) expect(line).not.toMatch(/^[A-Z]{2},[12],/);
  });

  it('a breakdown by country names small groups without their exact n', () => {
    const p = plan({ question: 'Q05', by: 'country' });
    expect(p.notes.join(' ')).not.toMatch(/\(n = [12]\)/);
    expect(p.notes.join(' ')).toContain(`n < ${minCountryCount}`);
  });

  it('custom-spec rows of anonymous cities hide a country with fewer than k respondents', async () => {
    const { resolveDataset } = await import('../../pipeline/stages/charts/datasets.js');
    const d = resolveDataset('pulse-2026:respondents', bundle, resolveLocale({ language: 'en' }));
    if (typeof d === 'string') throw new Error(d);
    const small = new Set([...new Set(d.rows.map((r) => r['country']))].filter((c) => d.rows.filter((r) => r['country'] === c).length < minCountryCount && c !== 'Other country'));
    for (const r of d.rows) if (String(r['city']).startsWith('Anonymous')) expect(small.has(String(r['country']))).toBe(false);
  });
});
