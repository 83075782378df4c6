import { spawn } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { closeChartWorkers } from '../../pipeline/stages/charts/workers.js';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const monitorBin = path.join(projectRoot, 'bin', 'monitor.js');

/** A temporary copy of the sample edition (edition.yaml, chapters/, data/). */
export async function copySampleEdition(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'monitor-workflow-'));
  for (const part of ['edition.yaml', 'chapters', 'data']) await cp(path.join(projectRoot, part), path.join(root, part), { recursive: true });
  return root;
}

/**
 * Copies of the sample edition for the tests of one file: each call makes one. After the file's
 * tests they are removed and the chart threads closed.
 */
export function sampleEditionCopies(): () => Promise<string> {
  const roots: string[] = [];
  afterAll(async () => {
    await closeChartWorkers();
    await Promise.all(roots.map((r) => rm(r, { recursive: true, force: true })));
  });
  return async () => {
    const root = await copySampleEdition();
    roots.push(root);
    return root;
  };
}

export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run the real CLI, as an editor would. */
export function runMonitor(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [monitorBin, ...args], {
      cwd: options.cwd ?? projectRoot,
      env: { ...process.env, NO_COLOR: '1', CI: '1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
