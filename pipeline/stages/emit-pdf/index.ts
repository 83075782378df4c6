import type { Page } from 'puppeteer';
import type { Edition } from '../../model/edition.js';
import type { OutputFile } from '../../model/output.js';
import { resolveBrowser } from './browser.js';
import { describePrintFailure, PdfEmitError, withBrowserState } from './errors.js';
import { loadFontCss } from './fonts.js';
import { isolatePage, type IsolatedPage } from './isolation.js';
import { launchBrowser, type LaunchedBrowser } from './launch.js';
import { finishPdf } from './finish.js';
import type { LayoutStore } from './layout-cache.js';
import { estimatePages, printWithTrueToc, type PassesResult } from './passes.js';
import { pageTurns } from './page-turns.js';
import { expectedContents, verifyContents } from './verify-toc.js';
import { verifyPageRefs } from './verify-page-refs.js';
import { labelsOf } from '../markdown/labels.js';
import type { PrintAssets } from './print-html.js';
import type { PrintedPages } from './pdf-pages.js';

export { PdfEmitError } from './errors.js';
export { buildPrintHtml } from './print-html.js';

export interface EmitPdfOptions {
  /** Also return the exact HTML given to Chromium, as `<slug>.print.html` beside the PDF. */
  readonly keepPrintHtml: boolean;
  readonly executablePath?: string | undefined;
  readonly styles: { readonly printCss: string; readonly chartsCss?: string | undefined };
  /** Hard limit for each print pass (load + pdf()); default a minute plus 0.1 s per expected page. */
  readonly timeoutMs?: number | undefined;
  /** Images referenced by chapters: src as written → bytes; anything else is not printed. */
  readonly images?: ReadonlyMap<string, { readonly contentType: string; readonly bytes: Uint8Array }> | undefined;
  readonly log?: ((line: string) => void) | undefined;
  /**
   * A browser started earlier (see startBrowser), used for the first attempt. emitPdf starts
   * closing it and does not wait: the caller awaits its close() (idempotent) before the run ends.
   */
  readonly browser?: Promise<LaunchedBrowser> | undefined;
  /** A stop request: Chromium is killed at once and nothing is retried. */
  readonly signal?: AbortSignal | undefined;
  /** Where the print layout is kept between builds (the build cache): a rebuild of the same document prints once. */
  readonly layoutStore?: LayoutStore | undefined;
}

export interface EmitPdfResult {
  /** The files of the pdf/ folder: `<slug>.pdf`, and `<slug>.print.html` when asked for. The caller writes them. */
  readonly files: readonly OutputFile[];
  /** The PDF's file name, `<slug>.pdf`. */
  readonly name: string;
  readonly pages: number;
  readonly bytes: number;
  /** The PDF itself (also in `files`). */
  readonly data: Uint8Array;
  /** TOC entries whose page number was verified against the final PDF. */
  readonly tocChecked: number;
  /** The final PDF as read back for the checks: what later emitters (the EPUB's page list) need of it. */
  readonly printed: PrintedPages;
}

/**
 * The time one print pass may take unless told: a minute, and a tenth of a second more per page
 * expected. A 1,400-page edition prints in about 30 s on an idle 2-core machine; the margin is
 * for a loaded one, where a fixed minute was not enough.
 */
function defaultTimeoutMs(edition: Edition): number {
  return 60_000 + 100 * estimatePages(edition);
}

/**
 * The PDF edition, as files: nothing is written here. Throws PdfEmitError (pdf-browser, pdf-toc,
 * pdf-print); never leaves Chromium running.
 */
export async function emitPdf(edition: Edition, options: EmitPdfOptions): Promise<EmitPdfResult> {
  const log = options.log ?? (() => undefined);
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs(edition);
  const started = performance.now();
  // The edge turns SOURCE_DATE_EPOCH into the build date; this stage reads no environment for it.
  const date = edition.buildDate;

  // 1. Browser and assets. A browser started early is closed here if printing never gets to it.
  let early = options.browser;
  let browserPath: ReturnType<typeof resolveBrowser>;
  let assets: PrintAssets;
  try {
    browserPath = resolveBrowser(options.executablePath);
    log(`pdf: browser ${browserPath.path} (${browserPath.source})`);
    assets = { fontCss: await loadFontCss(), printCss: options.styles.printCss, chartsCss: options.styles.chartsCss, images: imagesAsDataUrls(options.images), date };
  } catch (error) {
    await early?.then((b) => b.close(), () => undefined);
    throw error;
  }

  // 2. Print with true TOC numbers; a crash or hang is retried once with a fresh browser.
  let result: PassesResult | undefined;
  for (let attempt = 1; result === undefined; attempt++) {
    try {
      options.signal?.throwIfAborted();
      // The caller's browser is closed without waiting: the caller's handle waits for it at the
      // end of the run (sequence.ts), while the EPUB and the web pages are made. One launched
      // here is waited for.
      const waitForClose = early === undefined;
      const launching = early ?? launchBrowser(browserPath.path, log, options.signal);
      early = undefined; // printOnce owns it now and always closes it
      result = await printOnce(edition, assets, launching, timeoutMs, log, options.layoutStore, waitForClose);
    } catch (error) {
      if (error instanceof PdfEmitError) throw error;
      options.signal?.throwIfAborted();
      const reason = describePrintFailure(error);
      if (attempt >= 2) {
        throw new PdfEmitError('pdf-print', `Chromium failed twice while printing the PDF edition: ${reason}`, { cause: error });
      }
      log(`pdf: Chromium failed (${reason}); retrying once with a fresh browser`);
    }
  }

  // 3. The contents and page references, checked on the finished PDF as read back.
  const tocChecked = checkPrintedPages(result, edition, log);
  const bytes = result.bytes;
  const name = `${edition.config.slug}.pdf`;
  const files: OutputFile[] = [{ path: name, contents: bytes }];
  if (options.keepPrintHtml) files.push({ path: `${edition.config.slug}.print.html`, contents: result.html });
  const pages = result.printed.lines.length;
  log(`pdf: ${name}: ${result.passes} print pass(es), ${pages} pages, ${bytes.length} bytes, ${tocChecked} contents entries checked, ${Math.round(performance.now() - started)} ms`);
  return { files, name, pages, bytes: bytes.length, data: bytes, tocChecked, printed: result.printed };
}

/**
 * The final PDF read back as a reader sees it (poppler, or pdf.js when poppler found anything wrong;
 * not the data that built it): every contents entry's number, link and heading, and every page
 * reference, must agree with the pages.
 * Returns how many contents entries were checked.
 */
function checkPrintedPages(result: PassesResult, edition: Edition, log: (line: string) => void): number {
  const pages = result.printed;
  const contents = verifyContents(pages, expectedContents(edition));
  const refs = verifyPageRefs(pages, result.refs, labelsOf(edition.locale).page, contents.checked);
  log(`pdf: ${contents.checked} contents entries and ${refs.checked} page references checked on ${pages.lines.length} printed pages`);
  const turns = pageTurns(pages);
  if (turns.length > 0) log(`pdf: ${turns.length} word(s) still hyphenated across a page turn, e.g. after page ${(turns[0]?.page ?? 0) + 1}`);
  fail('pdf-toc', 'The printed contents disagree with the pages', contents.problems);
  fail('pdf-page-ref', 'Page references disagree with the pages', refs.problems);
  return contents.checked;
}

function fail(rule: 'pdf-toc' | 'pdf-page-ref', what: string, problems: readonly string[]): void {
  if (problems.length === 0) return;
  const shown = problems.slice(0, 5).join('; ');
  const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : '';
  throw new PdfEmitError(rule, `${what}: ${shown}${more}.`);
}

async function printOnce(
  edition: Edition,
  assets: PrintAssets,
  launching: Promise<LaunchedBrowser>,
  timeoutMs: number,
  log: (line: string) => void,
  layoutStore: LayoutStore | undefined,
  /** Wait for Chromium to close; when not, the close only starts (see emitPdf). */
  waitForClose: boolean,
): Promise<PassesResult> {
  const t0 = performance.now();
  const launched = await launching;
  let printed = false;
  try {
    const { page, isolated } = await (prepared.get(launched) ?? preparePage(launched));
    log(`pdf: browser ready in ${Math.round(performance.now() - t0)} ms`);
    const result = await printWithTrueToc(page, isolated, edition, assets, {
      timeoutMs,
      log,
      pageLabel: labelsOf(edition.locale).page,
      finish: (pdf, html) => finishPdf(pdf, html, edition, log),
      layoutStore,
      scratch: launched.scratch,
    });
    if (isolated.blocked.length > 0) log(`pdf: blocked ${isolated.blocked.length} request(s), e.g. ${isolated.blocked[0] ?? ''}`);
    printed = true;
    return result;
  } catch (error) {
    throw withBrowserState(error, launched.state());
  } finally {
    // A failed attempt's browser is closed before a retry launches another.
    const closing = launched.close();
    if (waitForClose || !printed) await closing;
  }
}

/**
 * Start Chromium now, so it is ready when the model is: the build launches it while Markdown and
 * charts are being made. Whoever starts it must close it, whether or not it passed it to emitPdf.
 */
export function startBrowser(executablePath: string | undefined, log: (line: string) => void = () => undefined): Promise<LaunchedBrowser> {
  const launching = Promise.resolve().then(async () => {
    const launched = await launchBrowser(resolveBrowser(executablePath).path, log);
    // Its tab is made ready too, on the print origin (see IsolatedPage.blankUrl), meanwhile.
    const page = preparePage(launched);
    page.catch(() => undefined); // a failure surfaces when printOnce awaits it
    prepared.set(launched, page);
    return launched;
  });
  launching.catch(() => undefined); // a failure surfaces when emitPdf awaits it
  return launching;
}

/** Tabs made ready by startBrowser, by browser. */
const prepared = new WeakMap<LaunchedBrowser, Promise<{ page: Page; isolated: IsolatedPage }>>();

/** The tab Chromium opens at start (a new one costs a few hundred ms), isolated, on the print origin. */
async function preparePage(launched: LaunchedBrowser): Promise<{ page: Page; isolated: IsolatedPage }> {
  const page = (await launched.browser.pages())[0] ?? (await launched.browser.newPage());
  const isolated = await isolatePage(page);
  await page.goto(isolated.blankUrl);
  return { page, isolated };
}

function imagesAsDataUrls(images: EmitPdfOptions['images']): Map<string, string> {
  const out = new Map<string, string>();
  for (const [src, { contentType, bytes }] of images ?? []) {
    out.set(src, `data:${contentType};base64,${Buffer.from(bytes).toString('base64')}`);
  }
  return out;
}
