import type { Page } from 'puppeteer';
import type { IsolatedPage } from './isolation.js';
import { columnScript, type ColumnScriptArgs, type ColumnScriptResult } from './column-script.js';
import { fitScript, type Fitted, type RuntFit } from './fit-script.js';
import type { PageTurn } from './page-turns.js';
import { loadPrintDocument, releaseDocument, withinTime } from './print.js';
import { normalize, type DocHeading } from './toc.js';

/** Where the measuring document's headings, reference targets and page turns fell, without printing it. */
export interface ColumnLayout {
  /** 1-based page of each heading with text, by key (as the bookmarks of a print give them). */
  readonly headingPages: ReadonlyMap<string, number>;
  /** 1-based page of each page-reference target, by id. */
  readonly targetPages: ReadonlyMap<string, number>;
  /** Words hyphenated across a page turn. */
  readonly turns: readonly PageTurn[];
  readonly pageCount: number;
  /** The units set tighter or looser to save a short last page (see `RuntFit`). */
  readonly fitted: readonly Fitted[];
  readonly loadMs: number;
  readonly layoutMs: number;
}

export interface ColumnInput {
  readonly headings: readonly DocHeading[];
  readonly targets: readonly string[];
  readonly timeoutMs: number;
  readonly fit?: RuntFit | undefined;
}

/**
 * The measuring pass without a print: the measuring document is loaded as for printing, laid out
 * in Chromium as one column per page (column-script.ts), and read there. Printing it took
 * `pdf()`, a parse of the PDF and a read of its text: about 0.9 s of a 1.2 s pass at 1×.
 *
 * The result is a prediction, checked like every layout: the pass printed with it is read back,
 * and a heading or reference found elsewhere costs one more pass, never a wrong number. A document
 * this model does not cover gives a reason, and the caller prints its measuring pass.
 */
export async function layoutInColumns(page: Page, isolated: IsolatedPage, html: string, input: ColumnInput): Promise<ColumnLayout | { readonly reason: string }> {
  const args: ColumnScriptArgs = { targets: input.targets, fit: input.fit };
  const { result, loadMs, layoutMs } = await withinTime(input.timeoutMs, async () => {
    // Laid out with the print style sheet from the start, as Chromium lays out a document it prints.
    await page.emulateMediaType('print');
    try {
      const loadMs = await loadPrintDocument(page, isolated, html);
      const started = performance.now();
      // A script that fails costs the print of the measuring pass, not the build; a crashed page
      // fails that print, which is retried as any other.
      const result = await (page.evaluate(inPage(args)) as Promise<ColumnScriptResult>).catch(
        (error: unknown): ColumnScriptResult => ({ ok: false, reason: `the layout script failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` }),
      );
      return { result, loadMs, layoutMs: performance.now() - started };
    } finally {
      // The columns are let go before the page goes back to screen media (which would lay them
      // out again), and their memory is handed back: at 20× Chromium otherwise kept about 0.6 GB
      // more through the final print.
      await releaseDocument(page, isolated, { purge: true });
      await page.emulateMediaType();
    }
  });
  if (!result.ok) return { reason: result.reason };
  if (result.headings.length !== input.headings.length) {
    return { reason: `the page has ${result.headings.length} headings, the print document ${input.headings.length}` };
  }
  const headingPages = new Map<string, number>();
  for (const [i, heading] of input.headings.entries()) {
    const found = result.headings[i];
    if (found === undefined || normalize(found.text) !== normalize(heading.text)) return { reason: `heading ${i + 1} reads "${found?.text ?? ''}" on the page` };
    if (found.page !== null && normalize(heading.text) !== '') headingPages.set(heading.key, found.page);
  }
  const targetPages = new Map<string, number>();
  input.targets.forEach((target, i) => {
    const p = result.targets[i];
    if (p !== null && p !== undefined) targetPages.set(target, p);
  });
  const turns = result.turns.map((t) => ({ page: t.page - 1, before: t.before, after: t.after }));
  return { headingPages, targetPages, turns, pageCount: result.pages, fitted: result.fitted, loadMs, layoutMs };
}

/**
 * The script as source text. A loader that keeps function names (tsx) wraps named functions in a
 * `__name` helper of the module, which the page does not have: it is given one that does nothing.
 */
function inPage(args: ColumnScriptArgs): string {
  return `(() => { const __name = (f) => f; return (${columnScript.toString()})(${JSON.stringify(args)}, ${fitScript.toString()}); })()`;
}
