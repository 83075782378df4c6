// The `monitor` command's work, run in a worker thread of bin/monitor.js so that the main thread
// stays free to answer signals even while a stage computes. It runs the bundle in dist/ (made by
// `npm install`) while that matches the sources, and otherwise runs the TypeScript sources through
// tsx, so an edit never runs stale code.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { sourceHash } from '../scripts/source-hash.mjs';

const root = new URL('..', import.meta.url);
let stamp = '';
try {
  stamp = readFileSync(new URL('dist/.source-hash', root), 'utf8').trim();
} catch {
  // no bundle yet
}
let cli;
if (stamp !== '' && stamp === sourceHash(fileURLToPath(root))) {
  cli = await import('../dist/cli.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../pipeline/cli.ts');
}

const post = (message) => parentPort.postMessage(message);
// Everything that must be cleaned up if this thread is stopped before its own cleanup runs.
cli.watchResources((event) => post({ type: 'resource', event }));

const controller = new AbortController();
parentPort.on('message', (message) => {
  if (message?.type === 'stop' && !controller.signal.aborted) controller.abort(new cli.StopRequest(message.signal));
});

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
post({ type: 'done', code });
parentPort.close();
