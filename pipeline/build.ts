import { createHash } from 'node:crypto';
import { lstat, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { VFile } from 'vfile';
import { knownCheck, rememberCheck } from './cache/check-result.js';
import { DiskStore } from './cache/store.js';
import { pipelineVersion } from './cache/version.js';
import { EMITTERS, type EmittedDocument, type Emitter } from './emitters/index.js';
import type { Edition } from './model/edition.js';
import type { Audience } from './model/figure.js';
import { StagedOutput } from './output/atomic.js';
import { loadManifest, manifestNamespace } from './output/reuse.js';
import { claimOutput, OutputRefusedError, refuseProtected, type Protected } from './output/ownership.js';
import type { Budget } from './stages/emit-pdf/budget.js';
import type { ProgressSink } from './progress/events.js';
import { readSources, type EditionSources } from './stages/load/read-sources.js';
import { closeChartWorkers, endChartDrawing, holdChartWorkers } from './stages/charts/workers.js';
import { parseFormats, runSequence } from './sequence.js';
import { defaultCacheDir, projectRoot } from './paths.js';

export { defaultCacheDir, projectRoot };
export { htmlAssets, loadStyles, type Styles } from './assets/styles.js';

/** `--format`: a comma list of formats (`html,pdf`), or `all` for the formats edition.yaml enables. */
export type Format = string;

export interface BuildOptions {
  readonly root: string;
  readonly out: string;
  /** Formats to build (`html`, `html,pdf`, a list); `all` or undefined: edition.yaml's `formats`. */
  readonly format?: Format | readonly string[] | undefined;
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
  /** The emitter table (default EMITTERS); tests pass their own. */
  readonly emitters?: readonly Emitter[] | undefined;
}

export interface BuildResult {
  readonly ok: boolean;
  readonly files: readonly VFile[];
  readonly edition: Edition | undefined;
  /** Per format built, the file readers open first (e.g. html → <out>/html/index.html). */
  readonly written: Readonly<Record<string, string>>;
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const { log, signal } = options;
  const table = options.emitters ?? EMITTERS;
  const formats = parseFormats(options.format, table);
  signal?.throwIfAborted();
  // 0. A look at the output folder before any work: a folder that is not ours is refused at once.
  await refuseProtected(path.resolve(options.out), outputGuard(options));
  await claimOutput(path.resolve(options.out), options.force === true, { dryRun: true });
  // 1. Read the edition's sources.
  options.progress?.({ stage: 'read' });
  const sources = await readSources(options.root);
  signal?.throwIfAborted();
  // Chart threads (started by the compile when there are charts) end with the build; a stop
  // request ends them at once, even one still drawing.
  const onAbort = () => void closeChartWorkers();
  signal?.addEventListener('abort', onAbort, { once: true });
  const releaseCharts = holdChartWorkers();
  // Stages report progress between steps: a stop request ends the build there.
  const progress: ProgressSink = (event) => {
    signal?.throwIfAborted();
    options.progress?.(event);
  };
  const cache = await openCache(options.cacheDir, options.runToken);
  const stamp = JSON.stringify({ profile: options.profile, sources: sourcesHash(sources) }) + '\n';
  let staged: StagedOutput | undefined;
  const built: string[] = [];
  try {
    // 2-5. Compile, then each format into a staging folder beside the output (see sequence.ts).
    const run = await runSequence(sources, {
      profile: options.profile,
      buildDate: options.buildDate,
      drawCharts: true,
      cache,
      formats,
      emitters: table,
      purpose: 'publish',
      browserPath: options.browserPath,
      keepPrintHtml: options.keepPrintHtml,
      printBudget: options.printBudget,
      log,
      progress,
      signal,
      compiled: async () => {
        // Every chart is drawn: the drawing threads' memory is better spent on printing.
        await endChartDrawing();
        await cache?.flush();
        if (cache) log(`cache: ${cacheSummary(cache)}`);
      },
      begin: async () => {
        // With a cache, unchanged files are hard-linked from the current output (output/reuse.ts).
        const manifest = cache ? loadManifest(await cache.get(manifestNamespace, path.resolve(options.out))) : undefined;
        staged = await StagedOutput.open(options.out, options.runToken, { force: options.force, guard: outputGuard(options), manifest }).catch((error: unknown) => {
          throw error instanceof OutputRefusedError ? error : outputError(options.out, error);
        });
      },
      keep: async (emitter, result) => {
        if (!staged) throw new Error('the staging folder is not open');
        await staged.writeAll(result.files.map((f) => ({ ...f, path: `${emitter.folder}/${f.path}` })));
        await staged.write(`${emitter.folder}/${STAMP}`, stamp);
        if (!built.includes(emitter.folder)) built.push(emitter.folder);
      },
      // An HTML-only build links the PDF of the last full build from exactly these sources.
      lastBuilt: (format, edition) => {
        const emitter = table.find((e) => e.format === format);
        return emitter ? lastBuilt(path.join(options.out, emitter.folder), emitter.entry(edition), edition.profile, sourcesHash(sources)) : Promise.resolve(undefined);
      },
    });
    await cache?.flush(); // what the emitters kept for the next build (the print layout)
    if (!run.ok || !run.edition) return { ok: false, files: run.files, edition: run.edition, written: {} };
    if (!staged) return { ok: true, files: run.files, edition: run.edition, written: {} }; // no format to build
    // What the emitters cached (press images, cards) is kept for the next build.
    await cache?.flush();
    const edition = run.edition;
    // 6. Swap the new output in; a folder left by a build of another profile goes.
    options.progress?.({ stage: 'write' });
    const stale = await staleFolders(options.out, table, built, edition.profile);
    for (const s of stale) log(`${s.folder}: removed ${s.folder}/ left by an earlier ${s.profile ?? 'older'} build, so no ${s.profile ?? 'stale'} files stay beside this ${edition.profile} edition`);
    await staged.commit(built, { remove: stale.map((s) => s.folder), signal });
    const manifest = staged.manifest(built, stale.map((s) => s.folder));
    if (cache && manifest) {
      if (staged.linked > 0) log(`output: ${staged.linked} unchanged file(s) linked from the last build, not written again`);
      cache.set(manifestNamespace, path.resolve(options.out), manifest);
      await cache.flush();
    }
    const written: Record<string, string> = {};
    for (const e of table) if (run.emitted.has(e.format)) written[e.format] = path.join(options.out, e.folder, e.entry(edition));
    return { ok: true, files: run.files, edition, written };
  } catch (error) {
    await staged?.discard().catch(() => {});
    const code = (error as NodeJS.ErrnoException).code;
    throw staged && code && /^E[A-Z]+$/.test(code) ? outputError(options.out, error) : error;
  } finally {
    await releaseCharts();
    signal?.removeEventListener('abort', onAbort);
  }
}

/** Folders the output may never be: the edition root, the project, the home folder (and what holds them). */
function outputGuard(options: BuildOptions): Protected {
  return { roots: [options.root, projectRoot], home: options.home };
}

/**
 * Output folders of the table that this build does not make, whose stamp says another profile (or
 * has none): an HTML-only public build must not leave the members PDF of an earlier build in `pdf/`.
 */
async function staleFolders(out: string, table: readonly Emitter[], built: readonly string[], profile: Audience): Promise<{ folder: string; profile: string | undefined }[]> {
  const stale: { folder: string; profile: string | undefined }[] = [];
  for (const { folder } of table) {
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

/**
 * Check an edition without writing anything (but the cache): the build's sequence, emitting nothing.
 * Sources checked before with the same cache give their problems again without compiling, and no
 * model (`edition` is undefined then).
 */
export async function check(
  root: string,
  profile: Audience,
  buildDate: Date,
  extra: {
    readonly cacheDir?: string | undefined;
    readonly progress?: ProgressSink | undefined;
    readonly signal?: AbortSignal | undefined;
    /** The emitter table whose formats edition.yaml may name (default EMITTERS). */
    readonly emitters?: readonly Emitter[] | undefined;
  } = {},
): Promise<{ files: readonly VFile[]; edition: Edition | undefined }> {
  const { signal } = extra;
  const progress: ProgressSink = (event) => {
    signal?.throwIfAborted();
    extra.progress?.(event);
  };
  progress({ stage: 'read' });
  const sources = await readSources(root);
  const cache = await openCache(extra.cacheDir, `check-${process.pid}`);
  // The same sources checked before: their problems, without compiling again (no model then).
  const key = `${profile}/${sourcesHash(sources)}`;
  const known = await knownCheck(cache, key);
  if (known) return { files: known, edition: undefined };
  const run = await runSequence(sources, {
    profile,
    buildDate,
    drawCharts: false,
    cache,
    formats: [],
    emitters: extra.emitters,
    purpose: 'publish',
    progress,
    signal,
    compiled: async (result) => {
      rememberCheck(cache, key, result.files);
      await cache?.flush();
    },
  });
  return { files: run.files, edition: run.edition };
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

/** In each output folder: the profile and sources it was built from. */
const STAMP = '.built-from.json';

/**
 * A document of the last build in `folder`, but only if it was built from exactly these sources
 * and this profile: an older PDF could still hold a chapter that has since become members-only.
 */
async function lastBuilt(folder: string, name: string, profile: Audience, sources: string): Promise<EmittedDocument | undefined> {
  try {
    const stamp = JSON.parse(await readFile(path.join(folder, STAMP), 'utf8')) as { profile?: string; sources?: string };
    if (stamp.profile !== profile || stamp.sources !== sources) return undefined;
    await stat(path.join(folder, name));
    return { name, bytes: await readFile(path.join(folder, name)) };
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
