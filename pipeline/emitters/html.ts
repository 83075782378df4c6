import { htmlAssets } from '../assets/styles.js';
import { openRasterMemo } from './raster-memo.js';
import type { Emitter } from './types.js';

/** The web edition. It links the PDF and the EPUB, so it runs after their emitters in the table. */
export const htmlEmitter: Emitter = {
  format: 'html',
  folder: 'html',
  entry: () => 'index.html',
  async emit(edition, ctx) {
    const { emitHtml, emitSite } = await import('../stages/emit-html/index.js');
    if (ctx.purpose === 'preview') {
      // The preview serves pages as fast as it can: no PDF link, press images or search index.
      return { files: emitHtml(edition, await htmlAssets(ctx.styles)) };
    }
    ctx.progress({ stage: 'html', count: edition.chapters.length });
    let pdf = ctx.previous.get('pdf')?.document;
    if (!pdf && ctx.lastBuilt) {
      pdf = await ctx.lastBuilt('pdf');
      if (!pdf) ctx.log('html: no PDF from these exact sources and profile in the output folder, so the pages do not link one');
    }
    const epub = ctx.previous.get('epub')?.document ?? (edition.config.formats?.includes('epub') ? await ctx.lastBuilt?.('epub') : undefined);
    const assets = { ...(await htmlAssets(ctx.styles, pdf, ctx.sources.data, true)), ...(epub ? { epub } : {}) };
    const raster = await openRasterMemo(ctx.cache, edition.profile);
    const files = await emitSite(edition, assets.raster ? { ...assets, raster: { ...assets.raster, memo: raster.memo } } : assets);
    raster.save();
    return { files, summary: `html: ${files.length} files` };
  },
};
