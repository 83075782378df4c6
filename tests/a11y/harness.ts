import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import axe from 'axe-core';
import type { Page } from 'puppeteer';
import { contentTypeOf } from '../../pipeline/assets/content-type.js';
import { build, projectRoot, type Format } from '../../pipeline/build.js';
import type { Edition } from '../../pipeline/model/edition.js';
import { resolveBrowser } from '../../pipeline/stages/emit-pdf/browser.js';
import { launchBrowser, type LaunchedBrowser } from '../../pipeline/stages/emit-pdf/launch.js';

/** A fixed build date, so pages (and the accessibility statement's date) are reproducible. */
export const buildDate = new Date('2026-11-27T00:00:00Z');

export interface Built {
  readonly out: string;
  readonly edition: Edition;
}

/** Build an edition with the real build() into a fresh temporary folder. */
export async function buildInto(format: Format, root = projectRoot): Promise<Built> {
  const out = await mkdtemp(path.join(os.tmpdir(), 'monitor-a11y-'));
  const result = await build({
    root,
    out,
    format,
    profile: 'public',
    keepPrintHtml: false,
    buildDate,
    runToken: `a11y-${process.pid}`,
    log: () => {},
  });
  if (!result.ok || !result.edition) throw new Error(`build of ${root} failed: ${result.files.flatMap((f) => f.messages.map(String)).join('\n')}`);
  return { out, edition: result.edition };
}

export async function removeDir(dir: string | undefined): Promise<void> {
  if (dir) await rm(dir, { recursive: true, force: true });
}

/** Every HTML page below dir, as paths relative to it (forward slashes), sorted. */
export async function htmlPages(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  return entries
    .map((e) => e.split(path.sep).join('/'))
    .filter((e) => e.endsWith('.html'))
    .sort();
}

export type LaunchedChromium = LaunchedBrowser;

/** Headless Chromium launched exactly as the PDF stage launches it: same flags, fresh profile, sure close. */
export function launchChromium(): Promise<LaunchedChromium> {
  return launchBrowser(resolveBrowser(undefined).path, () => undefined);
}

export interface StaticServer {
  /** e.g. "http://127.0.0.1:43210/" */
  readonly origin: string;
  close(): Promise<void>;
}

/**
 * A tiny loopback server for the built site: over http the pages' CSP ('self') applies exactly as
 * on the real host, which file:// would not reproduce.
 */
export async function serveDir(dir: string): Promise<StaticServer> {
  const root = path.resolve(dir);
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      let file = path.resolve(root, `.${decodeURIComponent(url.pathname)}`);
      if (!file.startsWith(root)) {
        res.writeHead(403).end();
        return;
      }
      try {
        if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
        await stat(file);
      } catch {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': contentTypeOf(file) });
      createReadStream(file).pipe(res);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null | undefined;
  readonly help: string;
  readonly nodes: readonly { readonly target: string; readonly html: string; readonly summary: string }[];
}

/**
 * Run axe-core in the page for the WCAG 2.1 A/AA tags. The pages' CSP forbids inline scripts,
 * so CSP is bypassed for the injection only (the page's own resources still load under it).
 */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.addScriptTag({ content: axe.source });
  return page.evaluate(async (tags) => {
    const axeInPage = (globalThis as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axeInPage.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html.slice(0, 200), summary: n.failureSummary ?? '' })),
    }));
  }, [...wcagTags]);
}

/** One line per violating node, for a readable test failure. */
export function describeViolations(pagePath: string, violations: readonly AxeViolation[]): string[] {
  return violations.flatMap((v) => v.nodes.map((n) => `${pagePath}: ${v.id} (${v.impact ?? '?'}): ${v.help} at ${n.target}: ${n.html}`));
}
