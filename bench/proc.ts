import { readdirSync, readFileSync } from 'node:fs';

/** One line of /proc/<pid>/stat, the fields the bench needs. */
export interface ProcStat {
  readonly pid: number;
  readonly ppid: number;
  /** Own user + system time in clock ticks (children excluded). */
  readonly cpuTicks: number;
  readonly rssPages: number;
  /** Start time in ticks after boot: with the pid, it names one process even if the pid is reused. */
  readonly startTicks: number;
  /** R, S, D, Z (exited, not yet reaped)… */
  readonly state: string;
}

/** Linux reports times in USER_HZ (100 on every mainstream build) and RSS in pages (4 KiB on x86-64). */
export const ticksPerSecond = 100;
export const pageBytes = 4096;

export function parseStat(text: string): ProcStat | undefined {
  // The command name sits in parentheses and may itself contain spaces or parentheses.
  const close = text.lastIndexOf(')');
  if (close < 0) return undefined;
  const pid = Number(text.slice(0, text.indexOf(' ')));
  const fields = text.slice(close + 2).split(' ');
  // fields[0] is field 3 (state): ppid is field 4, utime 14, stime 15, rss 24.
  const num = (field: number) => Number(fields[field - 3] ?? NaN);
  const ppid = num(4);
  const cpuTicks = num(14) + num(15);
  const rssPages = num(24);
  const startTicks = num(22);
  if (![pid, ppid, cpuTicks, rssPages, startTicks].every(Number.isFinite)) return undefined;
  return { pid, ppid, cpuTicks, rssPages, startTicks, state: fields[0] ?? '?' };
}

export function readAllStats(): ProcStat[] {
  const out: ProcStat[] = [];
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return out; // not Linux: no memory or tree CPU figures
  }
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = parseStat(readFileSync(`/proc/${name}/stat`, 'utf8'));
      if (stat) out.push(stat);
    } catch {
      // The process ended between readdir and read.
    }
  }
  return out;
}

/** The root and every process below it, by parent links. */
export function descendants(stats: readonly ProcStat[], root: number): ProcStat[] {
  const children = new Map<number, ProcStat[]>();
  for (const s of stats) {
    const list = children.get(s.ppid);
    if (list) list.push(s);
    else children.set(s.ppid, [s]);
  }
  const self = stats.find((s) => s.pid === root);
  const out: ProcStat[] = self ? [self] : [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    for (const child of children.get(pid) ?? []) {
      out.push(child);
      queue.push(child.pid);
    }
  }
  return out;
}

export interface TreeUsage {
  /** Largest sum of RSS over the tree seen in one sample (shared pages count once per process). */
  readonly peakRssBytes: number;
  /**
   * Largest sum of PSS (shared pages split between the processes sharing them) seen near the RSS
   * peaks. Reading smaps_rollup is slow, so it is read at most once a second, and only when the
   * RSS sum is within 5% of its peak: a lower bound of the true peak, against RSS's upper bound.
   */
  readonly peakPssBytes: number;
  /** Sum over every process seen of its last sampled own CPU time. */
  readonly cpuMs: number;
  readonly processes: number;
  /** Every process seen (pid and start time), for stopping whatever outlived the tool. */
  readonly seen: readonly { readonly pid: number; readonly startTicks: number }[];
}

/**
 * Samples a process tree every `intervalMs` from /proc. Chromium's renderers and utility
 * processes are not always reaped by their parents before the tool exits, so rusage
 * (/usr/bin/time) can miss them; sampling sees them all, up to one interval before each exit.
 */
export class TreeSampler {
  private readonly cpu = new Map<number, number>();
  private readonly starts = new Map<number, number>();
  private peak = 0;
  private peakPss = 0;
  private lastPss = -Infinity;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly root: number,
    private readonly intervalMs = 50,
  ) {}

  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
  }

  sample(): void {
    const tree = descendants(readAllStats(), this.root);
    let rss = 0;
    for (const p of tree) {
      rss += p.rssPages * pageBytes;
      this.cpu.set(p.pid, Math.max(this.cpu.get(p.pid) ?? 0, p.cpuTicks));
      this.starts.set(p.pid, p.startTicks);
    }
    this.peak = Math.max(this.peak, rss);
    const now = performance.now();
    if (rss >= 0.95 * this.peak && now - this.lastPss >= 1000) {
      this.lastPss = now;
      this.peakPss = Math.max(this.peakPss, sumPss(tree.map((p) => p.pid)));
    }
  }

  /** Pids of the tree as it is now (for stopping it after a timeout). */
  livePids(): number[] {
    return descendants(readAllStats(), this.root).map((p) => p.pid);
  }

  stop(): TreeUsage {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    let ticks = 0;
    for (const t of this.cpu.values()) ticks += t;
    const seen = [...this.starts].map(([pid, startTicks]) => ({ pid, startTicks }));
    return { peakRssBytes: this.peak, peakPssBytes: this.peakPss, cpuMs: (ticks * 1000) / ticksPerSecond, processes: this.cpu.size, seen };
  }
}

/** Kill each process seen earlier that still exists as the same process (same start time). */
export function killLeftovers(seen: TreeUsage['seen']): number {
  let killed = 0;
  for (const { pid, startTicks } of seen) {
    let now: ProcStat | undefined;
    try {
      now = parseStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    } catch {
      continue; // gone
    }
    if (now?.startTicks !== startTicks) continue; // the pid now names another process
    if (now.state === 'Z' || now.state === 'X') continue; // exited, waiting to be reaped
    try {
      process.kill(pid, 'SIGKILL');
      killed++;
    } catch {
      // Exited meanwhile.
    }
  }
  return killed;
}

function sumPss(pids: readonly number[]): number {
  let kib = 0;
  for (const pid of pids) {
    try {
      const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      kib += Number(m?.[1] ?? 0);
    } catch {
      // Gone, or no smaps_rollup (kernels before 4.14).
    }
  }
  return kib * 1024;
}
