import type { Page } from 'puppeteer';
import type { IsolatedPage } from './isolation.js';

export interface PrintPassOptions {
  /** Tagging costs time and bytes; the measuring pass only needs the outline. */
  readonly tagged: boolean;
  readonly timeoutMs: number;
  /** Run once Chromium has the document and is printing it, while this thread only waits. */
  readonly whilePrinting?: () => void;
}

export class PrintTimeoutError extends Error {
  constructor(ms: number) {
    super(`printing did not finish within ${ms} ms`);
    this.name = 'PrintTimeoutError';
  }
}

/** Load one print document into the isolated page and print it. Hard timeout over the whole pass. */
export interface PrintedPass {
  readonly bytes: Uint8Array;
  /** Time to load the document (fonts ready). */
  readonly loadMs: number;
  /** Time spent in page.pdf(). */
  readonly pdfMs: number;
}

export async function printPass(page: Page, isolated: IsolatedPage, html: string, options: PrintPassOptions): Promise<PrintedPass> {
  return withinTime(options.timeoutMs, async () => {
    const loadMs = await loadPrintDocument(page, isolated, html);
    const loaded = performance.now();
    const printing = page.pdf({
      tagged: options.tagged,
      outline: true,
      preferCSSPageSize: true,
      printBackground: true,
      timeout: options.timeoutMs,
    });
    // Shortly after: page.pdf() sends its command after a round trip or two of its own.
    const waiting = options.whilePrinting && setTimeout(options.whilePrinting, 50);
    const bytes = await printing.finally(() => clearTimeout(waiting));
    return { bytes, loadMs, pdfMs: performance.now() - loaded };
  });
}

/**
 * Load a print document into the isolated page, every font face loaded. Returns the time it took.
 * The caller bounds the time (withinTime). The document is written into the print origin's empty
 * page (see `IsolatedPage.blankUrl`), under that page's CSP, rather than served as a response:
 * Puppeteer base64-encodes a response body in JavaScript, and the sample's final document loaded
 * in about 170 ms instead of 330–380 ms.
 */
export async function loadPrintDocument(page: Page, isolated: IsolatedPage, html: string): Promise<number> {
  await releaseDocument(page, isolated); // the tab is now on the empty page
  const started = performance.now();
  const session = await page.createCDPSession();
  try {
    const { frameTree } = (await session.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    holding.add(page);
    await session.send('Page.setDocumentContent', { frameId: frameTree.frame.id, html });
  } finally {
    await session.detach();
  }
  // Every face is loaded before printing, not only those the screen layout asked for: a face
  // first needed by the paged layout (a running head, a footnote) would otherwise load while
  // printing, and on a busy machine miss its block period and print in a fallback font.
  await page.evaluate(async () => {
    // Written, not navigated to: its images (data: URLs) have loaded once the document is complete.
    while (document.readyState !== 'complete') await new Promise((resolve) => setTimeout(resolve, 5));
    // Iterated, not forEach: the page runs no script of its own, so it cannot call back.
    const faces = [...(document.fonts as unknown as Iterable<FontFace>)];
    await Promise.all(faces.map((face) => face.load().catch(() => undefined)));
    await document.fonts.ready;
  });
  return performance.now() - started;
}

/** Pages holding a print document (its URL stays the empty page's). */
const holding = new WeakSet<Page>();

/** Run `work` with a hard limit: past `ms` it rejects with a PrintTimeoutError (the work is abandoned). */
export async function withinTime<T>(ms: number, work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PrintTimeoutError(ms)), ms);
  });
  const running = work();
  running.catch(() => undefined); // the timeout may win; the loser must not become unhandled
  try {
    return await Promise.race([running, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Unload the last pass's document and collect it before the next one is laid out. Chromium frees
 * a replaced document only when it next collects, so without this the two laid-out documents are
 * in memory together: at 20× Chromium peaked at 3.4–3.7 GB, and at 2.6 GB with this. The page
 * goes to the print origin's empty document, not to about:blank, so the next document loads in
 * the same renderer process (see `IsolatedPage.blankUrl`).
 */
export async function releaseDocument(page: Page, isolated: IsolatedPage, options: { readonly purge?: boolean } = {}): Promise<void> {
  const url = page.url();
  if (url === isolated.blankUrl && !holding.has(page)) return;
  holding.delete(page);
  await page.goto(isolated.blankUrl);
  if (url === 'about:blank') return; // nothing was loaded yet
  const session = await page.createCDPSession();
  try {
    await session.send('HeapProfiler.collectGarbage');
    // Also hand the freed memory back, as under memory pressure (see column-layout.ts).
    if (options.purge === true) await session.send('Memory.simulatePressureNotification', { level: 'critical' });
  } finally {
    await session.detach();
  }
}
