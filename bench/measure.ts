import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { killLeftovers, TreeSampler } from './proc.js';

export interface Command {
  readonly cmd: string;
  readonly args: readonly string[];
  readonly cwd?: string | undefined;
  readonly env?: Readonly<Record<string, string>> | undefined;
}

export interface Measurement {
  readonly wallMs: number;
  /** User + system time of the whole process tree: the larger of rusage and /proc sampling. */
  readonly cpuMs: number;
  /** rusage of the reaped tree, from /usr/bin/time (undefined when it is not installed). */
  readonly rusageCpuMs: number | undefined;
  /** Sum of last-sampled own CPU of every process seen in the tree. */
  readonly sampledCpuMs: number;
  readonly peakRssBytes: number;
  /** Peak sum of PSS (shared memory counted once), sampled near the RSS peak: see TreeSampler. */
  readonly peakPssBytes: number;
  readonly processes: number;
  readonly exitCode: number | null;
  readonly timedOut: boolean;
  /** Processes still running after the tool exited (and then killed). */
  readonly leftovers: number;
  readonly stdout: string;
  readonly stderr: string;
}

export const timeBinary = '/usr/bin/time';

/**
 * Run one command and measure it: wall clock from spawn to exit; CPU from GNU time's rusage
 * (children that were waited for) and from /proc sampling (processes nobody reaped, e.g.
 * Chromium renderers when the tool exits first); peak memory as the largest sum of RSS over the
 * tree in any 50 ms sample, Chromium included.
 */
export async function measure(command: Command, options: { readonly timeoutMs: number; readonly scratch: string }): Promise<Measurement> {
  const useTime = existsSync(timeBinary);
  const timeFile = path.join(options.scratch, `time-${process.pid}-${Date.now()}.txt`);
  const [cmd, args] = useTime ? [timeBinary, ['-f', '%U %S', '-o', timeFile, command.cmd, ...command.args]] : [command.cmd, [...command.args]];
  const started = performance.now();
  const child = spawn(cmd, args, {
    cwd: command.cwd,
    env: { ...process.env, ...command.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so a timeout can stop the tool and everything it started.
    detached: true,
  });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (b: Buffer) => stdout.push(b));
  child.stderr.on('data', (b: Buffer) => stderr.push(b));
  const sampler = new TreeSampler(child.pid ?? -1);
  sampler.start();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    for (const pid of sampler.livePids()) kill(pid);
    if (child.pid !== undefined) kill(-child.pid);
  }, options.timeoutMs);
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code));
  });
  const wallMs = performance.now() - started;
  clearTimeout(timer);
  const usage = sampler.stop();
  // Anything the tool left behind (a detached browser) must not load the next measurement.
  const leftovers = killLeftovers(usage.seen);
  let rusageCpuMs: number | undefined;
  if (useTime) {
    const text = await readFile(timeFile, 'utf8').catch(() => '');
    // GNU time writes "Command exited with non-zero status N" first on failure.
    const last = text.trim().split('\n').at(-1) ?? '';
    const [user, sys] = last.split(' ').map(Number);
    if (user !== undefined && sys !== undefined && Number.isFinite(user) && Number.isFinite(sys)) rusageCpuMs = (user + sys) * 1000;
    await rm(timeFile, { force: true });
  }
  return {
    wallMs,
    cpuMs: Math.max(rusageCpuMs ?? 0, usage.cpuMs),
    rusageCpuMs,
    sampledCpuMs: usage.cpuMs,
    peakRssBytes: usage.peakRssBytes,
    peakPssBytes: usage.peakPssBytes,
    processes: usage.processes,
    exitCode,
    timedOut,
    leftovers,
    stdout: Buffer.concat(stdout).toString('utf8'),
    stderr: Buffer.concat(stderr).toString('utf8'),
  };
}

function kill(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
