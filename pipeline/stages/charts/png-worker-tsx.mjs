// Entry of a PNG worker thread when the pipeline runs from its TypeScript sources (tests, or
// bin/monitor.js falling back to tsx): a fresh thread has no TypeScript loader, so register one
// before loading the worker. The bundle in dist/ uses its own compiled png-worker.js instead.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./png-worker.ts');
export default worker.default;
