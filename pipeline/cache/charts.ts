import type { RenderedChart } from '../model/figure.js';
import { renderChart } from '../stages/charts/index.js';
import { encode, sha256 } from './codec.js';
import type { CacheStore } from './store.js';

type ChartPlan = Parameters<typeof renderChart>[0];

/** Draw a chart, or reuse the drawing of an identical plan: the key is sha256 of the plan's JSON. */
export function chartRenderer(store: CacheStore | undefined): (plan: ChartPlan) => Promise<RenderedChart> {
  if (!store) return renderChart;
  return async (plan) => {
    const key = sha256('chart', encode(plan));
    const hit = (await store.get('chart', key)) as RenderedChart | undefined;
    if (hit) return hit;
    const rendered = await renderChart(plan);
    store.set('chart', key, rendered);
    return rendered;
  };
}
