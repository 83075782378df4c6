/**
 * Vega-Lite → SVG in Node, without a canvas. Data arrive inline from the pipeline only: the
 * loader refuses every URL, file and image, and any refusal fails the chart (a second line of
 * defence behind custom-spec.ts, which rejects `url` before anything runs).
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { basemapFeatures } from './basemap.js';
import { vegaTextWidth } from './text-metrics.js';

// Measure text with the house font's widths rather than Vega's 0.8 em guess.
(vega as unknown as { textMetrics: { width: unknown } }).textMetrics.width = vegaTextWidth;
import type { Frame } from './types.js';

export class RenderError extends Error {
  readonly rule = 'chart-render' as const;
}

/** A vega loader that loads nothing; `attempts` records what was asked for. */
export function refusingLoader(attempts: string[] = []): vega.Loader {
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

export async function renderSvg(spec: TopLevelSpec, options: { basemap: Frame | null }): Promise<string> {
  let full = spec;
  if (options.basemap) {
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
