import { resolveLocale } from '../../pipeline/locale/index.js';
/** The map: cropped to the cities, a legend of three real circle sizes, small circles on top. */
import { describe, expect, it } from 'vitest';
import { planChart, renderChart, type ChartPlan } from '../../pipeline/stages/charts/index.js';
import type { SurveyBundle } from '../../pipeline/model/survey.js';
import { bundle, cities } from './fixture.js';

const plan = (b: SurveyBundle): ChartPlan => {
  const r = planChart({ domId: 'fig-map', caption: 'C', alt: 'A', type: 'map' }, { bundle: b, locale: resolveLocale({ language: 'en' }), customSpecs: [] });
  if (!r.ok) throw new Error(r.reason);
  return r.plan;
};
const legendTexts = (svg: string) => [...svg.matchAll(/<g class="mark-text role-legend-label"[^>]*>(.*?)<\/g>/g)].flatMap((g) => [...g[1]!.matchAll(/>([^<]+)<\/text>/g)].map((m) => m[1]!));
type Layer = { data?: { values?: { population: number }[] }; encoding?: { size?: { legend?: { values?: number[] } } } };

describe('map', () => {
  it('legend: three real sizes, none zero; smaller circles drawn after larger ones', async () => {
    const p = plan(bundle);
    const layers = (p.spec as unknown as { layer: Layer[] }).layer;
    const sized = layers.find((l) => l.encoding?.size)!;
    const values = sized.encoding!.size!.legend!.values!;
    expect(values).toHaveLength(3);
    expect(values.every((v) => v > 0)).toBe(true);
    const pops = sized.data!.values!.map((v) => v.population);
    expect(pops).toEqual([...pops].sort((a, b) => b - a));
    const out = await renderChart(p);
    const legend = legendTexts(out.svg);
    expect(legend.length).toBe(3);
    for (const t of legend) expect(t).not.toMatch(/^0|NaN/);
    // The frame is the cities' box: the fit outline spans no further west than the westmost city + margin.
    const outline = (p.spec as unknown as { projection: { fit: { geometry: { coordinates: [number, number][] } } } }).projection.fit.geometry.coordinates;
    const west = Math.min(...outline.map(([lon]) => lon));
    const named = cities.filter((_, i) => bundle.surveys.get('pulse-2026')!.data.consent[i] === 1);
    expect(west).toBeGreaterThanOrEqual(Math.min(...named.map((c) => c.lon)) - 3);
  });

  it('without population figures: no size legend and no "NaN" or "0M"', async () => {
    const noPop = cities.map((c) => ({ ...c, population: undefined }));
    const b: SurveyBundle = { ...bundle, cities: noPop, citiesByCode: new Map(noPop.map((c) => [c.code, c])) };
    const out = await renderChart(plan(b));
    expect(out.svg).not.toMatch(/NaN|>0M</);
    expect(legendTexts(out.svg)).toEqual([]);
  });
});
