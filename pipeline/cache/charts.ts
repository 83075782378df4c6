import type { RenderedChart } from '../model/figure.js';
import type { SurveyBundle } from '../model/survey.js';
import { planChart, renderChart, type ChartContext, type ChartRequest, type PlanResult } from '../stages/charts/index.js';
import { encode, sha256 } from './codec.js';
import { MemoryStore, type CacheStore } from './store.js';

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

/** Each survey bundle's identity for plan keys: a bundle is immutable, so one id per object. */
const bundleIds = new WeakMap<SurveyBundle, number>();
let nextBundleId = 0;

/**
 * Plan a chart, or, in the preview's memory cache, reuse the plan of the same request on the same
 * survey bundle (reused as the same object while the data files are unchanged: see surveys.ts),
 * language and custom specs. An edited essay then re-plans none of the edition's charts.
 */
export function chartPlanner(store: CacheStore | undefined): (request: ChartRequest, ctx: ChartContext) => PlanResult {
  if (!(store instanceof MemoryStore)) return planChart;
  return (request, ctx) => {
    let id = bundleIds.get(ctx.bundle);
    if (id === undefined) bundleIds.set(ctx.bundle, (id = nextBundleId++));
    const specs = ctx.customSpecs.flatMap((f) => [f.path, f.bytes]);
    const key = sha256('plan', String(id), encode(ctx.locale), String(ctx.width), encode(request), ...specs);
    const hit = store.peek('plan', key) as PlanResult | undefined;
    if (hit) return hit;
    const planned = planChart(request, ctx);
    store.set('plan', key, planned);
    return planned;
  };
}
