#!/usr/bin/env node
// The `monitor` command. The work runs in a worker thread (bin/run.js); this thread only relays
// its output and answers signals. SIGINT or SIGTERM asks the work to stop and clean up (exit 130
// or 143); if it has not finished within `graceMs` (a stage busy computing), or on a second
// signal, the worker is terminated and what it left (Chromium's process group and profile, the
// staging folder, the output lock) is removed here, so every command ends within 2 s of a signal.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { sourceHash } from '../scripts/source-hash.mjs';

const graceMs = 1000;
const signalCodes = { SIGINT: 130, SIGTERM: 143 };

const worker = new Worker(new URL('./run.js', import.meta.url), {
  workerData: {
    argv: process.argv.slice(2),
    color: process.stderr.isTTY === true && !('NO_COLOR' in process.env),
    tty: process.stderr.isTTY === true,
  },
});

// While the worker starts and loads the bundle, this thread does what would otherwise hold it up:
// the hash of the sources that decides between the bundle and the sources (bin/run.js), and ICU's
// first use (its locale data and services are shared by every thread of the process).
let hash;
try {
  hash = sourceHash(fileURLToPath(new URL('..', import.meta.url)));
} catch {
  // the worker hashes them itself, and reports what fails
}
worker.postMessage({ type: 'source-hash', hash });
warmIcu();

/** What the work holds right now, by id. */
const resources = new Map();
let stopping;
let ended = false;

worker.on('message', (message) => {
  if (message.type === 'out') process.stdout.write(message.text);
  else if (message.type === 'err') process.stderr.write(message.text);
  else if (message.type === 'resource') {
    if (message.event.type === 'add') resources.set(message.event.id, message.event.resource);
    else resources.delete(message.event.id);
  } else if (message.type === 'done') {
    // Anything the work could not remove itself (a profile a killed Chromium was still writing into).
    if (resources.size > 0) cleanUp();
    // Finished before it noticed a stop request (a stage that did not yield): still a stop.
    end(stopping && message.code !== signalCodes[stopping] ? signalCodes[stopping] : message.code);
  }
});
worker.on('error', (error) => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  cleanUp();
  end(1);
});
worker.on('exit', () => {
  // The work ended without saying so (terminated, or crashed): leave nothing behind.
  if (!ended) {
    cleanUp();
    if (stopping) process.stderr.write(`Stopped by ${stopping}. The previous output was left as it was.\n`);
    end(stopping ? signalCodes[stopping] : 1);
  }
});

function onSignal(signal) {
  if (ended) return;
  if (stopping) {
    void forceStop(signal); // a second signal: stop now
    return;
  }
  stopping = signal;
  worker.postMessage({ type: 'stop', signal });
  // Chromium is killed from here at once (the work may be busy); the work then cleans up the rest.
  killProcessGroups();
  setTimeout(() => void forceStop(signal), graceMs);
}
process.on('SIGINT', () => onSignal('SIGINT'));
process.on('SIGTERM', () => onSignal('SIGTERM'));
process.on('SIGHUP', () => onSignal('SIGTERM'));

async function forceStop(signal) {
  if (ended) return;
  // terminate() interrupts running JavaScript; a blocking system call still finishes first.
  await Promise.race([worker.terminate().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 300))]);
  if (ended) return;
  cleanUp();
  process.stderr.write(`Stopped by ${stopping ?? signal}. The previous output was left as it was.\n`);
  end(signalCodes[stopping ?? signal]);
}

/** Remove what a stopped run left: Chromium first (it writes into its profile), then folders, then the lock. */
function cleanUp() {
  killProcessGroups();
  const all = [...resources.values()];
  resources.clear();
  killProcessesUsing(all.filter((r) => r.kind === 'dir' && /(^|[\\/])monitor-pdf-[^\\/]+$/.test(r.path)).map((r) => r.path));
  for (const r of all) {
    if (r.kind === 'dir') removeDir(r.path);
  }
  for (const r of all) {
    if (r.kind !== 'lock') continue;
    try {
      if (Number.parseInt(readFileSync(r.path, 'utf8'), 10) === r.pid) rmSync(r.path, { force: true });
    } catch {
      // no lock
    }
  }
}

/**
 * Kill the processes whose command line names one of `dirs` (Chromium profiles, monitor-pdf-*): a Chromium stopped while it was
 * starting, before the work could record its process group, still names its profile folder
 * (--user-data-dir) and would go on writing into it. Linux (/proc); elsewhere nothing is found.
 */
function killProcessesUsing(dirs) {
  if (dirs.length === 0) return;
  let pids = [];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name) && Number(name) !== process.pid);
  } catch {
    return;
  }
  for (const pid of pids) {
    let args;
    try {
      args = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue; // ended meanwhile
    }
    if (!dirs.some((dir) => args.includes(dir))) continue;
    // Chromium is started detached, at the head of its own process group: the group, then itself.
    for (const target of [-Number(pid), Number(pid)]) {
      try {
        process.kill(target, 'SIGKILL');
      } catch {
        // not a group leader, or already gone
      }
    }
  }
}

/** Kill every Chromium process group, then remove its profile (the slowest part of cleaning up). */
function killProcessGroups() {
  for (const r of resources.values()) {
    if (r.kind !== 'process-group') continue;
    for (const target of [-r.pid, r.pid]) {
      try {
        process.kill(target, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  for (const r of resources.values()) {
    if (r.kind === 'process-group' && r.dir) removeDir(r.dir);
  }
}

/**
 * Remove a folder a killed Chromium may still be writing into: a process dies some time after
 * SIGKILL, so a file can appear while the folder is being emptied (ENOTEMPTY). Retried for up to
 * about four seconds; a folder that still cannot go is named, and the stop goes on (a crash here
 * would end the command with exit code 1 instead of the signal's).
 */
function removeDir(dir) {
  for (let attempt = 1; ; attempt++) {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 8, retryDelay: 50 });
      return;
    } catch (error) {
      if (attempt === 2) {
        process.stderr.write(`Could not remove ${dir}: ${error?.message ?? error}\n`);
        return;
      }
    }
  }
}

function end(code) {
  if (ended) return;
  ended = true;
  process.exit(code);
}

/** The Intl services every command uses (numbers, dates, region names, sorting, plurals), once. */
function warmIcu() {
  const tags = ['en-GB'];
  Intl.NumberFormat.supportedLocalesOf(tags);
  new Intl.NumberFormat(tags, { minimumFractionDigits: 1 }).format(1.5);
  new Intl.DateTimeFormat(tags, { dateStyle: 'long', timeZone: 'UTC' }).format(0);
  new Intl.DisplayNames(tags, { type: 'region', fallback: 'code' }).of('DE');
  new Intl.Collator(tags).compare('a', 'b');
  new Intl.PluralRules(tags).select(1);
}
