/**
 * Vega-Lite → SVG. The drawing itself (draw.ts) runs in a worker thread with a time and a memory
 * limit (workers.ts), so a hostile or oversized spec costs at most one bounded thread.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Frame } from './types.js';
import { drawInWorker } from './workers.js';

export { RenderError, refusingLoader } from './draw.js';

/** Draw a spec to SVG. Rejects with a RenderError (rule chart-render), also when a limit is exceeded. */
export async function renderSvg(spec: TopLevelSpec, options: { basemap: Frame | null }): Promise<string> {
  return drawInWorker(spec, options.basemap);
}
