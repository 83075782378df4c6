import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../../bench/args.js';
import type { PreviewFigures } from '../../bench/preview.js';
import { fullReport, verdicts } from '../../bench/report.js';
import { datedName, type RunFigures, type TaskResult } from '../../bench/results.js';

const run = (wallMs: number, peakPssBytes = 0): RunFigures => ({
  wallMs,
  cpuMs: wallMs,
  rusageCpuMs: undefined,
  sampledCpuMs: wallMs,
  peakRssBytes: peakPssBytes * 2,
  peakPssBytes,
  processes: 1,
  exitCode: 0,
  timedOut: false,
  leftovers: 0,
});

const task = (scale: number, id: string, wallMs: number, pss = 0): TaskResult => ({
  scale,
  id,
  label: id,
  kind: ['floor', 'weasyprint', 'pagedjs', 'pandoc'].includes(id) ? 'peer' : 'monitor',
  output: 'pdf',
  runs: [run(wallMs, pss), run(wallMs, pss), run(wallMs, pss)],
  profiles: [],
});

const find = (list: ReturnType<typeof verdicts>, start: string) => list.find((v) => v.target.startsWith(start));

describe('bench targets', () => {
  const results = [
    task(1, 'full', 4000),
    task(1, 'floor', 3000),
    task(1, 'weasyprint', 7000),
    task(1, 'html-cold', 2000),
    task(1, 'html-edit', 500),
    task(1, 'check-warm', 450),
    task(20, 'full', 60000, 2_600e6),
    task(20, 'floor', 28000, 2_200e6),
    task(20, 'html-cold', 20000),
    task(20, 'html-edit', 2500),
  ];
  const preview: PreviewFigures[] = [{ scale: 1, latenciesMs: [280, 320, 290], medianMs: 290 }];
  const list = verdicts(results, [1, 20], preview);

  it('judges each target of the issue as met or not met from the medians', () => {
    expect(find(list, '1× full build ≤ 1.5× the floor')?.met).toBe(true);
    expect(find(list, '1×: ≥ 1.5× faster than weasyprint')?.met).toBe(true);
    expect(find(list, '1×: one-essay HTML rebuild ≤ 20%')?.met).toBe(false);
    expect(find(list, '20×: one-essay HTML rebuild ≤ 10%')?.met).toBe(false);
    expect(find(list, '1×: `monitor check` with a warm cache ≤ 0.5 s')?.met).toBe(true);
    expect(find(list, '1×: an edit visible in the browser ≤ 300 ms')?.met).toBe(true);
    expect(find(list, '20×: peak memory (PSS) ≤ 500 MB above')?.met).toBe(true);
    expect(find(list, '20×: peak memory (PSS) ≤ 500 MB above')?.measured).toContain('400');
  });

  it('never counts a missing figure as met', () => {
    expect(find(list, '1×: ≥ 1.5× faster than pagedjs')?.met).toBeUndefined();
    const none = verdicts([task(1, 'full', 4000)], [1], [{ scale: 1, latenciesMs: [], medianMs: undefined, failure: 'no browser' }]);
    expect(find(none, '1×: an edit visible')?.met).toBeUndefined();
    expect(find(none, '1×: an edit visible')?.measured).toContain('no browser');
    expect(find(none, '1×: `monitor check`')?.met).toBeUndefined();
  });

  it('shows the verdicts and the preview runs in the report', () => {
    const report = fullReport(results, [1, 20], { date: '2026-12-02T07:00:00Z', machine: 'm', loadBefore: '1', versions: {}, missing: [], options: 'o' }, [], preview);
    expect(report).toMatch(/\| 1×: an edit visible in the browser ≤ 300 ms after save \(preview\) \| 290 ms \(median of 3\) \| yes \|/);
    expect(report).toMatch(/\| 1×: one-essay HTML rebuild ≤ 20% of a cold HTML build \| 25% .*\| \*\*no\*\* \|/);
    expect(report).toContain('| 1× | 290 | 280, 320, 290 |');
  });

  it('names the results file by date, and marks smoke runs', () => {
    expect(datedName('2026-12-02T07:05:09Z', false)).toBe('2026-12-02T0705Z');
    expect(datedName('2026-12-02T07:05:09Z', true)).toBe('2026-12-02T0705Z-smoke');
    const options = parseBenchArgs(['--smoke']);
    expect(typeof options === 'object' && options.resultsDir?.endsWith('results')).toBe(true);
    const none = parseBenchArgs(['--smoke', '--no-results']);
    expect(typeof none === 'object' && none.resultsDir).toBeUndefined();
  });
});
