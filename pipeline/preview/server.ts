import { createHash } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Audience } from '../model/figure.js';
import { reloadScript } from './client.js';
import { contentTypeOf } from '../assets/content-type.js';
import { crossSite, folderLocation, hostAllowed, requestPath, type Listening } from './guard.js';
import { PreviewSite, type RebuildResult } from './site.js';
import { emitEdition } from '../sequence.js';
import type { Emitter } from '../emitters/index.js';
import { closeUnheldChartWorkers, holdChartWorkers } from '../stages/charts/workers.js';

export interface PreviewOptions {
  readonly root: string;
  readonly port: number;
  readonly host: string;
  readonly profile: Audience;
  readonly buildDate: Date;
  readonly browserPath?: string | undefined;
  readonly log: (line: string) => void;
  /** Milliseconds of quiet after a change before rebuilding (editors save several files at once). */
  readonly debounceMs?: number;
  /** The emitter table (default EMITTERS); tests pass their own. */
  readonly emitters?: readonly Emitter[] | undefined;
}

export interface Preview {
  readonly url: string;
  readonly site: PreviewSite;
  /** Resolves after the rebuild that follows the latest change (for tests and tools). */
  readonly settled: () => Promise<void>;
  close(): Promise<void>;
}

const WATCHED_DIRS = ['chapters', 'data', 'styles'];

/** `monitor preview`: the HTML edition from memory, rebuilt on every change, tabs reloaded. */
export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const { log } = options;
  const site = new PreviewSite(options.root, options.profile, options.buildDate, undefined, options.emitters);
  // Chart threads stay for the whole session: an edited chart redraws without loading Vega again.
  const releaseCharts = holdChartWorkers();
  const clients = new Set<ServerResponse>();
  let lastChanged: readonly string[] = [];

  const stateEvent = () =>
    `event: state\ndata: ${JSON.stringify({ version: site.version, changed: lastChanged, problems: site.currentProblems })}\n\n`;
  const announce = (result: RebuildResult) => {
    lastChanged = result.changed;
    const errors = result.problems.filter((p) => p.severity === 'error');
    if (result.ok) log(`rebuilt in ${Math.round(result.ms)} ms: ${result.changed.length} file${result.changed.length === 1 ? '' : 's'} changed`);
    else log(`${errors.length} error${errors.length === 1 ? '' : 's'}; still serving the last good version:\n${errors.map((p) => `  ${p.file}:${p.line}:${p.column} ${p.message}  ${p.rule}`).join('\n')}`);
    for (const client of clients) client.write(stateEvent());
  };

  // Rebuilds never overlap: a change during a rebuild schedules exactly one more.
  let running: Promise<void> = Promise.resolve();
  let dirty = false;
  let timer: NodeJS.Timeout | undefined;
  const rebuild = () => {
    running = running.then(async () => {
      dirty = false;
      try {
        announce(await site.rebuild());
      } catch (error) {
        log(`rebuild failed: ${(error as Error).stack ?? String(error)}`);
      }
    });
    return running;
  };
  const schedule = () => {
    dirty = true;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void rebuild();
    }, options.debounceMs ?? 20);
  };
  await rebuild();

  const watchers = watchEdition(options.root, schedule);
  let pdfRunning: Promise<Uint8Array> | undefined;
  const etags = new EntityTags();

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`Preview error: ${(error as Error).message}`);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const listening: Listening = { address: options.host, port: (server.address() as AddressInfo).port };
    for (const [name, value] of Object.entries(guardHeaders)) res.setHeader(name, value);
    // DNS rebinding: a page of evil.example resolving to 127.0.0.1 sends Host: evil.example.
    if (!hostAllowed(req.headers.host, listening)) return refuse(res, 421, 'This preview answers only at its own address (127.0.0.1 or localhost, with its port).');
    const target = requestPath(req.url);
    const method = req.method ?? 'GET';
    const endpoint = target.ok && target.rel.startsWith('__monitor/');
    // Other sites may link to the pages, but never drive the preview (PDF runs, event streams, writes).
    if ((endpoint || (method !== 'GET' && method !== 'HEAD')) && crossSite(req.headers, listening)) {
      return refuse(res, 403, 'The preview refuses requests from other sites.');
    }
    if (method !== 'GET' && method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      return refuse(res, 405, 'The preview only serves pages.');
    }
    if (!target.ok) return refuse(res, target.status, target.status === 400 ? 'Bad request' : 'Not found');
    const pathname = `/${target.rel}`;
    if (pathname === '/__monitor/reload.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      res.end(reloadScript);
      return;
    }
    if (pathname === '/__monitor/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(stateEvent());
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (pathname === '/__monitor/status') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ version: site.version, problems: site.currentProblems }));
      return;
    }
    if (pathname === '/__monitor/pdf') {
      pdfRunning ??= makePdf().finally(() => (pdfRunning = undefined));
      try {
        const bytes = await pdfRunning;
        res.writeHead(200, { 'content-type': 'application/pdf', 'cache-control': 'no-store', 'content-disposition': 'inline' });
        res.end(bytes);
      } catch (error) {
        res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
        res.end(`The PDF could not be made: ${(error as Error).message}\nThe HTML preview keeps working; run "monitor build --format pdf" for details.`);
      }
      return;
    }
    const rel = target.folder ? (target.rel === '' ? 'index.html' : `${target.rel}/index.html`) : target.rel;
    let body = site.file(rel);
    if (body === undefined && !target.folder && site.file(`${rel}/index.html`) !== undefined) {
      // Path-only and canonical: never "//host" or "/\\host", which browsers take for another origin.
      res.writeHead(301, { location: folderLocation(rel) });
      res.end();
      return;
    }
    if (body === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(site.version > 0 && !site.edition ? 'The edition has errors and has never built; see the terminal.' : 'Not found');
      return;
    }
    const type = contentTypeOf(rel);
    if (rel.endsWith('.html') && typeof body === 'string') body = forPreview(body);
    else {
      // Styles, fonts and images rarely change between rebuilds: the browser keeps them and asks
      // each time (If-None-Match), so a reload after an edit fetches and decodes only the page.
      const etag = etags.of(rel, body);
      res.setHeader('etag', etag);
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { 'cache-control': 'no-cache' });
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' });
      res.end(body);
      return;
    }
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body);
  }

  /** The PDF emitter on a copy of the last good edition (it edits trees it is given); the PDF stays in memory. */
  async function makePdf(): Promise<Uint8Array> {
    const edition = site.edition;
    const sources = site.sources;
    if (!edition || !sources) throw new Error('the edition has not built yet');
    // The locale is immutable and holds functions: it is shared, not cloned.
    const copy = { ...structuredClone({ ...edition, locale: undefined }), locale: edition.locale };
    const emitted = await emitEdition(copy, sources, ['pdf'], {
      emitters: site.emitters,
      purpose: 'preview',
      browserPath: options.browserPath,
      log,
    });
    const pdf = emitted.get('pdf')?.document;
    if (!pdf) throw new Error('the PDF emitter made no PDF');
    log(`pdf: ${pdf.pages ?? '?'} pages`);
    return pdf.bytes;
  }

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => resolve());
    });
  } catch (error) {
    for (const w of watchers) w.close();
    await releaseCharts();
    throw error;
  }
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}/`,
    site,
    async settled() {
      while (dirty || timer) {
        await new Promise((r) => setTimeout(r, 10));
        await running;
      }
      await running;
    },
    async close() {
      if (timer) clearTimeout(timer);
      for (const w of watchers) w.close();
      for (const client of clients) client.end();
      // Threads first: a chart still drawing fails at once instead of holding the rebuild (and Ctrl+C).
      await releaseCharts({ now: true });
      await running;
      await closeUnheldChartWorkers({ now: true });
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** Content-hash entity tags of served files, computed once per file version. */
class EntityTags {
  private readonly known = new Map<string, { readonly body: string | Uint8Array; readonly tag: string }>();

  of(rel: string, body: string | Uint8Array): string {
    const seen = this.known.get(rel);
    if (seen && seen.body === body) return seen.tag;
    const tag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    this.known.set(rel, { body, tag });
    return tag;
  }
}

/** On every answer: no sniffing, no embedding by other sites, no framing. */
const guardHeaders = {
  'x-content-type-options': 'nosniff',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
} as const;

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`${message}\n`);
}

/** Let the page load the reload script and open the event stream: only in preview responses. */
export function forPreview(html: string): string {
  const withCsp = html.replace(/(http-equiv="Content-Security-Policy" content=")([^"]*)"/i, (_m, start: string, policy: string) => {
    return `${start}${policy}; script-src 'self'; connect-src 'self'"`;
  });
  return withCsp.replace('</head>', '<script src="/__monitor/reload.js" defer></script></head>');
}

/**
 * Watch chapters/, data/ and styles/ recursively and the root for edition.yaml (and for those
 * folders appearing). The root itself is not watched recursively: it may hold node_modules.
 */
function watchEdition(root: string, onChange: () => void): FSWatcher[] {
  const watchers: FSWatcher[] = [];
  const watched = new Set<string>();
  const watchDir = (name: string) => {
    if (watched.has(name)) return;
    try {
      watchers.push(watch(path.join(root, name), { recursive: true }, () => onChange()));
      watched.add(name);
    } catch {
      // The folder does not exist (yet): the root watcher picks it up when it appears.
    }
  };
  for (const name of WATCHED_DIRS) watchDir(name);
  watchers.push(
    watch(root, (_event, filename) => {
      const name = filename?.toString();
      if (name === 'edition.yaml') onChange();
      else if (name && WATCHED_DIRS.includes(name)) {
        watchDir(name);
        onChange();
      }
    }),
  );
  return watchers;
}
