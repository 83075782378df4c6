import { htmlAssets } from '../assets/styles.js';
import type { Edition } from '../model/edition.js';
import { openMemo } from './memo.js';
import type { EmitContext, EmitResult, Emitter } from './types.js';

/**
 * The web edition. Its pages link the PDF and the EPUB, so it finishes after their emitters in
 * the table; what needs neither (the pages' content, the data package, the press images and
 * social cards) is made as soon as emitting begins, while the PDF prints.
 */
export const htmlEmitter: Emitter = {
  format: 'html',
  folder: 'html',
  entry: () => 'index.html',
  emit: (edition, ctx) => beginSite(edition, ctx)(),
  begin: beginSite,
};

function beginSite(edition: Edition, ctx: EmitContext): () => Promise<EmitResult> {
  const module = import('../stages/emit-html/index.js');
  if (ctx.purpose === 'preview') {
    // The preview serves pages as fast as it can: no PDF link, press images or search index.
    return async () => {
      const pages = await openMemo<string>(ctx.cache, 'page', edition.profile);
      const files = (await module).emitHtml(edition, await htmlAssets(ctx.styles), pages.memo);
      pages.save();
      return { files };
    };
  }
  const started = (async () => {
    const { planSite, drawImages } = await module;
    const assets = await htmlAssets(ctx.styles, undefined, ctx.sources.data, true);
    const plan = planSite(edition, assets);
    const raster = await openMemo<Uint8Array>(ctx.cache, 'raster', edition.profile);
    // While Chromium prints, one image at a time; without a PDF in this run, every chart thread.
    const parallel = ctx.formats.includes('pdf') ? 1 : (await import('../stages/charts/workers.js')).chartLimits().threads;
    const drawn = assets.raster ? await drawImages(plan.jobs, { ...assets.raster, memo: raster.memo }, parallel, ctx.signal) : undefined;
    raster.save();
    return { plan, drawn };
  })();
  started.catch(() => undefined); // a failure surfaces when the site is finished
  return async () => {
    ctx.progress({ stage: 'html', count: edition.chapters.length });
    let pdf = ctx.previous.get('pdf')?.document;
    if (!pdf && ctx.lastBuilt) {
      pdf = await ctx.lastBuilt('pdf');
      if (!pdf) ctx.log('html: no PDF from these exact sources and profile in the output folder, so the pages do not link one');
    }
    const epub = ctx.previous.get('epub')?.document ?? (edition.config.formats?.includes('epub') ? await ctx.lastBuilt?.('epub') : undefined);
    const { finishSite, withSearchIndex } = await module;
    const waiting = performance.now();
    const { plan, drawn } = await started;
    const finishing = performance.now();
    const memo = await openMemo<string>(ctx.cache, 'page', edition.profile);
    const pages = finishSite(plan, { pdf, epub }, drawn, memo.memo);
    memo.save();
    const indexing = performance.now();
    const files = await withSearchIndex(pages, edition);
    const ms = (from: number, to: number) => `${Math.round(to - from)} ms`;
    ctx.log(`html: waited ${ms(waiting, finishing)} for the pages' content and images; pages ${ms(finishing, indexing)}; search index ${ms(indexing, performance.now())}`);
    return { files, summary: `html: ${files.length} files` };
  };
}
