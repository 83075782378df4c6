import type { HTTPRequest, Page } from 'puppeteer';

/** The made-up origin the print document is served from; `.invalid` never resolves. */
export const printOrigin = 'https://monitor.invalid';

/**
 * Second layer behind request interception: the print HTML inlines everything (fonts, images
 * as data: URLs), so the document needs nothing from any origin, not even its own.
 */
export const printCsp =
  "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; " +
  "script-src 'none'; object-src 'none'; frame-src 'none'; connect-src 'none'; " +
  "media-src 'none'; worker-src 'none'; form-action 'none'; base-uri 'none'";

export interface IsolatedPage {
  /**
   * An empty document on the print origin, answered from memory with the CSP as a header. Print
   * documents are written into it (print.ts), so none is requested, and the page waits on it
   * between them: leaving the origin (for about:blank) and coming back cost Chromium a new
   * renderer process each time, about 160 ms of a 0.45 s load of the sample's print document.
   */
  readonly blankUrl: string;
  /** URLs refused so far (for the log and the isolation test). */
  readonly blocked: readonly string[];
}

/**
 * Lock the page down before anything loads: no JavaScript (charts are SVG already), no service
 * workers (their responses bypass interception), and every request aborted except the empty
 * document answered from memory (and data: URLs, which never reach the network).
 */
export async function isolatePage(page: Page): Promise<IsolatedPage> {
  const blankUrl = `${printOrigin}/blank.html`;
  const blocked: string[] = [];
  await page.setJavaScriptEnabled(false);
  await page.setBypassServiceWorker(true);
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    if (url === blankUrl && request.method() === 'GET' && request.resourceType() === 'document' && request.frame() === page.mainFrame()) {
      void request.respond({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        headers: { 'cache-control': 'no-store', 'content-security-policy': printCsp },
        body: '<!doctype html><title></title>',
      });
      return;
    }
    // data: URLs never reach the network; Chromium reports some of them here all the same.
    if (url.startsWith('data:')) {
      void request.continue();
      return;
    }
    blocked.push(url);
    void request.abort('blockedbyclient');
  });
  return { blankUrl, blocked };
}
