import type { RenderedChart } from '../model/figure.js';
import { planChart, renderChart, type ChartContext, type ChartRequest, type PlanResult } from '../stages/charts/index.js';
import { encode, sha256 } from './codec.js';
import type { CacheStore } from './store.js';
import { bundleKey } from './surveys.js';

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

/**
 * Plan a chart, or reuse the plan of the same request on the same survey data (the content key of
 * the bundle's load: see surveys.ts), language and custom specs. An edited essay then re-plans
 * none of the edition's charts. From the disk cache, the 'plan' namespace is preloaded (compile.ts).
 */
export function chartPlanner(store: CacheStore | undefined): (request: ChartRequest, ctx: ChartContext) => PlanResult {
  if (!store) return planChart;
  return (request, ctx) => {
    const data = bundleKey(ctx.bundle);
    if (data === undefined) return planChart(request, ctx);
    const specs = ctx.customSpecs.flatMap((f) => [f.path, f.bytes]);
    const key = sha256('plan', data, encode(ctx.locale), String(ctx.width), encode(request), ...specs);
    const hit = store.peek('plan', key) as PlanResult | undefined;
    if (hit) return hit;
    const planned = planChart(request, ctx);
    store.set('plan', key, planned);
    return planned;
  };
}
