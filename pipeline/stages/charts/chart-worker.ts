/**
 * The chart worker (one per thread of the pool in workers.ts): draws one chart per task, in all
 * its layouts (the wide drawing and the narrow one for phones), so a chart is one trip to a thread
 * and its basemap is prepared once. It tells
 * the pool when drawing starts, so the time limit counts drawing only, not the wait in the queue or
 * the second it takes a fresh thread to load Vega. Errors come back as text: a RenderError's class
 * does not survive the trip between threads.
 */
import { createRequire } from 'node:module';
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

/** A PNG to draw from an SVG (the web edition's press images and social cards): see drawPng in workers.ts. */
export interface PngTask {
  readonly svg: string;
  readonly options: import('@resvg/resvg-js').ResvgRenderOptions;
}

let resvg: typeof import('@resvg/resvg-js') | undefined;
let pressure: ArrayBuffer | undefined;

/**
 * Draw one PNG with resvg, here rather than on the thread that prints the PDF.
 *
 * resvg's pixmaps live outside V8's heap and are freed by finalizers that Node runs from the event
 * loop after a collection. The pool waits for tasks without turning the event loop, and V8 is not
 * told of the pixmaps, so without help they were never freed: 800 images held 3.5 GB. After each
 * image, an ArrayBuffer the pixmap's size tells V8 of that much memory (so it collects), and one
 * turn of the event loop runs the finalizers: 0.28–0.36 GB for the same 800, drawn as fast
 * (tests/charts/png-memory.test.ts). Asking for a collection outright needs V8's flags changed
 * at run time, after which a chart thread over its memory limit ended the whole process.
 */
export async function drawPngTask(task: PngTask): Promise<Uint8Array> {
  resvg ??= createRequire(import.meta.url)('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
  const image = new resvg.Resvg(task.svg, task.options).render();
  const png = new Uint8Array(image.asPng());
  // As much memory as the pixmap, allocated where V8 counts it and dropped at the next image:
  // V8 then collects as often as resvg's memory calls for.
  pressure = new ArrayBuffer(image.width * image.height * 4);
  await new Promise((resolve) => setImmediate(resolve));
  return png;
}
