/**
 * Charts are drawn in worker threads (tinypool), in parallel, each with a time limit and a memory
 * limit: a custom spec with a catastrophic regular expression or millions of generated rows ends
 * as a `chart-render` error at its `::chart` directive, never as a hung or crashed build. A thread
 * that overran is terminated and replaced by a fresh one.
 *
 * The pool is process-wide and started on the first chart. Builds and the preview hold it while
 * they run (holdChartWorkers); when the last holder lets go (after a short grace for a following
 * build) or on abort (closeChartWorkers, at once), every thread is terminated. Idle threads never
 * keep the process alive, so nothing lingers after a command.
 */
import os from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import { Tinypool } from 'tinypool';
import type { TopLevelSpec } from 'vega-lite';
import type { ChartTask, ChartTaskResult } from './chart-worker.js';
import type { PngTask } from './png-worker.js';
import { RenderError } from './draw.js';
import type { Frame } from './types.js';

export interface ChartLimits {
  /** Wall-clock time one chart may take to draw, from the moment its thread starts on it. */
  readonly timeoutMs: number;
  /** V8 heap (old generation) of one drawing thread, Vega included (about 50 MB of it). */
  readonly memoryMb: number;
  /** Charts drawn at the same time. */
  readonly threads: number;
}

export const DEFAULT_CHART_LIMITS: ChartLimits = Object.freeze({
  timeoutMs: 30_000,
  memoryMb: 512,
  threads: Math.max(1, Math.min(4, os.availableParallelism())),
});

/**
 * After the last holder lets go, idle threads are kept this long for a following build in the same
 * process (tests, tools), which would otherwise load Vega again. Idle threads never keep the
 * process alive, so a command still exits at once.
 */
export const IDLE_GRACE_MS = 5_000;

let limits: ChartLimits = DEFAULT_CHART_LIMITS;
let pool: Tinypool | undefined;
/** The PNG threads (png-worker.ts): started on the first image, ended with the chart threads. */
let pngPool: Tinypool | undefined;
let holders = 0;
let idleTimer: NodeJS.Timeout | undefined;
/** Rejects every waiting chart when the threads cannot start at all. */
const waiting = new Set<(error: RenderError) => void>();

export function chartLimits(): ChartLimits {
  return limits;
}

/** Threads alive now (0 once a build or the preview has ended). */
export function chartThreadCount(): number {
  return (pool?.threads.length ?? 0) + (pngPool?.threads.length ?? 0);
}

/** Change the limits (tests, tools). Running threads are replaced so that the new limits apply. */
export async function setChartLimits(next: Partial<ChartLimits>): Promise<void> {
  limits = Object.freeze({ ...limits, ...next });
  await closeChartWorkers();
}

/** Start the threads now, so that they load Vega while the chapters compile. */
export function warmChartWorkers(): void {
  cancelIdleClose();
  pool ??= startPool();
}

function cancelIdleClose(): void {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = undefined;
}

/**
 * Keep the threads for a build or a preview session. The returned function lets go (once); with
 * `now`, the threads end at once when nothing else holds them (the preview closing).
 */
export function holdChartWorkers(): (options?: { now?: boolean }) => Promise<void> {
  holders += 1;
  cancelIdleClose();
  let released = false;
  return async (options = {}) => {
    if (released) return;
    released = true;
    holders -= 1;
    await closeUnheldChartWorkers(options);
  };
}

/** Terminate the threads after the idle grace, unless a build or preview holds them by then. */
export async function closeUnheldChartWorkers(options: { now?: boolean } = {}): Promise<void> {
  if (holders > 0 || (!pool && !pngPool)) return;
  if (options.now) return closeChartWorkers();
  cancelIdleClose();
  idleTimer = setTimeout(() => {
    idleTimer = undefined;
    if (holders === 0) void closeChartWorkers();
  }, IDLE_GRACE_MS);
  idleTimer.unref();
}

/**
 * The edition's charts are drawn: end the drawing threads (each holds Vega and what its drawings
 * left on its heap) so their memory is free while the PDF prints, unless another build or the
 * preview holds them too. The PNG threads stay: the web edition's images are still being drawn.
 */
export async function endChartDrawing(): Promise<void> {
  if (holders > 1 || !pool) return;
  const running = pool;
  pool = undefined;
  await running.destroy();
}

/** Terminate every thread now. Charts still drawing or waiting fail with a chart-render error. */
export async function closeChartWorkers(): Promise<void> {
  cancelIdleClose();
  const running = [pool, pngPool];
  pool = undefined;
  pngPool = undefined;
  await Promise.all(running.map((p) => p?.destroy()));
}

/**
 * The worker's module: the bundle's compiled chart-worker.js beside this chunk in dist/, or, from
 * the TypeScript sources (tests, tsx), an entry that registers tsx in the new thread first.
 */
function workerFile(name: 'chart-worker' | 'png-worker'): string {
  const fromSources = import.meta.url.endsWith('.ts');
  return new URL(fromSources ? `./${name}-tsx.mjs` : `./${name}.js`, import.meta.url).href;
}

/**
 * The memory of one chart or PNG thread. A small young generation: when a runaway chart reaches
 * the memory limit, a collection then promotes little at once and fits in the leeway Node gives a
 * thread to end cleanly. With V8's default, the whole process sometimes ended with "Reached heap
 * limit" instead (tests/safety/chart-limits.test.ts failed 4 runs in 4; with this, 0 in 4, and the
 * sample's charts drew as fast).
 */
function threadLimits(): { maxOldGenerationSizeMb: number; maxYoungGenerationSizeMb: number } {
  return { maxOldGenerationSizeMb: limits.memoryMb, maxYoungGenerationSizeMb: 8 };
}

function startPool(): Tinypool {
  const started = new Tinypool({
    filename: workerFile('chart-worker'),
    minThreads: limits.threads,
    maxThreads: limits.threads,
    resourceLimits: threadLimits(),
  });
  // A thread that fails while no chart is on it (it could not start): fail the waiting charts
  // rather than leave them queued for ever.
  started.on('error', (error: Error) => {
    for (const reject of waiting) reject(new RenderError(`the chart threads could not start: ${error.message}`));
    if (pool === started) void closeChartWorkers();
  });
  return started;
}

const seconds = (ms: number) => `${Math.round((ms / 1000) * 10) / 10} s`;

/**
 * Draw one chart, in each of its layouts, in a worker thread within the limits (one time limit for
 * the chart). Resolves to one SVG per spec; rejects with a RenderError.
 */
export async function drawInWorker(specs: readonly TopLevelSpec[], basemap: Frame | null): Promise<readonly string[]> {
  const bound = limits;
  cancelIdleClose();
  pool ??= startPool();
  const channel = new MessageChannel();
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let timedOut = false;
  channel.port1.once('message', () => {
    timer = setTimeout(() => {
      timedOut = true;
      abort.abort();
    }, bound.timeoutMs);
  });
  let failStart: ((error: RenderError) => void) | undefined;
  const cannotStart = new Promise<never>((_, reject) => (failStart = reject));
  waiting.add(failStart!);
  try {
    const task: ChartTask = { specs, basemap, started: channel.port2 };
    const result = (await Promise.race([pool.run(task, { transferList: [channel.port2], signal: abort.signal }), cannotStart])) as ChartTaskResult;
    if ('error' in result) throw new RenderError(result.error);
    return result.svgs;
  } catch (error) {
    if (error instanceof RenderError) throw error;
    if (timedOut) throw new RenderError(`drawing it took longer than ${seconds(bound.timeoutMs)} (the limit per chart); simplify the spec or reduce its data`);
    if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
      throw new RenderError(`drawing it needed more than ${bound.memoryMb} MB of memory (the limit per chart); simplify the spec or reduce its data`);
    }
    throw new RenderError(`the chart thread stopped: ${(error as Error).message}`);
  } finally {
    waiting.delete(failStart!);
    if (timer) clearTimeout(timer);
    channel.port1.close();
  }
}

/**
 * Draw one PNG from an SVG in a PNG thread, so the thread that prints and checks the PDF is not
 * held up by the rasteriser. The PNG threads run at low priority (png-worker.ts) and load no Vega;
 * up to as many as there are chart threads, each within the same memory limit.
 */
export async function drawPng(task: PngTask): Promise<Uint8Array> {
  cancelIdleClose();
  pngPool ??= startPngPool();
  return (await pngPool.run(task)) as Uint8Array;
}

function startPngPool(): Tinypool {
  const started = new Tinypool({
    filename: workerFile('png-worker'),
    minThreads: 1,
    maxThreads: limits.threads,
    resourceLimits: threadLimits(),
  });
  // A thread that could not start: end the pool, which fails the images waiting for it.
  started.on('error', () => {
    if (pngPool === started) pngPool = undefined;
    void started.destroy();
  });
  return started;
}
