import { PDFDocument, ParseSpeeds } from 'pdf-lib';
import type { Page } from 'puppeteer';
import type { Edition } from '../../model/edition.js';
import { collectGarbage } from './collect-garbage.js';
import { layoutInColumns } from './column-layout.js';
import { PdfEmitError } from './errors.js';
import type { Fitted } from './fit-script.js';
import { chapterFit, describeFits, fitChapters } from './fit.js';
import { dropRunningHeads } from './opening-pages.js';
import type { IsolatedPage } from './isolation.js';
import { layoutKey, layoutNamespace, loadLayout, storeLayout, type LayoutStore, type WordsWhole } from './layout-cache.js';
import { readOutline } from './outline.js';
import type { PageRef } from './page-refs.js';
import { buildPrintDocument, releasePrintChapters, serialize, type PrintAssets } from './print-html.js';
import { printPass } from './print.js';
import { keepWordsWhole, pageTurns } from './page-turns.js';
import { readPrintedPages, type PrintedPages } from './pdf-pages.js';
import { readWithPoppler, startPoppler, type PopplerRun } from './poppler-pages.js';
import { emptyLayout, fixOutlineTitles, headingPages, layoutMismatches, pageDigits, planLayout, type PrintLayout, type RefPlan } from './toc.js';
import { measuredRefPages, verifyPageRefs } from './verify-page-refs.js';
import { expectedContents, verifyContents } from './verify-toc.js';

export interface PassesResult {
  /** The finished PDF (see finish.ts). */
  readonly bytes: Uint8Array;
  readonly html: string;
  /**
   * The finished PDF read back (poppler, or pdf.js when poppler found anything wrong): what the
   * contents and page references are checked on.
   */
  readonly printed: PrintedPages;
  readonly refs: readonly PageRef[];
  /** How many times the document was printed. */
  readonly passes: number;
}

export interface PassesOptions {
  readonly timeoutMs: number;
  readonly log: (line: string) => void;
  /** The page label of cross-references ("p."). */
  readonly pageLabel: string;
  /** Turn a printed pass into the final file (metadata, text layer, save). */
  readonly finish: (pdf: PDFDocument, html: string) => Promise<Uint8Array>;
  /** Where the last layout of the same print document is kept, if anywhere. */
  readonly layoutStore?: LayoutStore | undefined;
  /** A folder for the files of pdftotext, which then reads a pass while pdf-lib parses it. */
  readonly scratch?: string | undefined;
}

// Normally two (a measuring pass, then the final print), one when the layout is known; more when a
// pass moved something.
const maxPasses = 4;

/**
 * Print until the contents, the page references and the recto placements are true. The
 * measuring pass lays out the document with charts as empty boxes and page numbers left empty in
 * room reserved for them, in columns (column-layout.ts) or, where that does not apply, printed
 * untagged; the next prints the real numbers and blank pages and is normally final. When the
 * layout of the same document is known from a previous build, the first pass is the final one.
 * Every final pass is finished, read back, and its page references checked on the printed pages:
 * a layout that was wrong, however it was found, costs a pass and never a wrong number.
 */
export async function printWithTrueToc(page: Page, isolated: IsolatedPage, edition: Edition, assets: PrintAssets, options: PassesOptions): Promise<PassesResult> {
  const { log, pageLabel } = options;
  let problems: string[] = [];
  const words: WordsWhole[] = [];
  const expected = expectedContents(edition);
  // The measuring document, as the key of the layout a previous build found for it.
  const measuring = buildPrintDocument(edition, undefined, assets, undefined, { digits: pageDigits(estimatePages(edition)) });
  let measuringHtml = serialize(measuring.tree, { chartBoxes: true });
  const key = layoutKey(measuringHtml, await page.browser().version());
  const cached = loadLayout(await options.layoutStore?.get(layoutNamespace, key));
  let layout: PrintLayout | undefined = cached?.layout;
  let fitted: readonly Fitted[] = cached?.fitted ?? [];
  fitChapters(measuring.tree, fitted);
  for (const w of cached?.words ?? []) {
    keepWordsWhole(measuring.tree, w.turns, w.pages);
    words.push(w);
  }
  if (cached !== undefined) log(`pdf: layout known from the last build of this document (${cached.layout.tocPages.size} headings); printing once`);
  let prints = 0;
  try {
    for (let pass = 1; pass <= maxPasses; pass++) {
      const isMeasuring = layout === undefined;
      const building = performance.now();
      const doc = isMeasuring
        ? measuring
        : buildPrintDocument(edition, layout?.tocPages, assets, layout?.blankBefore, { pages: layout?.refPages, digits: layout?.digits ?? 2 });
      const html = isMeasuring ? measuringHtml : serialize(doc.tree);
      measuringHtml = ''; // printed or not needed: let it go
      const built = performance.now() - building;
      const recto = new Map(doc.refs.map((r) => [r.target, r.recto]));
      if (isMeasuring && pass === 1) {
        const targets = [...new Set(doc.refs.map((r) => r.target))];
        const columns = await layoutInColumns(page, isolated, html, { headings: doc.headings, targets, timeoutMs: options.timeoutMs, fit: chapterFit });
        if ('reason' in columns) log(`pdf: pass 1 cannot be laid out in columns (${columns.reason}); printing it`);
        else {
          // Before the words: they were found with these chapters already set tight or loose.
          fitted = columns.fitted;
          if (fitChapters(doc.tree, fitted) > 0) log(`pdf: ${fitted.length} chapter(s) set to save a short last page: ${describeFits(fitted)}`);
          const kept = columns.turns.length > 0 ? keepWordsWhole(doc.tree, columns.turns, columns.headingPages) : 0;
          if (kept > 0) words.push({ turns: columns.turns, pages: columns.headingPages });
          log(
            `pdf: pass 1 (measure, in columns): ${columns.pageCount} pages, load ${ms(columns.loadMs)}, layout ${ms(columns.layoutMs)}; ` +
              `${columns.headingPages.size} headings, ${columns.targetPages.size} reference target(s), ${columns.turns.length} word(s) hyphenated across a page turn, ${kept} set whole`,
          );
          layout = planLayout(doc.headings, columns.headingPages, emptyLayout.blankBefore, { measured: columns.targetPages, recto }, columns.pageCount);
          continue;
        }
      }
      prints += 1;
      const printed = await printPass(page, isolated, html, { tagged: !isMeasuring, timeoutMs: options.timeoutMs, whilePrinting: () => collectGarbage() });
      // A measuring pass is read at once, by pdftotext on the other core while pdf-lib parses it here.
      const early = isMeasuring ? startPoppler(printed.bytes, { scratch: options.scratch }) : undefined;
      const parsing = performance.now();
      const pdf = await PDFDocument.load(printed.bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
      const outline = readOutline(pdf);
      const pages = headingPages(doc.headings, outline);
      const pageCount = pdf.getPageCount();
      log(
        `pdf: pass ${pass} (${isMeasuring ? 'measure' : 'tagged'}): ${pageCount} pages, ` +
          `build ${ms(built)}, load ${ms(printed.loadMs)}, pdf() ${ms(printed.pdfMs)}, outline ${ms(performance.now() - parsing)}`,
      );
      const refPlan = (read: PrintedPages): RefPlan => ({ measured: measuredRefPages(read, doc.refs, pageLabel, doc.tocKeys.length), recto });
      // Words hyphenated across a page turn are set whole from now on (the chapters are shared between passes).
      const setWhole = (read: PrintedPages): number => {
        const turns = pageTurns(read);
        const kept = turns.length > 0 ? keepWordsWhole(doc.tree, turns, pages) : 0;
        if (kept > 0) words.push({ turns, pages });
        if (turns.length > 0) log(`pdf: pass ${pass}: ${turns.length} word(s) hyphenated across a page turn, ${kept} set whole`);
        return kept;
      };
      if (isMeasuring) {
        const reading = performance.now();
        const read = await readMeasuring(printed.bytes, pdf, early);
        setWhole(read);
        const plan = refPlan(read);
        log(`pdf: pass ${pass} read back: ${plan.measured.size} page reference target(s), ${ms(performance.now() - reading)}`);
        layout = planLayout(doc.headings, pages, emptyLayout.blankBefore, plan, pageCount);
        continue;
      }
      const current = layout as PrintLayout;
      problems = layoutMismatches(doc.headings, pages, current);
      const missing = doc.tocKeys.filter((k) => !pages.has(k));
      if (missing.length > 0) {
        throw new PdfEmitError('pdf-toc', `Contents entries without a heading in the PDF: ${missing.join(', ')}.`);
      }
      if (problems.length > 0) {
        log(`pdf: pass ${pass} moved headings (${problems[0] ?? ''}); printing again`);
        layout = planLayout(doc.headings, pages, current.blankBefore, refPlan(await readMeasuring(printed.bytes, pdf)), pageCount);
        continue;
      }
      const fixed = fixOutlineTitles(doc.headings, outline);
      if (fixed > 0) log(`pdf: corrected ${fixed} bookmark title(s) Chromium had garbled`);
      const openings = doc.headings.flatMap((h) => (h.recto && pages.has(h.key) ? [pages.get(h.key) as number] : []));
      log(`pdf: ${dropRunningHeads(pdf, openings)} chapter opening(s) without a running head`);
      const bytes = await options.finish(pdf, html);
      const reading = performance.now();
      // Read with poppler; pdf.js has the last word: a poppler read that finds anything to act on
      // (a reference off, a contents entry wrong, a word split at a page turn) is read again with it.
      const quick = await readWithPoppler(bytes, pdf);
      const actsOn = (read: PrintedPages) =>
        verifyPageRefs(read, doc.refs, pageLabel, doc.tocKeys.length).problems.length > 0 ||
        verifyContents(read, expected).problems.length > 0 ||
        (pass < maxPasses - 1 && pageTurns(read).length > 0);
      const read = quick !== undefined && !actsOn(quick) ? quick : await readPrintedPages(bytes);
      log(`pdf: read back ${read.lines.length} pages (${read === quick ? 'poppler' : 'pdf.js'}), ${ms(performance.now() - reading)}`);
      const refs = verifyPageRefs(read, doc.refs, pageLabel, doc.tocKeys.length);
      // Setting words whole re-wraps their paragraphs, which can split another word at a page turn.
      const wholeAgain = pass < maxPasses - 1 ? setWhole(read) : 0;
      if ((refs.problems.length === 0 && wholeAgain === 0) || pass === maxPasses) {
        if (refs.problems.length === 0 && wholeAgain === 0) options.layoutStore?.set(layoutNamespace, key, storeLayout({ layout: current, words, fitted }));
        return { bytes, html, printed: read, refs: doc.refs, passes: prints };
      }
      // A word set whole can also push a figure over a page: number the targets as they fell.
      problems = refs.problems;
      if (problems.length > 0) log(`pdf: pass ${pass} moved a reference's target (${problems[0] ?? ''}); printing again`);
      else log(`pdf: printing again with the words set whole`);
      layout = { ...current, refPages: refPlan(read).measured };
    }
  } finally {
    releasePrintChapters(edition);
  }
  throw new PdfEmitError('pdf-toc', `Contents page numbers did not settle after ${maxPasses} passes: ${problems.slice(0, 3).join('; ')}.`);
}

/**
 * A pass that only measures is read with poppler when it is installed (fast, on another core), else
 * with pdf.js; a misreading here only costs a pass.
 */
async function readMeasuring(bytes: Uint8Array, pdf: PDFDocument, started?: PopplerRun): Promise<PrintedPages> {
  return (await (started ? started.read(pdf) : readWithPoppler(bytes, pdf))) ?? (await readPrintedPages(bytes));
}

/**
 * A first guess at the page count, for the room page references keep for their numbers; a wrong
 * guess costs a pass, never a wrong number. About 2,500 characters of text fill a page.
 */
export function estimatePages(edition: Edition): number {
  let chars = 0;
  const count = (node: { type: string; value?: string; children?: unknown[] }): void => {
    if (node.type === 'text' && typeof node.value === 'string') chars += node.value.length;
    for (const child of (node.children ?? []) as { type: string }[]) count(child);
  };
  for (const chapter of edition.chapters) count(chapter.content as never);
  return Math.ceil(chars / 2500) + edition.chapters.length * 2 + 6;
}

const ms = (value: number): string => `${Math.round(value)} ms`;

