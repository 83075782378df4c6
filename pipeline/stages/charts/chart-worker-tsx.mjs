// Entry of a chart worker thread when the pipeline runs from its TypeScript sources (tests, or
// bin/monitor.js falling back to tsx): a fresh thread has no TypeScript loader, so register one
// before loading the worker. Vega is loaded first, by Node's own loader: through tsx's hooks its
// hundreds of modules would take several times as long. The bundle in dist/ uses its own compiled
// chart-worker.js instead.
import 'vega';
import 'vega-lite';
import { register } from 'tsx/esm/api';

register();
const worker = await import('./chart-worker.ts');
export default worker.default;
export const drawPngTask = worker.drawPngTask;
