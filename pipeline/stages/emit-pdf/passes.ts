import { PDFDocument, ParseSpeeds } from 'pdf-lib';
import type { Page } from 'puppeteer';
import type { Edition } from '../../model/edition.js';
import { PdfEmitError } from './errors.js';
import { dropRunningHeads } from './opening-pages.js';
import type { IsolatedPage } from './isolation.js';
import { readOutline } from './outline.js';
import { buildPrintDocument, serialize, type PrintAssets, type PrintDocument } from './print-html.js';
import { printPass } from './print.js';
import { keepWordsWhole, pageTurns, type PageTurn } from './page-turns.js';
import { readPrintedPages, type PrintedPages } from './pdf-pages.js';
import { emptyLayout, fixOutlineTitles, headingPages, layoutMismatches, pageDigits, planLayout, type PrintLayout, type RefPlan } from './toc.js';
import { measuredRefPages, verifyPageRefs } from './verify-page-refs.js';

export interface PassesResult {
  /** The finished PDF (see finish.ts). */
  readonly bytes: Uint8Array;
  readonly html: string;
  /** The finished PDF read back with pdf.js: what the contents and page references are checked on. */
  readonly printed: PrintedPages;
  readonly doc: PrintDocument;
}

export interface PassesOptions {
  readonly timeoutMs: number;
  readonly log: (line: string) => void;
  /** The page label of cross-references ("p."). */
  readonly pageLabel: string;
  /** Turn a printed pass into the final file (metadata, text layer, save). */
  readonly finish: (pdf: PDFDocument, html: string) => Promise<Uint8Array>;
}

// Normally two; a third when the final pass moved something, a fourth only if setting a word whole moved more.
const maxPasses = 4;

/**
 * Print until the contents, the page references and the recto placements are true. Pass 1
 * measures (untagged, page numbers left empty in room reserved for them); pass 2 prints the real
 * numbers and blank pages and is normally final; a third pass only if pass 2 moved something.
 * The final pass is finished, read back, and its page references checked on the printed pages.
 */
export async function printWithTrueToc(page: Page, isolated: IsolatedPage, edition: Edition, assets: PrintAssets, options: PassesOptions): Promise<PassesResult> {
  const { log, pageLabel } = options;
  let layout: PrintLayout | undefined;
  let problems: string[] = [];
  let turns: readonly PageTurn[] = [];
  let measuredPages: ReadonlyMap<string, number> = new Map();
  for (let pass = 1; pass <= maxPasses; pass++) {
    const measuring = layout === undefined;
    const building = performance.now();
    const doc = buildPrintDocument(edition, layout?.tocPages, assets, layout?.blankBefore, {
      pages: layout?.refPages,
      digits: layout?.digits ?? pageDigits(estimatePages(edition)),
    });
    // Words pass 1 hyphenated across a page turn are set whole from now on (the chapters are shared between passes).
    const kept = keepWordsWhole(doc.tree, turns, measuredPages);
    if (kept > 0) log(`pdf: ${kept} of ${turns.length} word(s) hyphenated across a page turn set whole`);
    const html = serialize(doc.tree);
    const built = performance.now() - building;
    const printed = await printPass(page, isolated, html, { tagged: !measuring, timeoutMs: options.timeoutMs });
    const parsing = performance.now();
    const pdf = await PDFDocument.load(printed.bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
    const outline = readOutline(pdf);
    const pages = headingPages(doc.headings, outline);
    const pageCount = pdf.getPageCount();
    log(
      `pdf: pass ${pass} (${measuring ? 'measure' : 'tagged'}): ${pageCount} pages, ` +
        `build ${ms(built)}, load ${ms(printed.loadMs)}, pdf() ${ms(printed.pdfMs)}, outline ${ms(performance.now() - parsing)}`,
    );
    const recto = new Map(doc.refs.map((r) => [r.target, r.recto]));
    const refPlan = async (bytes: Uint8Array, first?: PrintedPages): Promise<{ plan: RefPlan; read: PrintedPages }> => {
      const read = first ?? (await readPrintedPages(bytes));
      return { plan: { measured: measuredRefPages(read, doc.refs, pageLabel, doc.tocKeys.length), recto }, read };
    };
    if (measuring) {
      const reading = performance.now();
      const { plan, read } = await refPlan(printed.bytes);
      turns = pageTurns(read);
      measuredPages = pages;
      log(`pdf: pass ${pass} read back: ${turns.length} word(s) hyphenated across a page turn, ${plan.measured.size} page reference(s), ${ms(performance.now() - reading)}`);
      layout = planLayout(doc.headings, pages, emptyLayout.blankBefore, plan, pageCount);
      continue;
    }
    const current = layout as PrintLayout;
    problems = layoutMismatches(doc.headings, pages, current);
    const missing = doc.tocKeys.filter((key) => !pages.has(key));
    if (missing.length > 0) {
      throw new PdfEmitError('pdf-toc', `Contents entries without a heading in the PDF: ${missing.join(', ')}.`);
    }
    if (problems.length > 0) {
      log(`pdf: pass ${pass} moved headings (${problems[0] ?? ''}); printing again`);
      const { plan } = await refPlan(printed.bytes);
      layout = planLayout(doc.headings, pages, current.blankBefore, plan, pageCount);
      continue;
    }
    const fixed = fixOutlineTitles(doc.headings, outline);
    if (fixed > 0) log(`pdf: corrected ${fixed} bookmark title(s) Chromium had garbled`);
    const openings = doc.headings.flatMap((h) => (h.recto && pages.has(h.key) ? [pages.get(h.key) as number] : []));
    log(`pdf: ${dropRunningHeads(pdf, openings)} chapter opening(s) without a running head`);
    const bytes = await options.finish(pdf, html);
    const reading = performance.now();
    const read = await readPrintedPages(bytes);
    log(`pdf: read back ${read.lines.length} pages, ${ms(performance.now() - reading)}`);
    const refs = verifyPageRefs(read, doc.refs, pageLabel, doc.tocKeys.length);
    // Setting words whole re-wraps their paragraphs, which can split another word at a page turn.
    const split = pass < maxPasses - 1 ? pageTurns(read) : [];
    const wholeAgain = split.length > 0 ? keepWordsWhole(doc.tree, split, pages) : 0;
    if ((refs.problems.length === 0 && wholeAgain === 0) || pass === maxPasses) return { bytes, html, printed: read, doc };
    // A word set whole can also push a figure over a page: number the targets as they fell.
    problems = refs.problems;
    if (wholeAgain > 0) log(`pdf: pass ${pass} split ${split.length} word(s) at a page turn, ${wholeAgain} set whole; printing again`);
    if (problems.length > 0) log(`pdf: pass ${pass} moved a reference's target (${problems[0] ?? ''}); printing again`);
    const { plan } = await refPlan(bytes, read);
    layout = { ...current, refPages: plan.measured };
    turns = [];
  }
  throw new PdfEmitError('pdf-toc', `Contents page numbers did not settle after ${maxPasses} passes: ${problems.slice(0, 3).join('; ')}.`);
}

/**
 * A first guess at the page count, for the room page references keep for their numbers; a wrong
 * guess costs a third pass, never a wrong number. About 2,500 characters of text fill a page.
 */
function estimatePages(edition: Edition): number {
  let chars = 0;
  const count = (node: { type: string; value?: string; children?: unknown[] }): void => {
    if (node.type === 'text' && typeof node.value === 'string') chars += node.value.length;
    for (const child of (node.children ?? []) as { type: string }[]) count(child);
  };
  for (const chapter of edition.chapters) count(chapter.content as never);
  return Math.ceil(chars / 2500) + edition.chapters.length * 2 + 6;
}

const ms = (value: number): string => `${Math.round(value)} ms`;
