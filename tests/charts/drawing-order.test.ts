import { describe, expect, it } from 'vitest';
import { drawingOrder } from '../../pipeline/stages/assemble/charts.js';
import { resolveLocale } from '../../pipeline/locale/index.js';
import { planChart, type ChartPlan } from '../../pipeline/stages/charts/index.js';
import { bundle } from './fixture.js';

/**
 * Charts go to the drawing threads costliest first, so that a map is not the last task while the
 * other thread has nothing left to do (at 1x the sample's map alone took as long as four other charts).
 */
const plan = (request: Parameters<typeof planChart>[0]): ChartPlan => {
  const r = planChart(request, { bundle, locale: resolveLocale({ language: 'en' }), customSpecs: [] });
  if (!r.ok) throw new Error(r.reason);
  return r.plan;
};

describe('the order charts are drawn in', () => {
  it('puts the map first and otherwise keeps the edition order for charts alike', () => {
    const question = [...bundle.surveys.values()][0]!.questions.find((q) => q.type !== 'open')!;
    const bar = (id: string) => ({ id, plan: plan({ domId: id, caption: 'C', alt: 'What the chart shows', question: question.id }) });
    const map = { id: 'map', plan: plan({ domId: 'map', caption: 'C', alt: 'Where the cities are', type: 'map' }) };
    const items = [bar('first'), bar('second'), map, bar('third')];
    expect(drawingOrder(items, (i) => i.plan).map((i) => i.id)).toEqual(['map', 'first', 'second', 'third']);
    // A chart with more data comes before a smaller one of the same kind.
    const big = { id: 'big', plan: { ...items[0]!.plan, spec: { ...items[0]!.plan.spec, datasets: { extra: Array.from({ length: 500 }, (_, i) => ({ i })) } } as ChartPlan['spec'] } };
    expect(drawingOrder([items[0]!, big], (i) => i.plan).map((i) => i.id)).toEqual(['big', 'first']);
  });
});
