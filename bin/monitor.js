#!/usr/bin/env node
// The `monitor` command. TypeScript sources run through tsx, so editing pipeline/ needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../pipeline/cli.ts');
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
