import { afterAll, describe, expect, it } from 'vitest';
import { planChart, renderChart } from '../../pipeline/stages/charts/index.js';
import { closeChartWorkers } from '../../pipeline/stages/charts/workers.js';
import * as workers from '../../pipeline/stages/charts/workers.js';
import { vi } from 'vitest';
import { sampleContext } from './sample-data.js';

afterAll(() => closeChartWorkers());

describe('a chart and its narrow layout', () => {
  it('are drawn in one task of a drawing thread, and the two drawings differ in width', async () => {
    const ctx = sampleContext();
    const question = ctx.bundle.surveys.get('pulse-2026')!.questions.find((q) => q.type !== 'open')!;
    const planned = planChart({ domId: 'fig-one', caption: 'c', alt: 'What the chart shows', question: question.id }, ctx);
    if (!planned.ok) throw new Error('the sample question did not plan');
    expect(planned.plan.narrowSpec).not.toBeNull();
    const spy = vi.spyOn(workers, 'drawInWorker');
    const rendered = await renderChart(planned.plan);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0]?.[0]).toHaveLength(2);
    spy.mockRestore();
    const width = (svg: string | undefined) => Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg ?? '')?.[1]);
    expect(width(rendered.svgNarrow)).toBeGreaterThan(0);
    expect(width(rendered.svgNarrow)).toBeLessThan(width(rendered.svg));
    expect(rendered.svg).toContain('id="fig-one');
    expect(rendered.svgNarrow).toContain('id="fig-one-narrow');
  }, 60_000);
});
