#!/usr/bin/env node
// How long `monitor build` takes to stop after SIGTERM or SIGINT, at several moments of a build of
// the sample edition. The promise is < 2 s on an idle machine. Run: node bench/stop-time.mjs [runs]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const project = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 3);
const only = process.argv[3];
const moments = [
  { label: 'compile (SIGTERM)', signal: 'SIGTERM', when: /^\s+edition\s/m },
  { label: 'charts (SIGTERM)', signal: 'SIGTERM', when: /^\s+surveys\s/m },
  { label: 'pdf printing (SIGINT)', signal: 'SIGINT', when: /browser ready/ },
];

let seenLast = '';
function once(moment, out) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(project, 'bin/monitor.js'), 'build', '--out', out, '--no-cache'], { cwd: project, stdio: ['ignore', 'pipe', 'pipe'] });
    let seen = '';
    let sent;
    const onData = (chunk) => {
      seen += chunk;
      if (sent === undefined && moment.when.test(seen)) {
        sent = performance.now();
        child.kill(moment.signal);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => (seenLast = seen.split('\n').filter((l) => l.includes('[stop')).join('\n'), resolve({ code, ms: sent === undefined ? NaN : performance.now() - sent })));
  });
}

for (const moment of moments.filter((m) => !only || m.label.startsWith(only))) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const out = mkdtempSync(path.join(os.tmpdir(), 'monitor-stop-'));
    try {
      const { code, ms } = await once(moment, out);
      times.push(`${Math.round(ms)} ms (exit ${code})`);
      if (process.env.STOP_DEBUG) console.log(seenLast);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
  console.log(`${moment.label.padEnd(24)} ${times.join(', ')}`);
}
