/**
 * Chart stage: `::chart` request → ChartPlan (pure, JSON, cacheable) → RenderedChart (SVG).
 *
 *   planChart(request, ctx)  1. read the request (choose.ts)
 *                            2. aggregate and pick the chart for the question type, or load
 *                               the map, tiles or custom spec
 *                            3. spec with inline data, data table, CSV, source note
 *   renderChart(plan)        4. Vega-Lite → Vega → SVG in Node, loader refusing everything
 *                            5. one accessible image: role, title, desc, hidden inner marks,
 *                               ids prefixed with the figure's domId
 */
import type { RenderedChart } from '../../model/figure.js';
import { choose } from './choose.js';
import { planCustom } from './custom-spec.js';
import { planQuestion } from './plan-question.js';
import { renderSvg } from './render.js';
import { planMap } from './spec-map.js';
import { planTiles } from './spec-tiles.js';
import { finishSvg } from './svg-a11y.js';
import { fail, type ChartContext, type ChartPlan, type ChartRequest, type PlanResult } from './types.js';

export type { ChartContext, ChartKind, ChartPlan, ChartRequest, PlanResult } from './types.js';
export { RenderError } from './render.js';

const domIdPattern = /^[A-Za-z][A-Za-z0-9_-]*$/;

export function planChart(request: ChartRequest, ctx: ChartContext): PlanResult {
  if (!domIdPattern.test(request.domId)) throw new TypeError(`planChart: domId "${request.domId}" is not a valid id`);
  if (request.alt.trim() === '') return fail('chart-alt', 'The chart has no alt text; add alt="…" describing what it shows');

  const chosen = choose(request, ctx.bundle);
  if (!chosen.ok) return chosen;
  const c = chosen.choice;
  switch (c.source) {
    case 'spec':
      return planCustom(request, ctx);
    case 'map':
      return { ok: true, plan: planMap(request, c.survey, ctx.bundle, ctx.language) };
    case 'tiles':
      return { ok: true, plan: planTiles(request, c.survey, ctx.language) };
    case 'question':
      return planQuestion(request, c.survey, c.question, c.by, c.compare, ctx.bundle, ctx.language);
  }
}

/** Draw a plan. Rejects with a RenderError (rule chart-render) if Vega cannot draw it. */
export async function renderChart(plan: ChartPlan): Promise<RenderedChart> {
  const raw = await renderSvg(plan.spec, { basemap: plan.basemap });
  const svg = finishSvg(raw, { domId: plan.domId, title: plan.alt, desc: plan.summary });
  return { kind: plan.kind, svg, table: plan.table, csv: plan.csv, sourceNote: plan.sourceNote, notes: plan.notes };
}
