import { VFile } from 'vfile';
import { contentTypeOf } from '../assets/content-type.js';
import { report } from '../diagnostics/report.js';
import { checkBudget, clearlyWithinBudget, measureEdition, overrunMessage, sizeSummary, type Overrun } from '../stages/emit-pdf/budget.js';
import { MEDIA_DIR } from '../stages/markdown/images.js';
import type { Emitter } from './types.js';

/** The PDF edition: printed by Chromium, its contents verified against the printed pages. */
export const pdfEmitter: Emitter = {
  format: 'pdf',
  folder: 'pdf',
  entry: (edition) => `${edition.config.slug}.pdf`,
  needsBrowser: true,
  // Only for editions clearly within the print budget: a document too big to print never starts it.
  startBrowserEarly: (sources, budget) => clearlyWithinBudget(sources, budget),
  // The print budget, before anything is printed: a document too large for Chromium is a
  // positioned error at the chapter that makes it big, not a crash.
  refuse: (edition, files, budget) => reportOverruns(files, checkBudget(measureEdition(edition), budget)),
  async emit(edition, ctx) {
    ctx.progress({ stage: 'pdf' });
    // The print modules (and Puppeteer) load only when a PDF is made.
    const { emitPdf, PdfEmitError } = await import('../stages/emit-pdf/index.js');
    const result = await emitPdf(edition, {
      browser: ctx.browser(),
      keepPrintHtml: ctx.keepPrintHtml,
      executablePath: ctx.browserPath,
      styles: { printCss: ctx.styles.print, chartsCss: ctx.styles.charts },
      images: new Map([...edition.media].map(([rel, bytes]) => [`../${MEDIA_DIR}/${rel}`, { contentType: contentTypeOf(rel), bytes }])),
      log: ctx.log,
      signal: ctx.signal,
      layoutStore: ctx.cache,
    }).catch((error: unknown) => {
      ctx.signal?.throwIfAborted(); // a stop, not a failure of Chromium
      // Say what was being printed, so a crash or timeout can be told from a bug.
      if (error instanceof PdfEmitError && error.ruleId === 'pdf-print') error.message += ` While printing: ${sizeSummary(measureEdition(edition))}.`;
      throw error;
    });
    return {
      files: result.files,
      document: { name: result.name, bytes: result.data, pages: result.pages, printed: result.printed },
      summary: `pdf: ${result.pages} pages, ${(result.bytes / 1e6).toFixed(2)} MB, ${result.tocChecked} TOC entries verified`,
    };
  },
};

/** One `pdf-too-large` error per measure over budget, at line 1 of the chapter that contributes most. */
function reportOverruns(files: readonly VFile[], overruns: readonly Overrun[]): readonly VFile[] {
  const all = [...files];
  for (const o of overruns) {
    let file = all.find((f) => f.path === o.chapter.sourcePath);
    if (!file) {
      file = new VFile({ path: o.chapter.sourcePath });
      all.push(file);
    }
    report(file, 'pdf-too-large', overrunMessage(o), { line: 1, column: 1 });
  }
  return all;
}
