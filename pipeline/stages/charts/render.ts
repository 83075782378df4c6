/**
 * Vega-Lite → SVG. The drawing itself (draw.ts) runs in a worker thread with a time and a memory
 * limit (workers.ts), so a hostile or oversized spec costs at most one bounded thread.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Frame } from './types.js';
import { RenderError } from './draw.js';
import { drawInWorker } from './workers.js';

export { RenderError, refusingLoader } from './draw.js';

/** Draw a spec to SVG. Rejects with a RenderError (rule chart-render), also when a limit is exceeded. */
export async function renderSvg(spec: TopLevelSpec, options: { basemap: Frame | null }): Promise<string> {
  const [svg] = await drawInWorker([spec], options.basemap);
  if (svg === undefined) throw new RenderError('the chart thread returned no drawing');
  return svg;
}

/** Draw the layouts of one chart (wide, then narrow…) in one task: one SVG per spec, in order. */
export async function renderSvgs(specs: readonly TopLevelSpec[], options: { basemap: Frame | null }): Promise<readonly string[]> {
  const svgs = await drawInWorker(specs, options.basemap);
  if (svgs.length !== specs.length) throw new RenderError('the chart thread returned too few drawings');
  return svgs;
}
