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
import { chartAltProblem } from './alt.js';
import type { RenderedChart } from '../../model/figure.js';
import { choose } from './choose.js';
import { planCustom } from './custom-spec.js';
import { planQuestion } from './plan-question.js';
import { renderSvgs } from './render.js';
import { planMap } from './spec-map.js';
import { planTiles } from './spec-tiles.js';
import { finishSvg } from './svg-a11y.js';
import { narrowWidth } from './theme.js';
import { smartenPlan } from './typography.js';
import { fail, type ChartContext, type ChartPlan, type ChartRequest, type PlanResult } from './types.js';

export type { ChartContext, ChartKind, ChartPlan, ChartRequest, PlanResult } from './types.js';
export { RenderError } from './render.js';

const domIdPattern = /^[A-Za-z][A-Za-z0-9_-]*$/;

/**
 * Plan a chart at the house width and, for the web edition's phones, again at the narrow width:
 * the plan carries both specs (the narrow one is laid out afresh, not scaled down).
 */
export function planChart(request: ChartRequest, ctx: ChartContext): PlanResult {
  const wide = planAt(request, { ...ctx, width: undefined });
  if (!wide.ok) return wide;
  const narrow = planAt(request, { ...ctx, width: narrowWidth });
  return { ok: true, plan: smartenPlan({ ...wide.plan, narrowSpec: narrow.ok ? narrow.plan.spec : null }, ctx.locale) };
}

function planAt(request: ChartRequest, ctx: ChartContext): PlanResult {
  if (!domIdPattern.test(request.domId)) throw new TypeError(`planChart: domId "${request.domId}" is not a valid id`);
  const altProblem = chartAltProblem(request.alt, request.caption);
  if (altProblem !== undefined) return fail('chart-alt', altProblem);

  const chosen = choose(request, ctx.bundle);
  if (!chosen.ok) return chosen;
  const c = chosen.choice;
  switch (c.source) {
    case 'spec':
      return planCustom(request, ctx);
    case 'map':
      return { ok: true, plan: planMap(request, c.survey, ctx.bundle, ctx.locale, ctx.width) };
    case 'tiles':
      return { ok: true, plan: planTiles(request, c.survey, ctx.locale, ctx.width) };
    case 'question':
      return planQuestion(request, c.survey, c.question, c.by, c.compare, ctx.bundle, ctx.locale, ctx.width);
  }
}

/** Draw a plan. Rejects with a RenderError (rule chart-render) if Vega cannot draw it. */
export async function renderChart(plan: ChartPlan): Promise<RenderedChart> {
  // Both layouts in one task: one trip to a drawing thread per chart.
  const [raw = '', narrowRaw] = await renderSvgs(plan.narrowSpec ? [plan.spec, plan.narrowSpec] : [plan.spec], { basemap: plan.basemap });
  const svg = finishSvg(raw, { domId: plan.domId, title: plan.alt, desc: plan.summary });
  // The phone variant: its own id prefix, so the two inline SVGs of one figure share no id.
  const svgNarrow = narrowRaw === undefined ? undefined : finishSvg(narrowRaw, { domId: `${plan.domId}-narrow`, title: plan.alt, desc: plan.summary });
  return { kind: plan.kind, svg, ...(svgNarrow ? { svgNarrow } : {}), table: plan.table, csv: plan.csv, sourceNote: plan.sourceNote, notes: plan.notes };
}
