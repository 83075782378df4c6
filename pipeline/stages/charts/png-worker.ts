/**
 * The PNG worker (one per thread of the PNG pool in workers.ts): draws the web edition's press
 * images and social cards with resvg, off the thread that prints and checks the PDF.
 *
 * Its thread runs at the lowest scheduling priority where the system allows it (Linux: a thread's
 * own nice value): the images are drawn while Chromium prints, and on a machine with two cores
 * they took time from it (a 1× build printed its PDF 0.3 s slower with the images than without).
 * At low priority they take the cores Chromium and the main thread leave idle, and run at full
 * speed once nothing else wants the CPU. Vega is not loaded here.
 */
import { readlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';

/** A PNG to draw from an SVG (the web edition's press images and social cards): see drawPng in workers.ts. */
export interface PngTask {
  readonly svg: string;
  readonly options: import('@resvg/resvg-js').ResvgRenderOptions;
}

lowerThreadPriority();

let resvg: typeof import('@resvg/resvg-js') | undefined;
let pressure: ArrayBuffer | undefined;

/**
 * Draw one PNG with resvg.
 *
 * resvg's pixmaps live outside V8's heap and are freed by finalizers that Node runs from the event
 * loop after a collection. The pool waits for tasks without turning the event loop, and V8 is not
 * told of the pixmaps, so without help they were never freed: 800 images held 3.5 GB. After each
 * image, an ArrayBuffer the pixmap's size tells V8 of that much memory (so it collects), and one
 * turn of the event loop runs the finalizers: 0.28–0.36 GB for the same 800, drawn as fast
 * (tests/charts/png-memory.test.ts). Asking for a collection outright needs V8's flags changed
 * at run time, after which a thread over its memory limit ended the whole process.
 */
export default async function drawPngTask(task: PngTask): Promise<Uint8Array> {
  resvg ??= createRequire(import.meta.url)('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
  const image = new resvg.Resvg(task.svg, task.options).render();
  const png = new Uint8Array(image.asPng());
  // As much memory as the pixmap, allocated where V8 counts it and dropped at the next image:
  // V8 then collects as often as resvg's memory calls for.
  pressure = new ArrayBuffer(image.width * image.height * 4);
  await new Promise((resolve) => setImmediate(resolve));
  return png;
}

/**
 * This thread's nice value to the lowest priority. On Linux, nice is per thread and a thread is
 * named by its id, read from /proc/thread-self. Elsewhere (no such file), or where it is refused,
 * the thread keeps its priority: the images are drawn all the same.
 */
function lowerThreadPriority(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isSafeInteger(tid) && tid > 0) os.setPriority(tid, os.constants.priority.PRIORITY_LOW);
  } catch {
    // not Linux, or not allowed: normal priority
  }
}
