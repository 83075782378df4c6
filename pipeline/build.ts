import { createHash } from 'node:crypto';
import { lstat, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { contentTypeOf } from './assets/content-type.js';
import { fontFaceCss, loadFonts } from './assets/fonts.js';
import { DiskStore } from './cache/store.js';
import { pipelineVersion } from './cache/version.js';
import { compileEdition } from './compile.js';
import { hasErrors, report } from './diagnostics/report.js';
import type { Edition } from './model/edition.js';
import type { Audience } from './model/figure.js';
import { StagedOutput } from './output/atomic.js';
import { claimOutput, OutputRefusedError, refuseProtected, type Protected } from './output/ownership.js';
import { checkBudget, clearlyWithinBudget, measureEdition, overrunMessage, sizeSummary, type Budget, type Overrun } from './stages/emit-pdf/budget.js';
import type { LaunchedBrowser } from './stages/emit-pdf/launch.js';
import type { ProgressSink } from './progress/events.js';
import { emitSite, type HtmlAssets } from './stages/emit-html/index.js';
import { loadRasterFonts } from './stages/emit-html/raster-fonts.js';
import { MEDIA_DIR } from './stages/markdown/images.js';
import { readSources, type EditionSources } from './stages/load/read-sources.js';
import { closeChartWorkers, holdChartWorkers } from './stages/charts/workers.js';
import { defaultCacheDir, projectRoot } from './paths.js';

export { defaultCacheDir, projectRoot };

export type Format = 'html' | 'pdf' | 'epub' | 'all';

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
  /** Write into a non-empty folder that is not marked as a monitor output (its files are never touched). */
  readonly force?: boolean | undefined;
  /** The user's home folder, which is never used as the output folder. */
  readonly home?: string | undefined;
  /** Stops the build (Ctrl+C, SIGTERM): it throws the signal's reason after cleaning up. */
  readonly signal?: AbortSignal | undefined;
  /** Limits of the PDF edition's size (default: printBudget). */
  readonly printBudget?: Budget | undefined;
}

export interface BuildResult {
  readonly ok: boolean;
  readonly files: readonly VFile[];
  readonly edition: Edition | undefined;
  readonly written: { readonly html?: string; readonly pdf?: string; readonly epub?: string };
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const { log, signal } = options;
  signal?.throwIfAborted();
  // 0. A look at the output folder before any work: a folder that is not ours is refused at once.
  await refuseProtected(path.resolve(options.out), outputGuard(options));
  await claimOutput(path.resolve(options.out), options.force === true, { dryRun: true });
  // 1. Read the edition's sources.
  options.progress?.({ stage: 'read' });
  const sources = await readSources(options.root);
  signal?.throwIfAborted();
  // Start Chromium now when a PDF is wanted: it is ready by the time the model is. Only for
  // editions clearly within the print budget: a document too big to print never starts it.
  let browser: Promise<LaunchedBrowser> | undefined;
  const startBrowser = async () => (await import('./stages/emit-pdf/index.js')).startBrowser(options.browserPath, log);
  if (options.format !== 'html' && clearlyWithinBudget(sources, options.printBudget)) {
    browser = startBrowser();
    browser.catch(() => undefined); // a failure surfaces when the PDF stage awaits it
  }
  let browserHandedOver = false;
  // A stop request kills Chromium at once (its whole process group) and removes its profile, and
  // ends the chart threads, even one still drawing.
  const onAbort = () => {
    void browser?.then((b) => b.kill(), () => undefined);
    void closeChartWorkers();
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  // Chart threads (started by the compile when there are charts) end with the build.
  const releaseCharts = holdChartWorkers();
  try {
    return await buildWith(options, sources, () => browser ?? (browser = startBrowser()), () => (browserHandedOver = true));
  } finally {
    await releaseCharts();
    signal?.removeEventListener('abort', onAbort);
    // Content errors, a stop or a failed output folder: the early browser was never used; close it.
    if (browser && signal?.aborted) await browser.then((b) => b.kill(), () => undefined);
    else if (browser && !browserHandedOver) await browser.then((b) => b.close(), () => undefined);
  }
}

async function buildWith(options: BuildOptions, sources: EditionSources, browser: () => Promise<LaunchedBrowser>, handOver: () => void): Promise<BuildResult> {
  const { log, signal } = options;
  // Stages report progress between steps: a stop request ends the build there.
  const progress: ProgressSink = (event) => {
    signal?.throwIfAborted();
    options.progress?.(event);
  };

  // 2. Compile them into one model; stop on content errors before touching the output.
  const cache = await openCache(options.cacheDir, options.runToken);
  const compiled = await compileEdition(sources, { profile: options.profile, buildDate: options.buildDate, drawCharts: true, cache, progress });
  signal?.throwIfAborted();
  await cache?.flush();
  if (cache) log(`cache: ${cacheSummary(cache)}`);
  const edition = compiled.edition;
  if (!edition || hasErrors(compiled.files)) return { ok: false, files: compiled.files, edition, written: {} };
  log(`compiled ${edition.chapters.length} chapters, ${edition.chapters.reduce((n, c) => n + c.figures.length, 0)} figures`);

  // 2b. The print budget, before anything is printed: a document too large for Chromium is a
  // positioned error at the chapter that makes it big, not a crash.
  const sizes = options.format === 'html' ? [] : measureEdition(edition);
  if (options.format !== 'html') {
    const files = reportOverruns(compiled.files, checkBudget(sizes, options.printBudget));
    if (hasErrors(files)) return { ok: false, files, edition, written: {} };
  }

  // 3. Build into a staging folder beside the output.
  const staged = await StagedOutput.open(options.out, options.runToken, {
    force: options.force,
    guard: outputGuard(options),
  }).catch((error: unknown) => {
    throw error instanceof OutputRefusedError ? error : outputError(options.out, error);
  });
  try {
    signal?.throwIfAborted();
    const styles = await loadStyles(sources);
    const folders: string[] = [];
    const stamp = JSON.stringify({ profile: edition.profile, sources: sourcesHash(sources) }) + '\n';
    let pdf: { name: string; bytes: Uint8Array } | undefined;
    // The EPUB alone needs a PDF for its page list: the last build's, when it was made from these
    // exact sources and profile, else one printed here and not published (docs/epub.md).
    const reused = options.format === 'epub' ? await existingPdf(options.out, edition, sourcesHash(sources)) : undefined;
    if (reused) {
      pdf = reused;
      log('epub: page list from the PDF of the last build (same sources and profile)');
    } else if (options.format !== 'html') {
      // 4. The PDF edition (heavy modules load only when a PDF is asked for).
      options.progress?.({ stage: 'pdf' });
      const { emitPdf, PdfEmitError } = await import('./stages/emit-pdf/index.js');
      handOver();
      const result = await emitPdf(edition, {
        browser: browser(),
        outDir: path.join(staged.stagingDir, options.format === 'epub' ? UNPUBLISHED : 'pdf'),
        keepPrintHtml: options.keepPrintHtml,
        executablePath: options.browserPath,
        styles: { printCss: styles.print, chartsCss: styles.charts },
        images: new Map([...edition.media].map(([rel, bytes]) => [`../${MEDIA_DIR}/${rel}`, { contentType: contentTypeOf(rel), bytes }])),
        log,
        signal,
      }).catch((error: unknown) => {
        signal?.throwIfAborted(); // a stop, not a failure of Chromium
        // Say what was being printed, so a crash or timeout can be told from a bug.
        if (error instanceof PdfEmitError && error.ruleId === 'pdf-print') error.message += ` While printing: ${sizeSummary(sizes)}.`;
        throw error;
      });
      pdf = { name: path.basename(result.pdfPath), bytes: result.data };
      if (options.format !== 'epub') {
        await staged.write(`pdf/${STAMP}`, stamp);
        folders.push('pdf');
      }
      log(`pdf: ${result.pages} pages, ${(result.bytes / 1e6).toFixed(2)} MB, ${result.tocChecked} TOC entries verified`);
    } else {
      pdf = await existingPdf(options.out, edition, sourcesHash(sources));
      if (!pdf) log('html: no PDF from these exact sources and profile in the output folder, so the pages do not link one');
    }
    signal?.throwIfAborted();
    // 4b. The EPUB edition, from the same model, its page list from the PDF.
    let epub: { name: string; bytes: Uint8Array } | undefined;
    if (options.format === 'epub' || (options.format === 'all' && edition.config.epub !== undefined)) {
      epub = await writeEpub(staged, edition, pdf?.bytes, styles, stamp, log);
      folders.push('epub');
    } else if (options.format === 'html' && edition.config.epub !== undefined) {
      epub = await existingBuilt(options.out, 'epub', `${edition.config.slug}.epub`, edition, sourcesHash(sources));
    }
    signal?.throwIfAborted();
    if (options.format !== 'pdf' && options.format !== 'epub') {
      // 5. The HTML edition.
      options.progress?.({ stage: 'html', count: edition.chapters.length });
      const files = await emitSite(edition, { ...(await htmlAssets(styles, pdf, sources.data, true)), ...(epub ? { epub } : {}) });
      for (const f of files) await staged.write(`html/${f.path}`, f.contents);
      await staged.write(`html/${STAMP}`, stamp);
      folders.push('html');
      log(`html: ${files.length} files`);
    }
    // 6. Swap the new output in; a folder left by a build of the other profile goes.
    options.progress?.({ stage: 'write' });
    const stale = await staleFolders(options.out, folders, edition.profile);
    for (const s of stale) log(`${s.folder}: removed ${s.folder}/ left by an earlier ${s.profile ?? 'older'} build, so no ${s.profile ?? 'stale'} files stay beside this ${edition.profile} edition`);
    await staged.commit(folders, { remove: stale.map((s) => s.folder), signal });
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
      ...(options.format === 'html' || options.format === 'all' ? { html: path.join(options.out, 'html') } : {}),
      ...(options.format === 'pdf' || options.format === 'all' ? { pdf: path.join(options.out, 'pdf', `${edition.config.slug}.pdf`) } : {}),
      ...(options.format === 'epub' || (options.format === 'all' && edition.config.epub !== undefined) ? { epub: path.join(options.out, 'epub', `${edition.config.slug}.epub`) } : {}),
    },
  };
}

/** Folders the output may never be: the edition root, the project, the home folder (and what holds them). */
function outputGuard(options: BuildOptions): Protected {
  return { roots: [options.root, projectRoot], home: options.home };
}

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

/**
 * Output folders this build does not make, whose stamp says another profile (or has none): an
 * HTML-only public build must not leave the members PDF of an earlier build in `pdf/`.
 */
async function staleFolders(out: string, built: readonly string[], profile: Audience): Promise<{ folder: string; profile: string | undefined }[]> {
  const stale: { folder: string; profile: string | undefined }[] = [];
  for (const folder of ['html', 'pdf', 'epub']) {
    if (built.includes(folder)) continue;
    const info = await lstat(path.join(out, folder)).catch(() => undefined);
    if (!info) continue;
    const stamp = await readFile(path.join(out, folder, STAMP), 'utf8').then((t) => JSON.parse(t) as { profile?: unknown }, () => undefined).catch(() => undefined);
    const was = typeof stamp?.profile === 'string' ? stamp.profile : undefined;
    if (was !== profile) stale.push({ folder, profile: was });
  }
  return stale;
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
  extra: { readonly cacheDir?: string | undefined; readonly progress?: ProgressSink | undefined; readonly signal?: AbortSignal | undefined } = {},
): Promise<{ files: readonly VFile[]; edition: Edition | undefined }> {
  const { signal } = extra;
  const progress: ProgressSink = (event) => {
    signal?.throwIfAborted();
    extra.progress?.(event);
  };
  progress({ stage: 'read' });
  const sources = await readSources(root);
  const cache = await openCache(extra.cacheDir, `check-${process.pid}`);
  const result = await compileEdition(sources, { profile, buildDate, drawCharts: false, cache, progress });
  signal?.throwIfAborted();
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
  readonly epub: string;
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
  const [web, print, charts, epub] = await Promise.all([own('web.css'), own('print.css'), own('charts.css'), own('epub.css')]);
  return { web: web + override('web.css'), print: print + override('print.css'), charts: charts + override('charts.css'), epub: epub + override('epub.css') };
}

/** Beside the PDF: the profile and sources it was built from. */
const STAMP = '.built-from.json';
/** In the staging folder: a PDF printed only for the EPUB's page list, never published. */
const UNPUBLISHED = '.pdf-for-epub';

/**
 * The EPUB edition into `epub/<slug>.epub` of the staging folder, with its stamp. `pdf` is the
 * PDF edition of the same model (its printed pages become the page list); without it the EPUB
 * has no page list.
 */
async function writeEpub(staged: StagedOutput, edition: Edition, pdf: Uint8Array | undefined, styles: Styles, stamp: string, log: (line: string) => void): Promise<{ name: string; bytes: Uint8Array }> {
  const { emitEpub } = await import('./stages/emit-epub/index.js');
  const result = await emitEpub(edition, { pdf, fonts: await loadFonts(), styles: { epub: styles.epub, charts: styles.charts } });
  for (const f of result.files) await staged.write(`epub/${f.path}`, f.contents);
  await staged.write(`epub/${STAMP}`, stamp);
  const how = (kind: string) => result.pages.filter((p) => p.how === kind).length;
  log(
    `epub: ${result.files.map((f) => `${f.path} ${(f.contents.byteLength / 1e6).toFixed(2)} MB`).join(', ')}; page list ${result.pages.length} pages` +
      (result.pages.length > 0 ? ` (${how('first-line')} at the page's first line, ${how('later-line')} at a later line, ${how('chapter')} at their chapter's start, ${how('after-previous')} after the previous page's)` : ', no PDF to follow'),
  );
  const epub = result.files.find((f) => f.path.endsWith('.epub'));
  return { name: `${edition.config.slug}.epub`, bytes: epub?.contents ?? new Uint8Array() };
}

/**
 * For an HTML-only build, keep linking the PDF of the last full build, but only if it was built
 * from exactly these sources and this profile: an older PDF could still hold a chapter that has
 * since become members-only.
 */
async function existingPdf(out: string, edition: Edition, sources: string): Promise<{ name: string; bytes: Uint8Array } | undefined> {
  return existingBuilt(out, 'pdf', `${edition.config.slug}.pdf`, edition, sources);
}

/** A file of an earlier build in `<out>/<folder>/`, if its stamp says these exact sources and profile. */
async function existingBuilt(out: string, folder: string, name: string, edition: Edition, sources: string): Promise<{ name: string; bytes: Uint8Array } | undefined> {
  const file = path.join(out, folder, name);
  try {
    const stamp = JSON.parse(await readFile(path.join(out, folder, STAMP), 'utf8')) as { profile?: string; sources?: string };
    if (stamp.profile !== edition.profile || stamp.sources !== sources) return undefined;
    await stat(file);
    return { name, bytes: await readFile(file) };
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
