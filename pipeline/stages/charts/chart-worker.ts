/**
 * The chart worker (one per thread of the pool in workers.ts): draws one chart per task, in all
 * its layouts (the wide drawing and the narrow one for phones), so a chart is one trip to a thread
 * and its basemap is prepared once. It tells
 * the pool when drawing starts, so the time limit counts drawing only, not the wait in the queue or
 * the second it takes a fresh thread to load Vega. Errors come back as text: a RenderError's class
 * does not survive the trip between threads.
 */
import type { MessagePort } from 'node:worker_threads';
import type { TopLevelSpec } from 'vega-lite';
import { drawSvg, loadEngine } from './draw.js';
import type { Frame } from './types.js';

export interface ChartTask {
  /** The chart's layouts, drawn in this order. */
  readonly specs: readonly TopLevelSpec[];
  readonly basemap: Frame | null;
  /** Receives one message when drawing starts. */
  readonly started: MessagePort;
}

export type ChartTaskResult = { readonly svgs: readonly string[] } | { readonly error: string };

// Load Vega and draw once while the thread starts, before the first task and its clock: a cold
// first drawing (module loading, compiling hot paths) can take longer than a whole ordinary chart.
await loadEngine();
await drawSvg({ mark: 'point', data: { values: [{ x: 1 }] }, encoding: { x: { field: 'x', type: 'quantitative' } } }, { basemap: null });

export default async function drawChartTask(task: ChartTask): Promise<ChartTaskResult> {
  task.started.postMessage('started');
  task.started.close();
  try {
    const svgs: string[] = [];
    for (const spec of task.specs) svgs.push(await drawSvg(spec, { basemap: task.basemap }));
    return { svgs };
  } catch (error) {
    return { error: (error as Error).message };
  }
}
