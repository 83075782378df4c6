import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { h } from 'hastscript';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitPdf, PdfEmitError } from '../../pipeline/stages/emit-pdf/index.js';
import { emitPdfInto } from './emit-into.js';
import { resolveBrowser } from '../../pipeline/stages/emit-pdf/browser.js';
import { isolatePage, type IsolatedPage } from '../../pipeline/stages/emit-pdf/isolation.js';
import { loadPrintDocument, releaseDocument } from '../../pipeline/stages/emit-pdf/print.js';
import { launchBrowser, type LaunchedBrowser } from '../../pipeline/stages/emit-pdf/launch.js';
import { makeEdition } from './fixture.js';
import { pageTexts } from './read-pdf.js';

let server: Server;
let requests = 0;
let port = 0;
let dir: string;
let printCss: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests += 1;
    res.writeHead(200, { 'content-type': req.url?.endsWith('.css') ? 'text/css' : 'image/png' });
    res.end(req.url?.endsWith('.css') ? 'body { background: red }' : '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  dir = await mkdtemp(join(tmpdir(), 'monitor-pdf-iso-'));
  printCss = await readFile(new URL('../../styles/print.css', import.meta.url), 'utf8');
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

/** Run `fn` on the first tab of a freshly launched Chromium, isolated as for printing; the browser is closed after. */
async function withIsolatedTab(fn: (tab: { launched: LaunchedBrowser; page: Page; isolated: IsolatedPage }) => Promise<void>): Promise<void> {
  const launched = await launchBrowser(resolveBrowser(undefined).path, () => undefined);
  try {
    const page = (await launched.browser.pages())[0] ?? (await launched.browser.newPage());
    await fn({ launched, page, isolated: await isolatePage(page) });
  } finally {
    await launched.close();
  }
}

/** Command lines of live processes that mention `needle` (Linux /proc, via ps). */
function processesMentioning(needle: string): string[] {
  const out = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  return out.split('\n').filter((line) => line.includes(needle) && !line.includes('ps -eo'));
}

describe('print isolation', () => {
  it('loads nothing from disk or network beyond the edition', async () => {
    const base = `http://127.0.0.1:${port}`;
    // Hostile markup as if it had slipped past the sanitizer.
    const extra = [
      h('img', { src: 'file:///etc/passwd', alt: 'x' }),
      h('iframe', { src: 'file:///etc/passwd' }),
      h('iframe', { src: `${base}/frame.html` }),
      h('link', { rel: ['stylesheet'], href: `${base}/evil.css` }),
      h('img', { src: `${base}/pixel.png`, alt: 'y' }),
      h('div', { style: `background-image: url(${base}/bg.png); height: 10px` }),
      h('object', { data: `${base}/object.pdf` }),
      h('video', { src: `${base}/video.mp4`, poster: `${base}/poster.png` }),
      h('svg', { xmlns: 'http://www.w3.org/2000/svg', width: 10, height: 10 }, [h('image', { href: `${base}/svg-image.png`, width: 10, height: 10 })]),
      h('style', `@import url(${base}/import.css); @font-face { font-family: X; src: url(${base}/font.woff2) } p { font-family: X, serif }`),
      h('script', `fetch('${base}/script')`),
    ];
    const edition = makeEdition({ chapters: 2, extra });
    const lines: string[] = [];
    const result = await emitPdfInto(dir, edition, { keepPrintHtml: false, styles: { printCss }, log: (l) => lines.push(l) });
    expect(requests).toBe(0);
    const text = (await pageTexts(result.pdfPath)).join('\n');
    expect(text).not.toContain('root:x:0');
    expect(Buffer.from(await readFile(result.pdfPath)).includes('root:x:0')).toBe(false);
  }, 60_000);

  it('aborts every request but the print origin’s empty page, even without the CSP layer', async () => {
    await withIsolatedTab(async ({ page, isolated }) => {
      // Navigations the document did not come from: loopback and file:// are refused by interception.
      await page.goto(`http://127.0.0.1:${port}/direct.html`).catch(() => undefined);
      await page.goto('file:///etc/passwd').catch(() => undefined);
      expect(requests).toBe(0);
      expect(isolated.blocked).toEqual([`http://127.0.0.1:${port}/direct.html`, 'file:///etc/passwd']);
    });
  }, 60_000);

  it('keeps the tab on the print origin between documents, in the same renderer process', async () => {
    await withIsolatedTab(async ({ launched, page, isolated }) => {
      const browserSession = await launched.browser.target().createCDPSession();
      const renderers = async (): Promise<number[]> => {
        const { processInfo } = (await browserSession.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
        return processInfo.filter((p) => p.type === 'renderer').map((p) => p.id).sort();
      };
      const doc = (n: number) => `<!doctype html><html><head><style>body { font: 12pt serif }</style></head><body><p>Document ${n}</p></body></html>`;
      await loadPrintDocument(page, isolated, doc(1));
      const first = await renderers();
      for (const n of [2, 3]) {
        await releaseDocument(page, isolated, { purge: true });
        expect(page.url()).toBe(isolated.blankUrl);
        await loadPrintDocument(page, isolated, doc(n));
        expect(await page.evaluate(() => document.body.textContent)).toBe(`Document ${n}`);
      }
      expect(first.length).toBeGreaterThan(0);
      expect(await renderers()).toEqual(first);
      expect(isolated.blocked).toEqual([]);
    });
  }, 60_000);

  it('writes each print document into the print origin’s empty page, under its Content-Security-Policy', async () => {
    await withIsolatedTab(async ({ page, isolated }) => {
      // No CSP of its own: only the empty page's header can refuse the image, before any request.
      const doc = `<!doctype html><html><body><img src="http://127.0.0.1:${port}/beacon.png"><p>Print</p></body></html>`;
      await loadPrintDocument(page, isolated, doc);
      expect(page.url()).toBe(isolated.blankUrl);
      expect(await page.evaluate(() => document.body.textContent)).toBe('Print');
      expect(isolated.blocked).toEqual([]);
      // The same document written into about:blank, which has no CSP: interception has to refuse it.
      await page.goto('about:blank');
      const session = await page.createCDPSession();
      const { frameTree } = (await session.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
      await session.send('Page.setDocumentContent', { frameId: frameTree.frame.id, html: doc });
      await page.evaluate(async () => {
        while (document.readyState !== 'complete') await new Promise((resolve) => setTimeout(resolve, 5));
      });
      expect(isolated.blocked).toEqual([`http://127.0.0.1:${port}/beacon.png`]);
      expect(requests).toBe(0);
    });
  }, 60_000);

  it('fails clearly on a hang or timeout and leaves no Chromium behind', async () => {
    const lines: string[] = [];
    const failure = await emitPdf(makeEdition({ chapters: 2 }), {
      keepPrintHtml: false,
      styles: { printCss },
      timeoutMs: 1,
      log: (l) => lines.push(l),
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PdfEmitError);
    expect((failure as PdfEmitError).ruleId).toBe('pdf-print');
    expect((failure as PdfEmitError).message).toMatch(/failed twice/);
    const profiles = lines.flatMap((l) => /profile (\S+)/.exec(l)?.[1] ?? []);
    expect(profiles).toHaveLength(2); // one retry
    for (const profile of profiles) {
      expect(processesMentioning(profile)).toEqual([]);
      expect(existsSync(profile)).toBe(false);
    }
    expect(existsSync(join(dir, 'timeout', 'eurocities-monitor-2026.pdf'))).toBe(false);
  }, 60_000);
});
