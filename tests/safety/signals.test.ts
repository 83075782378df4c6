import { execFileSync, spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, buildEdition, chapter, chromium, EPOCH, hashTree, project, removeAll, tempDir, writeEdition } from './helpers.js';

/**
 * SIGINT and SIGTERM stop every command, at any moment, with exit 130 or 143: the previous output
 * stays byte for byte, and no lock, staging folder, Chromium process or Chromium profile is left.
 * Each run gets its own TMPDIR, so "no profile left" means that folder is empty of ours, and "no
 * Chromium left" means no process mentions it. (The 2 s promise is measured on an idle machine,
 * see docs/security.md; here the bound is loose because tests share a busy machine.)
 */
interface Run {
  readonly code: number | null;
  readonly stderr: string;
  /** From the (first) signal to the exit of the command. */
  readonly afterSignalMs: number;
  readonly signalled: boolean;
}

function runAndSignal(args: readonly string[], tmp: string, signal: 'SIGINT' | 'SIGTERM', when: RegExp, opts: { second?: boolean } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: project,
      env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH, PUPPETEER_EXECUTABLE_PATH: chromium, NO_COLOR: '1', TMPDIR: tmp },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let seen = '';
    let sentAt: number | undefined;
    const onData = (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      if (sentAt === undefined && when.test(seen)) {
        sentAt = performance.now();
        child.kill(signal);
        if (opts.second) setTimeout(() => child.kill(signal), 100);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stderr: seen, afterSignalMs: sentAt === undefined ? Number.NaN : performance.now() - sentAt, signalled: sentAt !== undefined }));
  });
}

/** Live processes whose command line mentions `needle` (Chromium names its profile folder on it). */
function processesMentioning(needle: string): string[] {
  return execFileSync('ps', ['-eo', 'pid,stat,args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(needle) && !line.includes('ps -eo') && !/^\s*\d+\s+Z/.test(line));
}

/** The build's own leftovers in an output folder. */
async function leftovers(out: string): Promise<string[]> {
  return (await readdir(out)).filter((n) => n === '.monitor-lock' || /^\.(staging|ready|retired)-/.test(n));
}

const codes = { SIGINT: 130, SIGTERM: 143 } as const;

describe('signals stop every command, clean up and keep the previous output', () => {
  let root: string;
  let out: string;
  let before: string;
  const temps: string[] = [];
  beforeAll(async () => {
    const essay = (n: number) =>
      chapter(`title: Essay ${n}\nkind: essay\nsummary: Essay number ${n}.`, `## Part one\n\nText ${n}.\n\n::chart[Affordability ${n}]{#fig-${n} question=Q05 alt="Bars of housing affordability."}\n`);
    root = await writeEdition({ 'one.md': essay(1), 'two.md': essay(2), 'three.md': essay(3) });
    out = await tempDir('signal-out');
    const r = await buildEdition(root, out, 'all');
    expect(r.ok, r.problems.join('\n')).toBe(true);
    before = await hashTree(out);
  }, 120_000);
  afterAll(() => removeAll(root, out, ...temps));

  const moments: { label: string; signal: 'SIGINT' | 'SIGTERM'; args: string[]; when: RegExp; second?: boolean }[] = [
    { label: 'SIGTERM during compile', signal: 'SIGTERM', args: ['--format', 'all'], when: /^\s+edition\s/m },
    { label: 'SIGTERM during an HTML-only build, once compiled', signal: 'SIGTERM', args: ['--format', 'html'], when: /compiled \d+ chapters/ },
    { label: 'SIGINT during the PDF stage', signal: 'SIGINT', args: ['--format', 'all'], when: /browser ready/ },
    { label: 'SIGTERM while Chromium starts', signal: 'SIGTERM', args: ['--format', 'pdf'], when: /Chromium pid \d+/ },
    { label: 'two SIGTERMs during the PDF stage (the second forces the exit)', signal: 'SIGTERM', args: ['--format', 'all'], when: /browser ready/, second: true },
  ];
  for (const { label, signal, args, when, second } of moments) {
    it(label, async () => {
      const tmp = await tempDir('signal-tmp');
      temps.push(tmp);
      const run = await runAndSignal(['build', '--root', root, '--out', out, '--no-cache', ...args], tmp, signal, when, { second });
      expect(run.signalled, run.stderr).toBe(true);
      expect(run.code, run.stderr).toBe(codes[signal]);
      expect(run.stderr).not.toMatch(/^Built /m);
      expect(run.afterSignalMs).toBeLessThan(5000);
      expect(await hashTree(out)).toBe(before);
      expect(await leftovers(out)).toEqual([]);
      // Chromium's profile and scratch files (tsx, which runs the sources, keeps its cache there too,
      // and the rasteriser its unpacked fonts, shared by every build: the web edition's images may
      // start drawing while the PDF prints).
      expect((await readdir(tmp)).filter((n) => !n.startsWith('tsx-') && !n.startsWith('monitor-raster-fonts-'))).toEqual([]);
      expect(processesMentioning(tmp)).toEqual([]);
    }, 120_000);
  }

  it('SIGTERM stops check', async () => {
    const tmp = await tempDir('signal-tmp');
    temps.push(tmp);
    const run = await runAndSignal(['check', '--root', root, '--no-cache'], tmp, 'SIGTERM', /^\s+edition\s/m);
    expect(run.signalled, run.stderr).toBe(true);
    expect(run.code, run.stderr).toBe(143);
    expect(run.afterSignalMs).toBeLessThan(5000);
  }, 60_000);

  it('SIGINT stops preview', async () => {
    const tmp = await tempDir('signal-tmp');
    temps.push(tmp);
    const run = await runAndSignal(['preview', '--root', root, '--port', '0'], tmp, 'SIGINT', /Preview at http/);
    expect(run.signalled, run.stderr).toBe(true);
    expect(run.code, run.stderr).toBe(130);
    expect(run.afterSignalMs).toBeLessThan(5000);
  }, 60_000);

  it('the next build after a stop runs normally', async () => {
    const r = await buildEdition(root, out, 'all');
    expect(r.ok, r.problems.join('\n')).toBe(true);
    expect(await hashTree(out)).toBe(before);
  }, 120_000);
});
