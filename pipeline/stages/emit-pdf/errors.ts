import { catalogue } from '../../diagnostics/catalogue.js';

/** Rules this stage can fail with. */
export type PdfRuleId = 'pdf-browser' | 'pdf-toc' | 'pdf-print' | 'pdf-page-ref';

const fallbackHints: Record<PdfRuleId, string> = {
  'pdf-browser': 'Install Chromium (Debian: apt-get install chromium) or set PUPPETEER_EXECUTABLE_PATH.',
  'pdf-toc': 'A table-of-contents page number did not match its heading; report this as a pipeline bug.',
  'pdf-page-ref': 'A page number printed beside a cross-reference did not match the page it links to; report this as a pipeline bug.',
  'pdf-print': 'If Chromium ran out of time or memory on a very large edition, split or shorten its largest chapters; otherwise rerun the build, and check free memory and /tmp space.',
};

/** A failure of the PDF edition; the CLI prints `message`, then `hint`, with the rule id. */
export class PdfEmitError extends Error {
  readonly ruleId: PdfRuleId;
  readonly hint: string;

  constructor(ruleId: PdfRuleId, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PdfEmitError';
    this.ruleId = ruleId;
    const known = (catalogue as Record<string, { hint: string } | undefined>)[ruleId];
    this.hint = known?.hint ?? fallbackHints[ruleId];
  }
}

/** How Chromium was when a print failed: its main process's exit, and whether a page crashed. */
export interface BrowserState {
  readonly exit?: { readonly code: number | null; readonly signal: string | null } | undefined;
  readonly pageCrashed?: boolean | undefined;
}

const reasonKey = Symbol('print failure');

/** Attach what is known about Chromium to a print failure, for `printFailure`. */
export function withBrowserState(error: unknown, state: BrowserState): unknown {
  if (error instanceof Error && !(error instanceof PdfEmitError)) Object.assign(error, { [reasonKey]: state });
  return error;
}

/**
 * What happened, said plainly: a timeout, a crash of the page (usually out of memory), Chromium
 * killed (out of memory) or exiting, or the error itself when none of these is known.
 */
export function describePrintFailure(error: unknown): string {
  const state = (error as { [reasonKey]?: BrowserState } | undefined)?.[reasonKey] ?? {};
  const text = error instanceof Error ? error.message : String(error);
  if (error instanceof Error && (error.name === 'PrintTimeoutError' || error.name === 'TimeoutError')) return `it timed out (${text})`;
  if (state.exit?.signal === 'SIGKILL') return 'Chromium was killed (SIGKILL), most likely because the machine ran out of memory';
  if (state.pageCrashed) return 'the page being printed crashed, most likely because Chromium ran out of memory';
  if (state.exit) return `Chromium exited unexpectedly (${state.exit.signal ? `signal ${state.exit.signal}` : `exit code ${state.exit.code ?? '?'}`})`;
  if (/out of memory|oom/i.test(text)) return `Chromium ran out of memory (${text})`;
  if (/target closed|session closed|crash/i.test(text)) return `Chromium crashed (${text})`;
  return text;
}
