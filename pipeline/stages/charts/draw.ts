/**
 * Vega-Lite → SVG in Node, without a canvas, in the calling thread. Data arrive inline from the
 * pipeline only: the loader refuses every URL, file and image, and any refusal fails the chart (a
 * second line of defence behind custom-spec.ts, which rejects `url` before anything runs). The
 * build calls this only inside a chart worker (chart-worker.ts), where time and memory are bounded.
 */
import type * as Vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { vegaTextWidth } from './text-metrics.js';
import type { Frame } from './types.js';

type VegaModule = typeof Vega;
let engine: Promise<{ vega: VegaModule; compile: typeof import('vega-lite').compile }> | undefined;

/** Vega is heavy to load (about a second): only threads that draw charts pay for it, once. */
export function loadEngine(): NonNullable<typeof engine> {
  engine ??= Promise.all([import('vega'), import('vega-lite')]).then(([vega, vl]) => {
    // Measure text with the house font's widths rather than Vega's 0.8 em guess.
    (vega as unknown as { textMetrics: { width: unknown } }).textMetrics.width = vegaTextWidth;
    return { vega: vega as VegaModule, compile: vl.compile };
  });
  return engine;
}

export class RenderError extends Error {
  readonly rule = 'chart-render' as const;
}

/** A vega loader that loads nothing; `attempts` records what was asked for. */
export function refusingLoader(attempts: string[] = []): Vega.Loader {
  const refuse = (uri: unknown): Promise<never> => {
    attempts.push(String(uri));
    return Promise.reject(new RenderError(`Charts may not load external resources (asked for "${String(uri)}").`));
  };
  return { load: refuse, sanitize: refuse, http: refuse, file: refuse };
}

function collectingLogger(errors: string[]) {
  const logger = {
    level: (_?: number) => logger,
    error: (...args: unknown[]) => (errors.push(args.map(String).join(' ')), logger),
    warn: () => logger,
    info: () => logger,
    debug: () => logger,
  };
  return logger;
}

export async function drawSvg(spec: TopLevelSpec, options: { basemap: Frame | null }): Promise<string> {
  const { vega, compile } = await loadEngine();
  let full = spec;
  if (options.basemap) {
    const { basemapFeatures } = await import('./basemap.js');
    const values = await basemapFeatures(options.basemap);
    const datasets = { ...(spec as { datasets?: Record<string, unknown> }).datasets, basemap: values };
    full = { ...spec, datasets } as TopLevelSpec;
  }
  const errors: string[] = [];
  const attempts: string[] = [];
  let compiled;
  try {
    compiled = compile(full, { logger: collectingLogger([]) as never }).spec;
  } catch (e) {
    throw new RenderError(`Vega-Lite could not compile the chart: ${(e as Error).message}`);
  }
  const view = new vega.View(vega.parse(compiled), {
    renderer: 'none',
    loader: refusingLoader(attempts),
    logger: collectingLogger(errors) as never,
    logLevel: vega.Error,
  });
  try {
    const svg = await view.toSVG();
    if (attempts.length > 0) throw new RenderError(`Charts may not load external resources (asked for "${attempts[0]}").`);
    if (errors.length > 0) throw new RenderError(`Vega could not draw the chart: ${errors[0]}`);
    return svg;
  } catch (e) {
    if (e instanceof RenderError) throw e;
    throw new RenderError(`Vega could not draw the chart: ${(e as Error).message}`);
  } finally {
    view.finalize();
  }
}
