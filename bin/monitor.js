#!/usr/bin/env node
// The `monitor` command. It runs the bundle in dist/ (made by `npm install`) while that matches
// the sources, and otherwise runs the TypeScript sources through tsx, so an edit never runs stale code.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sourceHash } from '../scripts/source-hash.mjs';

const root = new URL('..', import.meta.url);
let stamp = '';
try {
  stamp = readFileSync(new URL('dist/.source-hash', root), 'utf8').trim();
} catch {
  // no bundle yet
}
let main;
if (stamp !== '' && stamp === sourceHash(fileURLToPath(root))) {
  ({ main } = await import('../dist/cli.js'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../pipeline/cli.ts'));
}
const code = await main(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  cwd: process.cwd(),
  env: process.env,
  color: process.stderr.isTTY === true && !('NO_COLOR' in process.env),
  tty: process.stderr.isTTY === true,
  errRaw: (text) => process.stderr.write(text),
  // Long-running commands (preview) stop cleanly on Ctrl+C or a termination signal.
  interrupted: new Promise((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  }),
});
process.exit(code);
