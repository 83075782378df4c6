import type { Measurement } from './measure.js';
import { median, medianProfile, type Profile } from './profile.js';
import type { Task } from './tasks.js';

export type RunFigures = Pick<Measurement, 'wallMs' | 'cpuMs' | 'rusageCpuMs' | 'sampledCpuMs' | 'peakRssBytes' | 'peakPssBytes' | 'processes' | 'exitCode' | 'timedOut' | 'leftovers'>;

export interface TaskResult {
  readonly scale: number;
  readonly id: string;
  readonly label: string;
  readonly kind: Task['kind'];
  readonly output: Task['output'];
  readonly runs: RunFigures[];
  readonly pages?: number | undefined;
  readonly pdfBytes?: number | undefined;
  /** Why the figure is missing or partial (failed, timed out). */
  readonly failure?: string | undefined;
  readonly profiles: Profile[];
  /** The build's own `cache:` line of its last run (for the one-essay rebuild). */
  readonly cacheUse?: string | undefined;
  /** Set when a run hit the timeout: the task takes at least this long. */
  readonly timedOutMs?: number | undefined;
}

export interface Summary {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly peakRssBytes: number;
  readonly peakPssBytes: number;
  readonly n: number;
}

/** Medians over the successful runs; undefined when no run succeeded. */
export function summarize(r: TaskResult): Summary | undefined {
  const ok = r.runs.filter((run) => run.exitCode === 0 && !run.timedOut);
  if (ok.length === 0) return undefined;
  return {
    wallMs: median(ok.map((x) => x.wallMs)),
    cpuMs: median(ok.map((x) => x.cpuMs)),
    peakRssBytes: median(ok.map((x) => x.peakRssBytes)),
    peakPssBytes: median(ok.map((x) => x.peakPssBytes)),
    n: ok.length,
  };
}

/**
 * When no run finished (timed out, or the tool gave up): how long the longest attempt ran. The
 * tool needs at least that long, so comparisons with it are lower bounds.
 */
export function unfinishedAfter(r: TaskResult | undefined): number | undefined {
  if (!r || r.runs.length === 0 || summarize(r) !== undefined) return undefined;
  return Math.max(...r.runs.map((run) => run.wallMs));
}

export function profileOf(r: TaskResult): Profile {
  return medianProfile(r.profiles);
}

export function find(results: readonly TaskResult[], scale: number, id: string): TaskResult | undefined {
  return results.find((r) => r.scale === scale && r.id === id);
}

export function wall(results: readonly TaskResult[], scale: number, id: string): number | undefined {
  const r = find(results, scale, id);
  return r ? summarize(r)?.wallMs : undefined;
}

export function cpu(results: readonly TaskResult[], scale: number, id: string): number | undefined {
  const r = find(results, scale, id);
  return r ? summarize(r)?.cpuMs : undefined;
}

export interface Environment {
  readonly date: string;
  readonly machine: string;
  readonly loadBefore: string;
  readonly loadAfter?: string;
  readonly versions: Readonly<Record<string, string>>;
  readonly missing: readonly string[];
  readonly options: string;
}

/** The results file's name for a run started at `isoDate`: `2026-12-02T0633Z[-smoke]`, sorting by date. */
export function datedName(isoDate: string, smoke: boolean): string {
  return `${isoDate.slice(0, 16).replace(':', '')}Z${smoke ? '-smoke' : ''}`;
}
