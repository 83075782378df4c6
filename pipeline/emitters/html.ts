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
      const memo = await openMemo<string>(ctx.cache, 'page');
      return { files: (await module).emitHtml(edition, await htmlAssets(ctx.styles), memo) };
    };
  }
  const pageMemo = openMemo<string>(ctx.cache, 'page');
  const planned = (async () => {
    const { planSite } = await module;
    const assets = await htmlAssets(ctx.styles, undefined, ctx.sources.data, true);
    return { plan: planSite(edition, assets), raster: assets.raster };
  })();
  // The pages without the documents' links, and their search index (which needs no links), in Pagefind's own process.
  // When this build links a PDF or an EPUB, those pages are made again with the links: these are only indexed.
  const linksDocuments = ctx.formats.includes('pdf') || ctx.formats.includes('epub');
  // Pagefind's process starts while the site is planned.
  const index = module.then((m) => m.openSearchIndex(edition.locale.primary));
  index.catch(() => undefined); // reported through the pages
  const early = (async () => {
    const { indexedPages } = await module;
    let plan: Awaited<typeof planned>['plan'];
    try {
      plan = (await planned).plan;
    } catch (error) {
      await index.then((opened) => opened.finish()).catch(() => undefined); // release Pagefind
      throw error;
    }
    return indexedPages(plan, await pageMemo, { keep: !linksDocuments, index });
  })();
  const searched = early.then((e) => e.index);
  const drawing = (async () => {
    const { plan, raster: fonts } = await planned;
    const { drawImages } = await module;
    const memo = await openMemo<Uint8Array>(ctx.cache, 'raster');
    // While Chromium prints, one image at a time; without a PDF in this run, every chart thread.
    const parallel = ctx.formats.includes('pdf') ? 1 : (await import('../stages/charts/workers.js')).chartLimits().threads;
    return fonts ? await drawImages(plan.jobs, { ...fonts, memo }, parallel, ctx.signal) : undefined;
  })();
  // A failure surfaces when the site is finished.
  for (const started of [searched, drawing]) started.catch(() => undefined);
  return async () => {
    ctx.progress({ stage: 'html', count: edition.chapters.length });
    let pdf = ctx.previous.get('pdf')?.document;
    if (!pdf && ctx.lastBuilt) {
      pdf = await ctx.lastBuilt('pdf');
      if (!pdf) ctx.log('html: no PDF from these exact sources and profile in the output folder, so the pages do not link one');
    }
    const epub = ctx.previous.get('epub')?.document ?? (edition.config.formats?.includes('epub') ? await ctx.lastBuilt?.('epub') : undefined);
    const { finishSite } = await module;
    const waiting = performance.now();
    const { plan } = await planned;
    const drawn = await drawing;
    const finishing = performance.now();
    const memo = await pageMemo;
    const made = await (await early).pages; // also what the memo keeps of them
    // Not kept when documents were to be linked: should none be, the pages are made here.
    const unlinked = linksDocuments ? undefined : made;
    const files = finishSite(plan, { pdf, epub }, drawn, memo, unlinked);
    const pages = performance.now();
    // The index is the last of the site's files: the others are written while it is finished.
    ctx.log(`html: waited ${ms(waiting, finishing)} for the pages' content and images; pages ${ms(finishing, pages)}`);
    const rest = searched.then((index) => {
      ctx.log(`html: search index ready ${ms(pages, performance.now())} after the pages`);
      return { files: index, summary: `html: ${files.length + index.length} files` };
    });
    return { files, rest };
  };
}

const ms = (from: number, to: number) => `${Math.round(to - from)} ms`;
