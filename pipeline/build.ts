import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { VFile } from 'vfile';
import { contentTypeOf } from './assets/content-type.js';
import { fontFaceCss, loadFonts } from './assets/fonts.js';
import { DiskStore } from './cache/store.js';
import { pipelineVersion } from './cache/version.js';
import { compileEdition } from './compile.js';
import { hasErrors } from './diagnostics/report.js';
import type { Edition } from './model/edition.js';
import type { Audience } from './model/figure.js';
import { StagedOutput } from './output/atomic.js';
import type { ProgressSink } from './progress/events.js';
import { emitSite, type HtmlAssets } from './stages/emit-html/index.js';
import { loadRasterFonts } from './stages/emit-html/raster-fonts.js';
import { MEDIA_DIR } from './stages/markdown/images.js';
import { readSources, type EditionSources } from './stages/load/read-sources.js';
import { defaultCacheDir, projectRoot } from './paths.js';

export { defaultCacheDir, projectRoot };

export type Format = 'html' | 'pdf' | 'all';

export interface BuildOptions {
  readonly root: string;
  readonly out: string;
  readonly format: Format;
  readonly profile: Audience;
  readonly keepPrintHtml: boolean;
  readonly buildDate: Date;
  /** Unique per run, e.g. "<pid>-<time>": names the staging folder. */
  readonly runToken: string;
  readonly browserPath?: string;
  readonly log: (line: string) => void;
  /** Content-hash cache folder, normally `<root>/.monitor-cache`; undefined builds from scratch. */
  readonly cacheDir?: string | undefined;
  readonly progress?: ProgressSink | undefined;
}

export interface BuildResult {
  readonly ok: boolean;
  readonly files: readonly VFile[];
  readonly edition: Edition | undefined;
  readonly written: { readonly html?: string; readonly pdf?: string };
}


export async function build(options: BuildOptions): Promise<BuildResult> {
  const { log } = options;
  // 0. Start Chromium now when a PDF is wanted: it is ready by the time the model is.
  const browser = options.format === 'html' ? undefined : import('./stages/emit-pdf/index.js').then((m) => m.startBrowser(options.browserPath, log));
  browser?.catch(() => undefined); // a failure surfaces when the PDF stage awaits it
  let browserHandedOver = false;
  try {
    return await buildWith(options, browser, () => (browserHandedOver = true));
  } finally {
    // Content errors or a failed output folder: the early browser was never used; close it.
    if (browser && !browserHandedOver) await browser.then((b) => b.close(), () => undefined);
  }
}

async function buildWith(
  options: BuildOptions,
  browser: Promise<import('./stages/emit-pdf/launch.js').LaunchedBrowser> | undefined,
  handOver: () => void,
): Promise<BuildResult> {
  const { log } = options;
  // 1. Read the edition's sources.
  options.progress?.({ stage: 'read' });
  const sources = await readSources(options.root);

  // 2. Compile them into one model; stop on content errors before touching the output.
  const cache = await openCache(options.cacheDir, options.runToken);
  const compiled = await compileEdition(sources, { profile: options.profile, buildDate: options.buildDate, drawCharts: true, cache, progress: options.progress });
  await cache?.flush();
  if (cache) log(`cache: ${cacheSummary(cache)}`);
  const edition = compiled.edition;
  if (!edition || hasErrors(compiled.files)) return { ok: false, files: compiled.files, edition, written: {} };
  log(`compiled ${edition.chapters.length} chapters, ${edition.chapters.reduce((n, c) => n + c.figures.length, 0)} figures`);

  // 3. Build into a staging folder beside the output.
  const staged = await StagedOutput.open(options.out, options.runToken).catch((error: unknown) => {
    throw outputError(options.out, error);
  });
  try {
    const styles = await loadStyles(sources);
    const folders: string[] = [];
    let pdf: { name: string; bytes: Uint8Array } | undefined;
    if (options.format !== 'html') {
      // 4. The PDF edition (heavy modules load only when a PDF is asked for).
      options.progress?.({ stage: 'pdf' });
      const { emitPdf } = await import('./stages/emit-pdf/index.js');
      handOver();
      const result = await emitPdf(edition, {
        browser,
        outDir: path.join(staged.stagingDir, 'pdf'),
        keepPrintHtml: options.keepPrintHtml,
        executablePath: options.browserPath,
        styles: { printCss: styles.print, chartsCss: styles.charts },
        images: new Map([...edition.media].map(([rel, bytes]) => [`../${MEDIA_DIR}/${rel}`, { contentType: contentTypeOf(rel), bytes }])),
        log,
      });
      pdf = { name: path.basename(result.pdfPath), bytes: result.data };
      await staged.write(`pdf/${STAMP}`, JSON.stringify({ profile: edition.profile, sources: sourcesHash(sources) }) + '\n');
      folders.push('pdf');
      log(`pdf: ${result.pages} pages, ${(result.bytes / 1e6).toFixed(2)} MB, ${result.tocChecked} TOC entries verified`);
    } else {
      pdf = await existingPdf(options.out, edition, sourcesHash(sources));
      if (!pdf) log('html: no PDF from these exact sources and profile in the output folder, so the pages do not link one');
    }
    if (options.format !== 'pdf') {
      // 5. The HTML edition.
      options.progress?.({ stage: 'html', count: edition.chapters.length });
      const files = await emitSite(edition, await htmlAssets(styles, pdf, sources.data, true));
      for (const f of files) await staged.write(`html/${f.path}`, f.contents);
      folders.push('html');
      log(`html: ${files.length} files`);
    }
    // 6. Swap the new output in.
    options.progress?.({ stage: 'write' });
    await staged.commit(folders);
  } catch (error) {
    await staged.discard().catch(() => {});
    const code = (error as NodeJS.ErrnoException).code;
    throw code && /^E[A-Z]+$/.test(code) ? outputError(options.out, error) : error;
  }
  return {
    ok: true,
    files: compiled.files,
    edition,
    written: {
      ...(options.format !== 'pdf' ? { html: path.join(options.out, 'html') } : {}),
      ...(options.format !== 'html' ? { pdf: path.join(options.out, 'pdf', `${edition.config.slug}.pdf`) } : {}),
    },
  };
}

/** A file-system failure while writing the output, said plainly. */
function outputError(out: string, error: unknown): Error {
  const e = error as NodeJS.ErrnoException;
  const why =
    e.code === 'ENOSPC' ? 'the disk is full' : e.code === 'EACCES' || e.code === 'EPERM' ? 'permission denied' : e.code === 'ENOTDIR' || e.code === 'EEXIST' ? 'a file is in the way' : e.message;
  return Object.assign(new Error(`Cannot write the output folder ${out}: ${why}`, { cause: error }), {
    ruleId: 'output-write',
    hint: 'Check that the output folder can be written and the disk has space; the previous output was kept.',
  });
}

/** Check an edition without writing anything (but the cache). */
export async function check(
  root: string,
  profile: Audience,
  buildDate: Date,
  extra: { readonly cacheDir?: string | undefined; readonly progress?: ProgressSink | undefined } = {},
): Promise<{ files: readonly VFile[]; edition: Edition | undefined }> {
  extra.progress?.({ stage: 'read' });
  const sources = await readSources(root);
  const cache = await openCache(extra.cacheDir, `check-${process.pid}`);
  const result = await compileEdition(sources, { profile, buildDate, drawCharts: false, cache, progress: extra.progress });
  await cache?.flush();
  return result;
}


async function openCache(dir: string | undefined, token: string): Promise<DiskStore | undefined> {
  if (dir === undefined) return undefined;
  try {
    return await DiskStore.open(dir, await pipelineVersion(), token);
  } catch {
    return undefined; // An unwritable cache folder only makes the build slower.
  }
}

function cacheSummary(cache: DiskStore): string {
  const names = [...new Set([...Object.keys(cache.stats.hits), ...Object.keys(cache.stats.misses)])].sort();
  return names.map((n) => `${n} ${cache.stats.hits[n] ?? 0}/${(cache.stats.hits[n] ?? 0) + (cache.stats.misses[n] ?? 0)} reused`).join(', ') || 'empty';
}

/** Stylesheet and fonts for the HTML edition (the build and the preview share this). */
export async function htmlAssets(styles: Styles, pdf?: HtmlAssets['pdf'], data?: HtmlAssets['data'], images = false): Promise<HtmlAssets> {
  const fonts = await loadFonts();
  const raster = images ? await loadRasterFonts() : undefined;
  const css = [fontFaceCss(fonts, (f) => `fonts/${f.name}`), styles.web, styles.charts].join('\n');
  return { css, fonts, pdf, data, ...(raster ? { raster } : {}) };
}

export interface Styles {
  readonly web: string;
  readonly print: string;
  readonly charts: string;
}

/** The project's styles, then the edition's own overrides (when the edition lives elsewhere). */
export async function loadStyles(sources: EditionSources): Promise<Styles> {
  const own = async (name: string) => readFile(path.join(projectRoot, 'styles', name), 'utf8').catch(() => '');
  const samePlace = path.resolve(sources.root) === projectRoot;
  const override = (name: string) => {
    if (samePlace) return '';
    const file = sources.styles.find((s) => s.path === `styles/${name}`);
    return file ? new TextDecoder().decode(file.bytes) : '';
  };
  const [web, print, charts] = await Promise.all([own('web.css'), own('print.css'), own('charts.css')]);
  return { web: web + override('web.css'), print: print + override('print.css'), charts: charts + override('charts.css') };
}

/** Beside the PDF: the profile and sources it was built from. */
const STAMP = '.built-from.json';

/**
 * For an HTML-only build, keep linking the PDF of the last full build, but only if it was built
 * from exactly these sources and this profile: an older PDF could still hold a chapter that has
 * since become members-only.
 */
async function existingPdf(out: string, edition: Edition, sources: string): Promise<{ name: string; bytes: Uint8Array } | undefined> {
  const file = path.join(out, 'pdf', `${edition.config.slug}.pdf`);
  try {
    const stamp = JSON.parse(await readFile(path.join(out, 'pdf', STAMP), 'utf8')) as { profile?: string; sources?: string };
    if (stamp.profile !== edition.profile || stamp.sources !== sources) return undefined;
    await stat(file);
    return { name: `${edition.config.slug}.pdf`, bytes: await readFile(file) };
  } catch {
    return undefined;
  }
}

/** One hash of everything the edition is built from. */
function sourcesHash(sources: EditionSources): string {
  const hash = createHash('sha256');
  const files = [sources.edition, ...sources.chapters, ...sources.assets, ...sources.data, ...sources.styles];
  for (const f of files) if (f) hash.update(f.path).update('\0').update(f.bytes).update('\0');
  return hash.digest('hex');
}
