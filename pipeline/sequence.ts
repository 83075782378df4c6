import type { VFile } from 'vfile';
import { loadStyles } from './assets/styles.js';
import type { CacheStore } from './cache/store.js';
import { compileEdition, type CompileResult } from './compile.js';
import { DEFAULT_FORMATS, loadEdition } from './config/load-edition.js';
import { hasErrors } from './diagnostics/report.js';
import { EMITTERS, formatNames, type EmitContext, type EmitResult, type EmittedDocument, type Emitter } from './emitters/index.js';
import type { Edition } from './model/edition.js';
import type { Audience } from './model/figure.js';
import type { ProgressSink } from './progress/events.js';
import type { Budget } from './stages/emit-pdf/budget.js';
import type { LaunchedBrowser } from './stages/emit-pdf/launch.js';
import type { EditionSources } from './stages/load/read-sources.js';

/**
 * The one build sequence: sources → model → emitters in table order. `monitor build`, `check` and
 * `preview` all run it; they differ only in the effects they pass (write to a staging folder, keep
 * in memory, or emit nothing).
 */
export interface SequenceOptions extends EmitEffects {
  readonly profile: Audience;
  /** Decided at the edge (SOURCE_DATE_EPOCH or the clock). */
  readonly buildDate: Date;
  /** Draw charts (build, preview) or only plan and check them (check). */
  readonly drawCharts: boolean;
  /**
   * Which formats to emit: names (emitted in table order), `edition` for edition.yaml's `formats`,
   * or `[]` to emit nothing (check).
   */
  readonly formats: readonly string[] | 'edition';
  /** Told once the model is made, errors or not (the build flushes its cache here). */
  readonly compiled?: ((result: CompileResult) => Promise<void>) | undefined;
}

/** What the emitting half needs: the table, the run's effects and options. */
export interface EmitEffects {
  /** The emitter table (tests pass their own); default EMITTERS. */
  readonly emitters?: readonly Emitter[] | undefined;
  readonly purpose: EmitContext['purpose'];
  /** After the model passed every check, before the first emitter: e.g. open the staging folder. */
  readonly begin?: ((edition: Edition) => Promise<void>) | undefined;
  /** Each emitter's result as soon as it is made: write it, keep it in memory, or leave it. */
  readonly keep?: ((emitter: Emitter, result: EmitResult, edition: Edition) => Promise<void>) | undefined;
  readonly lastBuilt?: ((format: string, edition: Edition) => Promise<EmittedDocument | undefined>) | undefined;
  /** Starts Chromium; default: the system's (startBrowser of the PDF stage). */
  readonly launchBrowser?: (() => Promise<LaunchedBrowser>) | undefined;
  readonly browserPath?: string | undefined;
  readonly keepPrintHtml?: boolean | undefined;
  readonly printBudget?: Budget | undefined;
  /** Content-hash cache: the model's steps, and emitters' own reusable results (the print layout). */
  readonly cache?: CacheStore | undefined;
  readonly log?: ((line: string) => void) | undefined;
  readonly progress?: ProgressSink | undefined;
  readonly signal?: AbortSignal | undefined;
}

export interface SequenceResult {
  /** False on content errors (nothing was emitted then). */
  readonly ok: boolean;
  readonly files: readonly VFile[];
  readonly edition: Edition | undefined;
  /** The emitters that ran, in order, with their results. */
  readonly emitted: ReadonlyMap<string, EmitResult>;
}

/** An unknown name in --format (a usage error, exit code 2). */
export class UnknownFormatError extends Error {
  readonly exitCode = 2;
  constructor(readonly names: readonly string[], known: readonly string[]) {
    super(`Unknown format${names.length === 1 ? '' : 's'} ${names.map((n) => `"${n}"`).join(', ')}: use ${known.join(', ')} (a comma list), or all`);
    this.name = 'UnknownFormatError';
  }
}

/** `--format` as given: a comma list, `all` (or nothing) for the edition's own formats. Throws UnknownFormatError. */
export function parseFormats(value: string | readonly string[] | undefined, table: readonly Emitter[] = EMITTERS): readonly string[] | 'edition' {
  if (value === undefined) return 'edition';
  const names = (typeof value === 'string' ? value.split(',') : value).map((n) => n.trim()).filter((n) => n !== '');
  if (names.length === 0 || (names.length === 1 && names[0] === 'all')) return 'edition';
  const known = formatNames(table);
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length > 0) throw new UnknownFormatError(unknown, known);
  return [...new Set(names)];
}

/** The emitters to run, in table order. */
export function selectEmitters(table: readonly Emitter[], formats: readonly string[]): Emitter[] {
  const known = formatNames(table);
  const unknown = formats.filter((f) => !known.includes(f));
  if (unknown.length > 0) throw new UnknownFormatError(unknown, known);
  return table.filter((e) => formats.includes(e.format));
}

/** Read nothing, decide nothing: compile the sources, then emit the chosen formats through the effects. */
export async function runSequence(sources: EditionSources, options: SequenceOptions): Promise<SequenceResult> {
  const table = options.emitters ?? EMITTERS;
  const none = new Map<string, EmitResult>();
  // Formats are known before compiling, so Chromium can start while the model is made.
  const wanted = options.formats === 'edition' ? (loadEdition(sources.edition).config?.formats ?? DEFAULT_FORMATS).filter((f) => formatNames(table).includes(f)) : options.formats;
  const emitters = selectEmitters(table, wanted);
  const browser = new BrowserHandle(options);
  if (emitters.some((e) => e.needsBrowser && (e.startBrowserEarly?.(sources, options.printBudget) ?? true))) browser.startEarly();
  try {
    // 1. Sources → one model (numbering, charts, chapters); nothing is emitted on content errors.
    const compiled = await compileEdition(sources, {
      profile: options.profile,
      buildDate: options.buildDate,
      drawCharts: options.drawCharts,
      cache: options.cache,
      progress: options.progress,
      formats: formatNames(table),
    });
    options.signal?.throwIfAborted();
    await options.compiled?.(compiled);
    const edition = compiled.edition;
    if (!edition || hasErrors(compiled.files)) return { ok: false, files: compiled.files, edition, emitted: none };
    if (emitters.length === 0) return { ok: true, files: compiled.files, edition, emitted: none };
    options.log?.(`compiled ${edition.chapters.length} chapters, ${edition.chapters.reduce((n, c) => n + c.figures.length, 0)} figures`);
    // 2. The emitters' own refusals (a document too large to print), before anything is made.
    let files = compiled.files;
    for (const e of emitters) files = e.refuse?.(edition, files, options.printBudget) ?? files;
    if (hasErrors(files)) return { ok: false, files, edition, emitted: none };
    // 3. Emit, in table order.
    const emitted = await emitWith(edition, sources, emitters, options, browser);
    return { ok: true, files, edition, emitted };
  } finally {
    await browser.release();
  }
}

/**
 * The emitting half alone, for a model made earlier (the preview's PDF button): the same
 * emitters, context and effects as runSequence.
 */
export async function emitEdition(edition: Edition, sources: EditionSources, formats: readonly string[], effects: EmitEffects): Promise<ReadonlyMap<string, EmitResult>> {
  const browser = new BrowserHandle(effects);
  try {
    return await emitWith(edition, sources, selectEmitters(effects.emitters ?? EMITTERS, formats), effects, browser);
  } finally {
    await browser.release();
  }
}

async function emitWith(edition: Edition, sources: EditionSources, emitters: readonly Emitter[], effects: EmitEffects, browser: BrowserHandle): Promise<Map<string, EmitResult>> {
  const log = effects.log ?? (() => undefined);
  await effects.begin?.(edition);
  effects.signal?.throwIfAborted();
  const previous = new Map<string, EmitResult>();
  const { lastBuilt } = effects;
  const ctx: EmitContext = {
    sources,
    styles: await loadStyles(sources),
    previous,
    purpose: effects.purpose,
    formats: emitters.map((e) => e.format),
    lastBuilt: lastBuilt && ((format) => lastBuilt(format, edition)),
    browser: () => browser.handOver(),
    browserPath: effects.browserPath,
    keepPrintHtml: effects.keepPrintHtml ?? false,
    printBudget: effects.printBudget,
    cache: effects.cache,
    log,
    progress: effects.progress ?? (() => undefined),
    signal: effects.signal,
  };
  // Work that needs no earlier emitter starts at once: it runs while the PDF prints.
  const begun = new Map(emitters.flatMap((e) => (e.begin ? [[e.format, e.begin(edition, ctx)] as const] : [])));
  for (const emitter of emitters) {
    effects.signal?.throwIfAborted();
    const { rest, ...first } = await (begun.get(emitter.format)?.() ?? emitter.emit(edition, ctx));
    // What is made is kept while the rest is still being made. Both are waited for, even when one
    // fails: no write of this run lands after the run has thrown its staging folder away.
    const [made, kept] = await Promise.allSettled([rest, effects.keep?.(emitter, first, edition)]);
    if (kept.status === 'rejected') throw kept.reason;
    if (made.status === 'rejected') throw made.reason;
    const later = made.value;
    if (later !== undefined) await effects.keep?.(emitter, later, edition);
    const result: EmitResult = later === undefined ? first : { ...first, ...later, files: [...first.files, ...later.files] };
    previous.set(emitter.format, result);
    if (result.summary) log(result.summary);
  }
  return previous;
}

/**
 * Chromium for one run: started early (while compiling) or when an emitter first asks. An emitter
 * that takes it starts closing it when done and goes on; the run ends once it has closed. One
 * never handed over is closed here, and a stop kills it at once.
 */
class BrowserHandle {
  private launching: Promise<LaunchedBrowser> | undefined;
  private readonly onAbort = () => void this.launching?.then((b) => b.kill(), () => undefined);

  constructor(private readonly effects: EmitEffects) {
    effects.signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  startEarly(): void {
    this.start();
  }

  handOver(): Promise<LaunchedBrowser> {
    return this.start();
  }

  private start(): Promise<LaunchedBrowser> {
    if (!this.launching) {
      const launch = this.effects.launchBrowser ?? (async () => (await import('./stages/emit-pdf/index.js')).startBrowser(this.effects.browserPath, this.effects.log));
      this.launching = launch();
      this.launching.catch(() => undefined); // a failure surfaces when the emitter awaits it
    }
    return this.launching;
  }

  async release(): Promise<void> {
    this.effects.signal?.removeEventListener('abort', this.onAbort);
    if (!this.launching) return;
    // Content errors, a stop or a failed output folder: the early browser was never used; close it.
    if (this.effects.signal?.aborted) await this.launching.then((b) => b.kill(), () => undefined);
    // Never used: close it. Handed over: the emitter started closing it when done with it and went
    // on (close is idempotent); the run ends once Chromium has.
    else await this.launching.then((b) => b.close(), () => undefined);
  }
}
