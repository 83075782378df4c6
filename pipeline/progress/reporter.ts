import type { ProgressEvent, ProgressSink } from './events.js';

export type Verbosity = 'quiet' | 'normal' | 'verbose';

export interface ReporterOptions {
  readonly verbosity: Verbosity;
  /** A terminal gets one line that updates in place; anything else (CI, a pipe) plain lines. */
  readonly tty: boolean;
  /** Writes a whole line. */
  readonly line: (text: string) => void;
  /** Writes raw text without a newline (for the updating line); needed only on a terminal. */
  readonly raw?: ((text: string) => void) | undefined;
  readonly now: () => number;
}

export interface Reporter {
  readonly progress: ProgressSink;
  /** A message from the build (kept above the updating line on a terminal). */
  readonly log: (text: string) => void;
  /** Ends the last stage; returns the stage timings. */
  finish(): readonly StageTiming[];
}

export interface StageTiming {
  readonly stage: string;
  readonly count: number | undefined;
  readonly ms: number;
}

/** Stages, counts and timings: one updating line on a terminal, plain lines elsewhere. */
export function createReporter(options: ReporterOptions): Reporter {
  const { verbosity, line, now } = options;
  const raw = options.tty ? options.raw : undefined;
  const timings: StageTiming[] = [];
  let current: { event: ProgressEvent; started: number } | undefined;
  let shown = false;

  const clear = () => {
    if (raw && shown) raw('\r\x1b[K');
    shown = false;
  };
  const label = (e: ProgressEvent) => (e.count === undefined ? e.stage : `${e.stage} (${e.count})`);
  const endStage = () => {
    if (!current) return;
    const timing = { stage: current.event.stage, count: current.event.count, ms: now() - current.started };
    timings.push(timing);
    current = undefined;
    if (verbosity === 'quiet') return;
    // Plain lines when not on a terminal; on a terminal only --verbose keeps a line per stage.
    if (!raw || verbosity === 'verbose') {
      clear();
      line(`  ${label({ stage: timing.stage, count: timing.count }).padEnd(16)} ${formatMs(timing.ms)}`);
    }
  };

  return {
    progress(event) {
      endStage();
      current = { event, started: now() };
      if (raw && verbosity !== 'quiet') {
        const done = timings.map((t) => t.stage).join(' → ');
        raw(`\r\x1b[K${done ? `${done} → ` : ''}${label(event)}…`);
        shown = true;
      }
    },
    log(text) {
      if (verbosity === 'quiet') return;
      const redraw = shown && current;
      clear();
      line(text);
      if (redraw && raw && current) {
        raw(`${label(current.event)}…`);
        shown = true;
      }
    },
    finish() {
      endStage();
      clear();
      if (verbosity === 'verbose' && timings.length > 0) {
        line(`  ${'total'.padEnd(16)} ${formatMs(timings.reduce((n, t) => n + t.ms, 0))}`);
      }
      return timings;
    },
  };
}

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}
