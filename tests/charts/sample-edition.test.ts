/** Every chart the sample edition can ask for plans and renders from the real data/ files. */
import { describe, expect, it } from 'vitest';
import { planChart, renderChart, type ChartRequest } from '../../pipeline/stages/charts/index.js';
import { hasSampleData, sampleContext } from './sample-data.js';

describe.skipIf(!hasSampleData())('sample edition charts', () => {
  it('plans and renders every closed question, breakdown, comparison, map, tiles and custom spec', async () => {
    const ctx = sampleContext();
    const survey = ctx.bundle.surveys.get('pulse-2026')!;
    const requests: Partial<ChartRequest>[] = [{ type: 'map' }, { type: 'tiles' }, { spec: 'climate-budget-share' }];
    for (const q of survey.questions) {
      if (q.type === 'open') continue;
      requests.push({ question: q.id });
      if (['single', 'likert', 'scale_0_10'].includes(q.type)) requests.push({ question: q.id, by: 'region' });
      if (survey.previous?.questions.has(q.id)) requests.push({ question: q.id, compare: 'previous' });
    }
    const svgs: string[] = [];
    for (const [i, req] of requests.entries()) {
      const r = planChart({ domId: `fig-${i}`, caption: 'c', alt: 'alt', ...req }, ctx);
      if (!r.ok) throw new Error(`${JSON.stringify(req)}: ${r.rule}: ${r.reason}`);
      expect(r.plan.sourceNote).toMatch(/n = \d+/);
      const out = await renderChart(r.plan);
      svgs.push(out.svg);
    }
    const ids = svgs.flatMap((s) => [...s.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    expect(new Set(ids).size).toBe(ids.length);
  }, 60_000);
});
