import type { VFile } from 'vfile';
import type { Styles } from '../assets/styles.js';
import type { CacheStore } from '../cache/store.js';
import type { Edition } from '../model/edition.js';
import type { OutputFile } from '../model/output.js';
import type { ProgressSink } from '../progress/events.js';
import type { Budget } from '../stages/emit-pdf/budget.js';
import type { LaunchedBrowser } from '../stages/emit-pdf/launch.js';
import type { PrintedPages } from '../stages/emit-pdf/pdf-pages.js';
import type { EditionSources } from '../stages/load/read-sources.js';

/** A format's single document (the PDF), for emitters that run after it. */
export interface EmittedDocument {
  /** File name inside the format's folder, e.g. `eurocities-monitor-2026.pdf`. */
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly pages?: number | undefined;
  /** The PDF as read back after printing (text lines and folios per page), so no one reads it again. */
  readonly printed?: PrintedPages | undefined;
}

/** What an emitter made. It never writes: the sequence's effects put the files somewhere (or nowhere). */
export interface EmitResult {
  /** Paths relative to the emitter's folder. */
  readonly files: readonly OutputFile[];
  /** One line for the log, e.g. "pdf: 20 pages, 1.21 MB, 31 TOC entries verified". */
  readonly summary?: string | undefined;
  /** The format's one document, when it makes one (the PDF): later emitters may embed or link it. */
  readonly document?: EmittedDocument | undefined;
  /**
   * The rest of the result, still being made (the web edition's search index): its files are
   * kept after `files`, which the sequence keeps (writes) meanwhile; its summary replaces this one.
   */
  readonly rest?: Promise<Omit<EmitResult, 'rest'>> | undefined;
}

/** Options and effects shared by every emitter of one run. */
export interface EmitContext {
  readonly sources: EditionSources;
  readonly styles: Styles;
  /** Results of the emitters that ran earlier in this run, by format: `previous.get('pdf')?.document?.bytes`. */
  readonly previous: ReadonlyMap<string, EmitResult>;
  /** `publish` makes every file of the edition; `preview` only what the preview serves, quickly. */
  readonly purpose: 'publish' | 'preview';
  /** The formats this run emits, in table order. */
  readonly formats: readonly string[];
  /**
   * A format's document from an earlier run built from exactly these sources and profile, when
   * the run can find one (the build looks in its output folder): an HTML-only build links it.
   */
  readonly lastBuilt?: ((format: string) => Promise<EmittedDocument | undefined>) | undefined;
  /** Chromium, for emitters marked `needsBrowser`: whoever awaits it owns it and must close it. */
  readonly browser: () => Promise<LaunchedBrowser>;
  readonly browserPath?: string | undefined;
  readonly keepPrintHtml: boolean;
  readonly printBudget?: Budget | undefined;
  /** Content-hash cache for results an emitter may reuse (the PDF's print layout); the caller flushes it. */
  readonly cache?: CacheStore | undefined;
  readonly log: (line: string) => void;
  readonly progress: ProgressSink;
  readonly signal?: AbortSignal | undefined;
}

/** One edition format. Add one to the table in ./index.ts to add a format. */
export interface Emitter {
  /** Name used by `--format` and edition.yaml's `formats`. */
  readonly format: string;
  /** Output folder, under the build's --out. */
  readonly folder: string;
  /** The file readers open first, relative to the folder (for the build's last line). */
  readonly entry: (edition: Edition) => string;
  /** Needs Chromium: the sequence starts it only when an emitter of the run needs it. */
  readonly needsBrowser?: boolean | undefined;
  /** Before compiling: whether starting Chromium now, while the model is made, is worth it. Default yes. */
  readonly startBrowserEarly?: ((sources: EditionSources, printBudget: Budget | undefined) => boolean) | undefined;
  /**
   * After compiling, before any emitter runs: positioned problems that stop the run (such as a
   * document too large to print). Returns the files, with the problems reported on them.
   */
  readonly refuse?: ((edition: Edition, files: readonly VFile[], printBudget: Budget | undefined) => readonly VFile[]) | undefined;
  emit(edition: Edition, ctx: EmitContext): Promise<EmitResult>;
  /**
   * Optional, for an emitter that uses earlier results: start now, when emitting begins, whatever
   * needs none of them (the web edition draws its images while the PDF prints). The sequence
   * calls the returned function in table order instead of `emit`; it reads `ctx.previous` then.
   */
  readonly begin?: ((edition: Edition, ctx: EmitContext) => () => Promise<EmitResult>) | undefined;
}
