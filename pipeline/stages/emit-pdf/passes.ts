import { PDFDocument, ParseSpeeds } from 'pdf-lib';
import type { Page } from 'puppeteer';
import type { Edition } from '../../model/edition.js';
import { PdfEmitError } from './errors.js';
import type { IsolatedPage } from './isolation.js';
import { readOutline } from './outline.js';
import { buildPrintDocument, serialize, type PrintAssets } from './print-html.js';
import { printPass } from './print.js';
import { keepWordsWhole, pageTurns, type PageTurn } from './page-turns.js';
import { readPrintedPages } from './pdf-pages.js';
import { emptyLayout, fixOutlineTitles, headingPages, layoutMismatches, planLayout, type PrintLayout } from './toc.js';

export interface PassesResult {
  readonly pdf: PDFDocument;
  readonly html: string;
  readonly tocChecked: number;
}

const maxPasses = 3;

/**
 * Print until the TOC numbers and recto placements are true. Pass 1 measures (untagged, empty
 * page numbers in a fixed-width column); pass 2 prints the real numbers and blank pages and is
 * normally final; a third pass only if pass 2 moved a heading. The final outline is checked.
 */
export async function printWithTrueToc(
  page: Page,
  isolated: IsolatedPage,
  edition: Edition,
  assets: PrintAssets,
  timeoutMs: number,
  log: (line: string) => void,
): Promise<PassesResult> {
  let layout: PrintLayout | undefined;
  let problems: string[] = [];
  let turns: readonly PageTurn[] = [];
  let measuredPages: ReadonlyMap<string, number> = new Map();
  for (let pass = 1; pass <= maxPasses; pass++) {
    const measuring = layout === undefined;
    const building = performance.now();
    const doc = buildPrintDocument(edition, layout?.tocPages, assets, layout?.blankBefore);
    // Words pass 1 hyphenated across a page turn are set whole from now on (the chapters are shared between passes).
    const kept = keepWordsWhole(doc.tree, turns, measuredPages);
    if (kept > 0) log(`pdf: ${kept} of ${turns.length} word(s) hyphenated across a page turn set whole`);
    const html = serialize(doc.tree);
    const built = performance.now() - building;
    const printed = await printPass(page, isolated, html, { tagged: !measuring, timeoutMs });
    const parsing = performance.now();
    const pdf = await PDFDocument.load(printed.bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
    const outline = readOutline(pdf);
    const pages = headingPages(doc.headings, outline);
    log(
      `pdf: pass ${pass} (${measuring ? 'measure' : 'tagged'}): ${pdf.getPageCount()} pages, ` +
        `build ${ms(built)}, load ${ms(printed.loadMs)}, pdf() ${ms(printed.pdfMs)}, outline ${ms(performance.now() - parsing)}`,
    );
    if (!measuring && layout !== undefined) {
      problems = layoutMismatches(doc.headings, pages, layout);
      const missing = doc.tocKeys.filter((key) => !pages.has(key));
      if (missing.length > 0) {
        throw new PdfEmitError('pdf-toc', `Contents entries without a heading in the PDF: ${missing.join(', ')}.`);
      }
      if (problems.length === 0) {
        const fixed = fixOutlineTitles(doc.headings, outline);
        if (fixed > 0) log(`pdf: corrected ${fixed} bookmark title(s) Chromium had garbled`);
        return { pdf, html, tocChecked: doc.tocKeys.length };
      }
      log(`pdf: pass ${pass} moved headings (${problems[0] ?? ''}); printing again`);
    }
    if (measuring) {
      const reading = performance.now();
      turns = pageTurns(await readPrintedPages(printed.bytes, { links: false }));
      measuredPages = pages;
      log(`pdf: pass ${pass} read back: ${turns.length} word(s) hyphenated across a page turn, ${ms(performance.now() - reading)}`);
    }
    layout = planLayout(doc.headings, pages, layout?.blankBefore ?? emptyLayout.blankBefore);
  }
  throw new PdfEmitError('pdf-toc', `Contents page numbers did not settle after ${maxPasses} passes: ${problems.slice(0, 3).join('; ')}.`);
}

const ms = (value: number): string => `${Math.round(value)} ms`;
