import { loadFonts } from '../assets/fonts.js';
import type { Emitter } from './types.js';
import { pdfEmitter } from './pdf.js';

/**
 * The EPUB edition. Its page list follows the PDF's printed pages, so it runs after the PDF
 * emitter; without a PDF in this run it uses the last build's (same sources and profile), else it
 * prints one that is not published (docs/epub.md).
 */
export const epubEmitter: Emitter = {
  format: 'epub',
  folder: 'epub',
  entry: (edition) => `${edition.config.slug}.epub`,
  async emit(edition, ctx) {
    ctx.progress({ stage: 'epub' });
    let pdf = ctx.previous.get('pdf')?.document;
    if (!pdf && ctx.purpose === 'publish') {
      pdf = await ctx.lastBuilt?.('pdf');
      if (pdf) ctx.log('epub: page list from the PDF of the last build (same sources and profile)');
      else pdf = (await pdfEmitter.emit(edition, ctx)).document;
    }
    const { emitEpub } = await import('../stages/emit-epub/index.js');
    const result = await emitEpub(edition, { pdf: pdf?.bytes, printed: pdf?.printed, fonts: await loadFonts(), styles: { epub: ctx.styles.epub, charts: ctx.styles.charts } });
    const how = (kind: string) => result.pages.filter((p) => p.how === kind).length;
    const file = result.files[0];
    const placed =
      result.pages.length > 0
        ? ` (${how('first-line')} at the page's first line, ${how('later-line')} at a later line, ${how('chapter')} at their chapter's start, ${how('after-previous')} after the previous page's)`
        : ', no PDF to follow';
    return {
      files: result.files,
      ...(file ? { document: { name: file.path, bytes: file.contents } } : {}),
      summary: `epub: ${file ? `${file.path} ${(file.contents.byteLength / 1e6).toFixed(2)} MB` : 'no file'}; page list ${result.pages.length} pages${placed}`,
    };
  },
};
