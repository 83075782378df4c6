import type { Locale } from '../../locale/index.js';
import type { VFile } from 'vfile';
import type { Figure, RenderedChart } from '../../model/figure.js';
import type { SourceFile } from '../../model/source.js';
import type { SurveyBundle } from '../../model/survey.js';
import { report } from '../../diagnostics/report.js';
import { chartAltProblem } from '../charts/alt.js';
import { planChart, renderChart } from '../charts/index.js';
import type { ChartPlan } from '../charts/types.js';
import type { ChartDirective } from '../markdown/outline.js';
import { smartenText } from '../markdown/typography.js';
import { asciiSlug } from '../validate/patterns.js';

export interface NumberedChart {
  readonly directive: ChartDirective;
  readonly number: string;
  readonly chapterSlug: string;
  readonly file: VFile;
}

export interface ChartInputs {
  readonly bundle: SurveyBundle;
  readonly locale: Locale;
  readonly customSpecs: readonly SourceFile[];
}

/**
 * Check, plan and draw every chart of the edition. Planning is pure and reports all problems;
 * drawing runs only for charts that planned cleanly and only when asked (not for `monitor check`).
 */
export async function buildFigures(
  charts: readonly NumberedChart[],
  inputs: ChartInputs,
  draw: boolean,
  /** Draws one planned chart; the build passes a content-hash cached renderer. */
  drawChart: (plan: Parameters<typeof renderChart>[0]) => Promise<RenderedChart> = renderChart,
  /** Plans one chart; the preview passes one that reuses unchanged plans. */
  plan: typeof planChart = planChart,
): Promise<Map<string, Figure>> {
  const drawn = new Map<string, Figure>();
  const toDraw: { readonly plan: ChartPlan; readonly chart: NumberedChart; readonly alt: string }[] = [];
  // Data files are named in the edition's language ("abbildung-2-1.csv"), in ASCII.
  const fileWord = asciiSlug(inputs.locale.t('figure')) || 'figure';
  for (const chart of charts) {
    const { directive, file } = chart;
    const attrs = directive.attributes;
    const alt = (attrs['alt'] ?? '').trim();
    let ok = true;
    if (!directive.caption) {
      report(file, 'chart-caption', 'The chart has no caption', directive.position);
      ok = false;
    }
    const altProblem = chartAltProblem(alt, directive.caption);
    if (altProblem !== undefined) {
      report(file, 'chart-alt', altProblem, directive.position);
      ok = false;
    }
    if (!attrs['question'] && !attrs['type'] && !attrs['spec']) {
      report(file, 'chart-source', 'The chart names no question, type or spec', directive.position);
      continue;
    }
    if (!ok) continue;
    const planned = plan(
      {
        domId: directive.id,
        caption: directive.caption,
        alt,
        question: attrs['question'],
        survey: attrs['survey'],
        by: attrs['by'],
        compare: attrs['compare'],
        type: attrs['type'],
        spec: attrs['spec'],
        measure: attrs['measure'],
      },
      { bundle: inputs.bundle, locale: inputs.locale, customSpecs: inputs.customSpecs },
    );
    if (!planned.ok) {
      if (!planned.followOn) report(file, planned.rule, planned.reason, directive.position);
      continue;
    }
    if (draw) toDraw.push({ plan: planned.plan, chart, alt });
  }
  // The costliest first, so the threads finish together rather than one waiting on a map drawn last.
  const jobs = drawingOrder(toDraw, (d) => d.plan).map(({ plan: chartPlan, chart, alt }) => {
    const { directive, file } = chart;
    return drawChart(chartPlan).then(
      (rendered) => {
        drawn.set(directive.id, {
          ...rendered,
          id: directive.id,
          number: chart.number,
          caption: smartenText(directive.caption, inputs.locale.quotes),
          alt,
          chapterSlug: chart.chapterSlug,
          csvName: `${fileWord}-${chart.number.replace('.', '-').toLowerCase()}.csv`,
          audience: directive.attributes['audience'] === 'members' ? 'members' : 'public',
        });
      },
      (error: unknown) => {
        report(file, 'chart-render', `The chart could not be drawn: ${(error as Error).message}`, directive.position);
      },
    );
  });
  await Promise.all(jobs);
  // In the edition's order, whatever order they were drawn in.
  const figures = new Map<string, Figure>();
  for (const { chart } of toDraw) {
    const figure = drawn.get(chart.directive.id);
    if (figure !== undefined) figures.set(chart.directive.id, figure);
  }
  return figures;
}

/**
 * Charts in the order to hand them to the chart threads: the costliest first (longest processing
 * time first), ties in the edition's order. A chart's cost is guessed from its spec's size (its
 * inline data), doubled for a second layout and ten times for a map, whose country shapes are
 * added in the thread. A wrong guess costs only time.
 */
export function drawingOrder<T>(items: readonly T[], planOf: (item: T) => ChartPlan): T[] {
  const cost = (plan: ChartPlan) => JSON.stringify(plan.spec).length * (plan.narrowSpec ? 2 : 1) * (plan.basemap ? 10 : 1);
  return items
    .map((item, i) => ({ item, i, cost: cost(planOf(item)) }))
    .sort((a, b) => b.cost - a.cost || a.i - b.i)
    .map((x) => x.item);
}
