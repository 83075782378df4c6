import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Command } from './measure.js';

/** Where `npm run bench` looks for (and tells you to install) pagedjs-cli: never in the project. */
export const peersPrefix = process.env['MONITOR_BENCH_PEERS'] ?? path.join(tmpdir(), 'monitor-bench-peers');

export interface PeerInputs {
  /** The pipeline's kept print HTML (`--keep-print-html`) at this scale. */
  readonly printHtml: string;
  /** The same HTML without its CSP meta tag, for Paged.js, whose polyfill is a script. */
  readonly printHtmlScriptable: string;
  /** Chapter files in edition order (for pandoc). */
  readonly chapters: readonly string[];
  readonly outDir: string;
  readonly chromium: string;
  readonly launchArgs: readonly string[];
}

export interface Peer {
  readonly id: 'floor' | 'weasyprint' | 'pagedjs' | 'pandoc';
  readonly label: string;
  /** What it produces: a PDF from the print HTML, or HTML from the Markdown. */
  readonly output: 'pdf' | 'html';
  /** The executable, or undefined when it is not installed. */
  readonly find: () => string | undefined;
  readonly version: (exe: string) => string;
  readonly install: string;
  readonly command: (exe: string, inputs: PeerInputs) => Command;
}

const projectDir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

export const peers: readonly Peer[] = [
  {
    id: 'floor',
    label: 'floor: bare Puppeteer, one pdf()',
    output: 'pdf',
    find: () => (existsSync(path.join(projectDir, 'node_modules', 'puppeteer')) ? process.execPath : undefined),
    version: () => `puppeteer ${packageVersion(path.join(projectDir, 'node_modules', 'puppeteer'))}`,
    install: 'npm install (puppeteer is a project dependency)',
    command: (node, i) => ({
      cmd: node,
      args: [path.join(projectDir, 'bench', 'floor.mjs'), i.printHtml, path.join(i.outDir, 'floor.pdf'), i.chromium, JSON.stringify(i.launchArgs)],
    }),
  },
  {
    id: 'weasyprint',
    label: 'WeasyPrint (untagged)',
    output: 'pdf',
    find: () => which('weasyprint'),
    version: (exe) => firstLine(exe, ['--version']).replace(/^WeasyPrint version /, 'WeasyPrint '),
    install: 'apt-get install -y weasyprint',
    command: (exe, i) => ({ cmd: exe, args: ['-q', i.printHtml, path.join(i.outDir, 'weasyprint.pdf')] }),
  },
  {
    id: 'pagedjs',
    label: 'pagedjs-cli',
    output: 'pdf',
    find: () => which('pagedjs-cli') ?? existing(path.join(peersPrefix, 'bin', 'pagedjs-cli')) ?? existing(path.join(projectDir, 'node_modules', '.bin', 'pagedjs-cli')),
    version: (exe) => {
      const pkg = path.join(path.dirname(exe), '..', 'lib', 'node_modules', 'pagedjs-cli');
      return `pagedjs-cli ${packageVersion(existsSync(pkg) ? pkg : path.join(projectDir, 'node_modules', 'pagedjs-cli'))}`;
    },
    install: `PUPPETEER_SKIP_DOWNLOAD=1 npm install -g --prefix ${peersPrefix} pagedjs-cli@0.4.3   (outside the project; it is run with PUPPETEER_EXECUTABLE_PATH=<system chromium>)`,
    command: (exe, i) => ({
      cmd: exe,
      // Its --browserArgs is a comma-separated list, so the flags with commas in them
      // (--disable-features) go through a wrapper of the browser instead (chromiumWith).
      args: [i.printHtmlScriptable, '-o', path.join(i.outDir, 'pagedjs.pdf'), '--browserArgs', i.launchArgs.filter((a) => !a.includes(',')).join(','), '--timeout', '1200000'],
      // Its bundled Puppeteer 20 would otherwise look for a browser it never downloaded.
      env: { PUPPETEER_EXECUTABLE_PATH: chromiumWith(i.chromium, i.launchArgs, i.outDir) },
    }),
  },
  {
    id: 'pandoc',
    label: 'pandoc -f markdown -t html',
    output: 'html',
    find: () => which('pandoc'),
    version: (exe) => firstLine(exe, ['--version']),
    install: 'apt-get install -y pandoc',
    command: (exe, i) => ({ cmd: exe, args: ['-f', 'markdown', '-t', 'html', '-o', path.join(i.outDir, 'pandoc.html'), ...i.chapters] }),
  },
];

/**
 * The browser, launched with the flags of `args` that hold commas added last, each merged with
 * the same flag of the launcher: Chromium reads only the last `--disable-features`, and Puppeteer
 * 20 gives one of its own. A shell script in `dir`; the browser itself when there are none.
 */
export function chromiumWith(chromium: string, args: readonly string[], dir: string): string {
  const listed = args.filter((a) => a.includes(',') && /^--[a-z-]+=/.test(a));
  if (listed.length === 0) return chromium;
  const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
  const lines = ['#!/bin/sh', '# Made by npm run bench for pagedjs-cli (bench/peers.ts).'];
  const tail: string[] = [];
  listed.forEach((flag, n) => {
    const [name = '', value = ''] = flag.split(/=(.*)/s);
    lines.push(`v${n}=${quote(value)}`, `for a in "$@"; do case "$a" in ${name}=*) v${n}="\${a#${name}=},\$v${n}";; esac; done`);
    tail.push(`"${name}=\$v${n}"`);
  });
  lines.push(`exec ${quote(chromium)} "$@" ${tail.join(' ')}`);
  const file = path.join(dir, 'chromium-for-pagedjs.sh');
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o755 });
  return file;
}

export function which(name: string): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

function existing(file: string): string | undefined {
  return existsSync(file) ? file : undefined;
}

function firstLine(exe: string, args: string[]): string {
  const r = spawnSync(exe, args, { encoding: 'utf8' });
  return `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n')[0] ?? '?';
}

export function packageVersion(dir: string): string {
  try {
    return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version?: string }).version ?? '?';
  } catch {
    return '?';
  }
}

/**
 * GNU time gives the rusage of the reaped process tree. Installed when missing and running as
 * root on Debian (bench set-up); otherwise CPU comes from /proc sampling alone.
 */
export function ensureGnuTime(log: (line: string) => void): void {
  if (existsSync('/usr/bin/time')) return;
  if (process.getuid?.() !== 0 || !which('apt-get')) {
    log('bench: /usr/bin/time not found; CPU time comes from /proc sampling only (Debian: apt-get install -y time)');
    return;
  }
  log('bench: installing GNU time (apt-get install -y time) for rusage figures');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (spawnSync('apt-get', ['install', '-y', 'time'], { stdio: 'ignore', env }).status !== 0) {
    spawnSync('apt-get', ['update'], { stdio: 'ignore', env });
    spawnSync('apt-get', ['install', '-y', 'time'], { stdio: 'ignore', env });
  }
}

/**
 * Full runs (not --smoke, which must stay fast) install missing peers where that is possible
 * without touching the project: WeasyPrint and pandoc from Debian when running as root, and
 * pagedjs-cli into the bench's own prefix (never into package.json). What cannot be installed is
 * reported as not installed, with the command to install it.
 */
export function installMissingPeers(log: (line: string) => void): void {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const debian = peers.filter((p) => (p.id === 'weasyprint' || p.id === 'pandoc') && p.find() === undefined);
  if (debian.length > 0 && process.getuid?.() === 0 && which('apt-get')) {
    const names = debian.map((p) => p.id);
    log(`bench: installing ${names.join(', ')} (apt-get install -y ${names.join(' ')})`);
    if (spawnSync('apt-get', ['install', '-y', ...names], { stdio: 'ignore', env }).status !== 0) {
      spawnSync('apt-get', ['update'], { stdio: 'ignore', env });
      spawnSync('apt-get', ['install', '-y', ...names], { stdio: 'ignore', env });
    }
  }
  const paged = peers.find((p) => p.id === 'pagedjs');
  if (paged && paged.find() === undefined && which('npm')) {
    log(`bench: installing pagedjs-cli 0.4.3 into ${peersPrefix} (outside the project)`);
    spawnSync('npm', ['install', '-g', '--prefix', peersPrefix, '--no-audit', '--no-fund', 'pagedjs-cli@0.4.3'], {
      stdio: 'ignore',
      env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' },
    });
  }
}
