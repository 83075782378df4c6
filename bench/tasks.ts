import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { editEssay } from './edition.js';
import type { Command } from './measure.js';
import { peers, type Peer, type PeerInputs } from './peers.js';

/** One thing the bench times at one scale. */
export interface Task {
  readonly id: string;
  readonly label: string;
  /** The pipeline's own command (its failures fail the bench) or a peer (reported, never fatal). */
  readonly kind: 'monitor' | 'peer';
  /** What the figure is compared with: the PDF floor, or pandoc for Markdown → HTML. */
  readonly output: 'pdf' | 'html' | 'check' | 'none';
  /** Runs before each measured run: clears caches, edits the essay. Not timed. */
  readonly prepare?: (run: number) => Promise<void>;
  readonly command: () => Command;
  /** The PDF to count pages in, when the task makes one. */
  readonly pdf?: string;
  /** Peers whose first run is slow run once only at that scale (see SLOW_MS). */
  readonly slowOnce?: boolean;
}

export interface ScaleContext {
  readonly projectDir: string;
  readonly root: string;
  readonly work: string;
  readonly slug: string;
  readonly chapters: readonly string[];
  readonly essay: string;
  readonly chromium: string;
  readonly launchArgs: readonly string[];
}

/** A peer's first run slower than this is not repeated at that scale (pagedjs-cli at book length). */
export const SLOW_MS = 120_000;

const monitorEnv = { CI: '1', NO_COLOR: '1' };

export function printHtmlPath(ctx: ScaleContext): string {
  return path.join(ctx.work, 'out-full', 'pdf', `${ctx.slug}.print.html`);
}

/**
 * Tasks in the order one round runs them. The cold full build comes first: it keeps the print
 * HTML that the floor and the PDF peers render. The cold HTML build warms the cache that the
 * one-essay rebuild then uses; the cold check leaves the cache the warm check reads.
 */
export function scaleTasks(ctx: ScaleContext, available: ReadonlyMap<Peer['id'], string>): Task[] {
  const monitor = (args: string[]): Command => ({
    cmd: process.execPath,
    args: [path.join(ctx.projectDir, 'bin', 'monitor.js'), ...args],
    cwd: ctx.work,
    env: monitorEnv,
  });
  const cache = path.join(ctx.root, '.monitor-cache');
  const outFull = path.join(ctx.work, 'out-full');
  const outHtml = path.join(ctx.work, 'out-html');
  const peerOut = path.join(ctx.work, 'peers');
  const inputs: PeerInputs = {
    printHtml: printHtmlPath(ctx),
    printHtmlScriptable: path.join(ctx.work, 'print-scriptable.html'),
    chapters: ctx.chapters.map((c) => path.join(ctx.root, 'chapters', c)),
    outDir: peerOut,
    chromium: ctx.chromium,
    launchArgs: ctx.launchArgs,
  };
  const peerTask = (id: Peer['id']): Task[] => {
    const peer = peers.find((p) => p.id === id);
    const exe = available.get(id);
    if (!peer || exe === undefined) return [];
    const prepare = async () => {
      await mkdir(peerOut, { recursive: true });
    };
    return [{ id, label: peer.label, kind: 'peer', output: peer.output, prepare, command: () => peer.command(exe, inputs), pdf: peer.output === 'pdf' ? path.join(peerOut, `${id}.pdf`) : undefined, slowOnce: id !== 'floor' }];
  };
  let edits = 0;
  return [
    {
      id: 'full',
      label: 'monitor build (HTML + PDF, verified TOC), cold',
      kind: 'monitor',
      output: 'pdf',
      prepare: async () => {
        await rm(cache, { recursive: true, force: true });
        await rm(outFull, { recursive: true, force: true });
      },
      // --keep-print-html writes one more file (the floor's input); --verbose prints the stage timings.
      command: () => monitor(['build', '--root', ctx.root, '--out', outFull, '--keep-print-html', '--verbose']),
      pdf: path.join(outFull, 'pdf', `${ctx.slug}.pdf`),
    },
    ...peerTask('floor'),
    ...peerTask('weasyprint'),
    ...peerTask('pagedjs'),
    {
      id: 'html-cold',
      label: 'monitor build --format html, cold',
      kind: 'monitor',
      output: 'html',
      prepare: async () => {
        await rm(cache, { recursive: true, force: true });
        await rm(outHtml, { recursive: true, force: true });
      },
      command: () => monitor(['build', '--format', 'html', '--root', ctx.root, '--out', outHtml, '--verbose']),
    },
    ...peerTask('pandoc'),
    {
      id: 'html-edit',
      label: 'monitor build --format html after editing one essay, warm cache',
      kind: 'monitor',
      output: 'html',
      prepare: async () => editEssay(ctx.root, ctx.essay, ++edits),
      command: () => monitor(['build', '--format', 'html', '--root', ctx.root, '--out', outHtml, '--verbose']),
    },
    {
      id: 'check-cold',
      label: 'monitor check, cold',
      kind: 'monitor',
      output: 'check',
      prepare: async () => rm(cache, { recursive: true, force: true }),
      command: () => monitor(['check', '--root', ctx.root, '--quiet']),
    },
    {
      id: 'check-warm',
      label: 'monitor check, warm cache',
      kind: 'monitor',
      output: 'check',
      command: () => monitor(['check', '--root', ctx.root, '--quiet']),
    },
    {
      id: 'startup',
      label: 'monitor help (start-up only)',
      kind: 'monitor',
      output: 'none',
      command: () => monitor(['help']),
    },
  ];
}

/** Paged.js is a script: the print HTML's CSP (script-src 'none') would stop it before it starts. */
export async function writeScriptableCopy(ctx: ScaleContext): Promise<void> {
  const html = await readFile(printHtmlPath(ctx), 'utf8');
  await writeFile(path.join(ctx.work, 'print-scriptable.html'), html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/i, ''));
}
