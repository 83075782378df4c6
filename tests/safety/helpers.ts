import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { build, type BuildOptions, type BuildResult, type Format } from '../../pipeline/build.js';
import { collectProblems } from '../../pipeline/diagnostics/format.js';
import type { Audience } from '../../pipeline/model/figure.js';
import { unzip } from '../epub/unzip.js';

export const project = path.resolve(import.meta.dirname, '../..');
export const bin = path.join(project, 'bin/monitor.js');
export const chromium = process.env['PUPPETEER_EXECUTABLE_PATH'] ?? '/usr/lib/chromium/chromium';
/** 2026-06-01T00:00:00Z: every test build uses the same date. */
export const EPOCH = '1780272000';

/** A temporary folder that the caller removes. */
export function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `monitor-safety-${prefix}-`));
}

/** A copy of the small test edition (tests/fixtures/mini-edition) in a temporary folder that the caller removes. */
export async function miniEdition(prefix: string): Promise<string> {
  const root = await tempDir(prefix);
  await cp(path.join(project, 'tests/fixtures/mini-edition'), root, { recursive: true });
  return root;
}

/**
 * An edition root in a temporary folder: the sample's edition.yaml with its chapter list replaced,
 * the given chapters, and a copy of the sample's data/ (codebooks, CSVs, custom specs).
 */
export async function writeEdition(chapters: Readonly<Record<string, string>>, order = Object.keys(chapters)): Promise<string> {
  const root = await tempDir('edition');
  const yaml = await readFile(path.join(project, 'edition.yaml'), 'utf8');
  const list = order.map((c) => `  - ${c}`).join('\n');
  await writeFile(path.join(root, 'edition.yaml'), yaml.replace(/^chapters:\n(?:  - .*\n?)+/m, `chapters:\n${list}\n`));
  await mkdir(path.join(root, 'chapters'));
  for (const [name, text] of Object.entries(chapters)) await writeFile(path.join(root, 'chapters', name), text);
  await cp(path.join(project, 'data'), path.join(root, 'data'), { recursive: true });
  return root;
}

export interface Built extends BuildResult {
  /** path:line:col severity message rule, one per problem. */
  readonly problems: string[];
}

/** The real build() of pipeline/build.ts, with a fixed date and no logging. */
export async function buildEdition(
  root: string,
  out: string,
  format: Format,
  profile: Audience = 'public',
  browserPath = chromium,
  extra: Partial<Pick<BuildOptions, 'force' | 'home' | 'log' | 'printBudget' | 'signal'>> = {},
): Promise<Built> {
  const result = await build({
    root,
    out,
    format,
    profile,
    keepPrintHtml: false,
    buildDate: new Date(Number(EPOCH) * 1000),
    runToken: `test-${process.pid}-${Math.floor(performance.now())}`,
    browserPath,
    log: () => undefined,
    ...extra,
  });
  const problems = collectProblems(result.files, { root, cwd: root }).map((p) => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.message} ${p.rule}`);
  return { ...result, problems };
}

/** Every file below `dir`, relative path → bytes, sorted by path. */
export async function readOutputTree(dir: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
  return new Map(await Promise.all(files.map(async (f) => [f, await readFile(path.join(dir, f))] as const)));
}

/** One hash over a whole folder: paths and contents. */
export async function hashTree(dir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const [name, bytes] of await readOutputTree(dir)) hash.update(`${name}\0${bytes.length}\0`).update(bytes);
  return hash.digest('hex');
}

/** Files whose text contains `needle` (case-insensitive), as "path: …context…". */
export function grepTree(files: ReadonlyMap<string, Buffer>, needle: string | RegExp): string[] {
  const re = typeof needle === 'string' ? new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi') : needle;
  const hits: string[] = [];
  for (const [name, bytes] of files) {
    const text = bytes.toString('latin1');
    for (const m of text.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`))) {
      hits.push(`${name}: …${text.slice(Math.max(0, m.index - 60), m.index + m[0].length + 60)}…`);
    }
  }
  return hits;
}

/** Run the CLI as a child process. */
export async function monitor(args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], {
      cwd: project,
      env: { ...process.env, NO_COLOR: '1', PUPPETEER_EXECUTABLE_PATH: chromium, ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

export async function removeAll(...dirs: (string | undefined)[]): Promise<void> {
  await Promise.all(dirs.filter((d): d is string => d !== undefined).map((d) => rm(d, { recursive: true, force: true })));
}

/** A chapter file with front matter. */
export function chapter(fm: string, body: string): string {
  return `---\n${fm.trim()}\n---\n\n${body.trim()}\n`;
}

/**
 * The files with every EPUB's entries added, decompressed, as `<epub path>!/<entry>`: a marker
 * inside the book's deflated XHTML is then found like one in any other file.
 */
export function withEpubEntries(files: ReadonlyMap<string, Buffer>): Map<string, Buffer> {
  const out = new Map(files);
  for (const [name, bytes] of files) if (name.endsWith('.epub')) for (const item of unzip(bytes)) out.set(`${name}!/${item.name}`, item.data);
  return out;
}
