// The `monitor` command's work, run in a worker thread of bin/monitor.js so that the main thread
// stays free to answer signals even while a stage computes. It runs the bundle in dist/ (made by
// `npm install`) while that matches the sources, and otherwise runs the TypeScript sources through
// tsx, so an edit never runs stale code. The bundle is the CommonJS one with its code cache
// (bin/load-bundle.js) where Node can require ES-module packages, and the ES-module one elsewhere.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { knowSourceHash, sourceHash } from '../scripts/source-hash.mjs';
import { loadCommonJsBundle } from './load-bundle.js';

const root = new URL('..', import.meta.url);
let stamp = '';
try {
  stamp = readFileSync(new URL('dist/.source-hash', root), 'utf8').trim();
} catch {
  // no bundle yet
}

// The main thread hashes the sources while this thread starts (bin/monitor.js), and this thread
// loads the bundle meanwhile: the hash then decides which of the two runs.
const controller = new AbortController();
let cli;
let stopSignal;
let toldHash;
const hashed = new Promise((resolve) => (toldHash = resolve));
parentPort.on('message', (message) => {
  if (message?.type === 'source-hash') toldHash(message.hash);
  else if (message?.type === 'stop') {
    stopSignal ??= message.signal;
    if (cli && !controller.signal.aborted) controller.abort(new cli.StopRequest(message.signal));
  }
});
let commonJs;
const bundle = stamp === '' ? undefined : loadBundle();
bundle?.catch(() => undefined); // a bundle that fails to load is not used
const told = await hashed;
// Not told (the main thread could not read the sources): this thread hashes them, and fails as it would.
const hash = told ?? sourceHash(fileURLToPath(root));
knowSourceHash(fileURLToPath(root), hash);
if (bundle !== undefined && stamp === hash) {
  cli = await bundle;
} else {
  commonJs = undefined; // a stale bundle leaves no code cache
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../pipeline/cli.ts');
}
if (stopSignal !== undefined && !controller.signal.aborted) controller.abort(new cli.StopRequest(stopSignal));

const post = (message) => parentPort.postMessage(message);
// Everything that must be cleaned up if this thread is stopped before its own cleanup runs.
cli.watchResources((event) => post({ type: 'resource', event }));

const code = await cli.main(workerData.argv, {
  out: (text) => post({ type: 'out', text: `${text}\n` }),
  err: (text) => post({ type: 'err', text: `${text}\n` }),
  errRaw: (text) => post({ type: 'err', text }),
  cwd: process.cwd(),
  env: process.env,
  color: workerData.color,
  tty: workerData.tty,
  signal: controller.signal,
});
commonJs?.saveCache();
post({ type: 'done', code });
parentPort.close();

async function loadBundle() {
  if (process.features.require_module === true) {
    try {
      commonJs = loadCommonJsBundle(fileURLToPath(new URL('dist/cli.cjs', root)), String(workerData.argv[0] ?? 'help'), (specifier) => import(specifier));
      return commonJs.exports;
    } catch {
      commonJs = undefined; // no CommonJS bundle: the ES-module one
    }
  }
  return import('../dist/cli.js');
}
