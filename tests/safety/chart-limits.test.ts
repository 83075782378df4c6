import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { compileEdition } from '../../pipeline/compile.js';
import { collectProblems } from '../../pipeline/diagnostics/format.js';
import { MAX_SEQUENCE_ROWS, scanSpec } from '../../pipeline/stages/charts/custom-spec.js';
import { RenderError, renderSvg } from '../../pipeline/stages/charts/render.js';
import { chartThreadCount, closeChartWorkers, DEFAULT_CHART_LIMITS, IDLE_GRACE_MS, setChartLimits } from '../../pipeline/stages/charts/workers.js';
import { readSources } from '../../pipeline/stages/load/read-sources.js';
import { buildEdition, chapter, removeAll, tempDir, writeEdition } from './helpers.js';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * A chart spec cannot hang or exhaust the build: each chart is drawn in a worker thread with a time
 * and a memory limit (small ones here, so the test is quick, yet roomy enough for an ordinary chart on a loaded machine), and an overrun is a chart-render error
 * at the `::chart` directive. A thread that overran is replaced, and others keep drawing meanwhile.
 */
const bar = { mark: 'bar', encoding: { x: { field: 'v', type: 'quantitative' } } };
const plain = { ...bar, data: { values: [{ v: 1 }, { v: 2 }] } } as unknown as TopLevelSpec;
/** Exponential backtracking: 2^40 steps, far beyond any limit. */
const catastrophic = (data: unknown) =>
  ({ ...bar, data, transform: [{ calculate: `test(/^(a+)+$/, '${'a'.repeat(40)}!') ? 1 : 0`, as: 'v' }] }) as unknown as TopLevelSpec;
/** Ten million generated rows: gigabytes of tuples. */
const flood = { ...bar, data: { sequence: { start: 0, stop: 1e7, as: 'v' } } } as unknown as TopLevelSpec;

const settle = (p: Promise<string>) => p.then((svg) => ({ svg, error: undefined }), (error: unknown) => ({ svg: undefined, error: error as Error }));

describe('chart drawing is bounded in time and memory', () => {
  beforeAll(() => setChartLimits({ timeoutMs: 5000, memoryMb: 160, threads: 2 }));
  afterAll(async () => {
    await setChartLimits(DEFAULT_CHART_LIMITS);
    await closeChartWorkers();
  });

  it('stops a catastrophic regular expression at the time limit', async () => {
    const r = await settle(renderSvg(catastrophic({ values: [{ v: 1 }] }), { basemap: null }));
    expect(r.error).toBeInstanceOf(RenderError);
    expect(r.error?.message).toMatch(/took longer than 5 s \(the limit per chart\); simplify the spec or reduce its data/);
  }, 60_000);

  it('stops ten million generated rows at the memory limit', async () => {
    await setChartLimits({ timeoutMs: 120_000 });
    try {
      const r = await settle(renderSvg(flood, { basemap: null }));
      expect(r.error).toBeInstanceOf(RenderError);
      expect(r.error?.message).toMatch(/needed more than 160 MB of memory \(the limit per chart\)/);
    } finally {
      await setChartLimits({ timeoutMs: 5000 });
    }
  }, 180_000);

  it('draws again in a fresh thread after a kill', async () => {
    await settle(renderSvg(catastrophic({ values: [{ v: 1 }] }), { basemap: null }));
    const svg = await renderSvg(plain, { basemap: null });
    expect(svg).toMatch(/^<svg[\s\S]*<\/svg>$/);
  }, 60_000);

  it('draws an ordinary chart beside a runaway one, in another thread', async () => {
    // No time limit to speak of: the ordinary chart must finish while the runaway one still runs.
    await setChartLimits({ timeoutMs: 600_000 });
    try {
      let runawaySettled = false;
      const runaway = settle(renderSvg(catastrophic({ values: [{ v: 1 }] }), { basemap: null })).then((r) => ((runawaySettled = true), r));
      const ordinary = await settle(renderSvg(plain, { basemap: null }));
      expect(ordinary.svg).toContain('<svg');
      expect(runawaySettled).toBe(false);
      await closeChartWorkers();
      expect((await runaway).error).toBeInstanceOf(RenderError);
    } finally {
      await setChartLimits({ timeoutMs: 5000 });
    }
  }, 60_000);

  it('ends a drawing at once when the threads are closed (abort), and leaves no thread', async () => {
    await setChartLimits({ timeoutMs: 600_000 });
    try {
      const drawing = settle(renderSvg(catastrophic({ values: [{ v: 1 }] }), { basemap: null }));
      await new Promise((r) => setTimeout(r, 500));
      await closeChartWorkers();
      const r = await drawing;
      expect(r.error).toBeInstanceOf(RenderError);
      expect(chartThreadCount()).toBe(0);
    } finally {
      await setChartLimits({ timeoutMs: 5000 });
    }
  }, 60_000);
});

describe('cheap static bounds on generated data in custom specs', () => {
  const scan = (data: unknown) => scanSpec({ ...bar, data } as never);
  it('refuses sequences over the bound or not made of plain numbers, and graticules finer than a degree', () => {
    expect(MAX_SEQUENCE_ROWS).toBe(100_000);
    expect(scan({ sequence: { start: 0, stop: 1e7, as: 'v' } })).toMatch(/makes 10,000,000 rows; the limit is 100,000/);
    expect(scan({ sequence: { start: 0, stop: 1, step: 1e-9 } })).toMatch(/makes 1,000,000,000 rows/);
    expect(scan({ sequence: { start: 0, stop: { signal: 'width * 1e9' } } })).toMatch(/needs numbers/);
    expect(scan({ sequence: { start: 0, stop: 10, step: 0 } })).toMatch(/needs numbers/);
    expect(scan({ graticule: { step: [0.001, 0.001] } })).toMatch(/graticule\/step must be at least 1 degree/);
    expect(scan({ sequence: { start: 0, stop: 1000, as: 'v' } })).toEqual(new Set());
    expect(scan({ graticule: { step: [10, 10] } })).toEqual(new Set());
  });
});

describe('a hostile custom spec in an edition', () => {
  let root: string;
  let out: string;
  const essay = chapter(
    'title: Charts\nkind: essay\nsummary: Hostile charts.',
    [
      '## Charts',
      '',
      '::chart[Regex]{#fig-regex spec=regex alt="A chart whose expression never ends."}',
      '',
      '::chart[Flood]{#fig-flood spec=flood alt="A chart with ten million rows."}',
      '',
      '::chart[Fine]{#fig-fine spec=climate-budget-share alt="Columns of cities by band of climate budget share."}',
    ].join('\n'),
  );
  beforeAll(async () => {
    root = await writeEdition({ 'charts.md': essay });
    out = await tempDir('chart-limits');
    await mkdir(path.join(root, 'data/charts'), { recursive: true });
    await writeFile(path.join(root, 'data/charts/regex.vl.json'), JSON.stringify(catastrophic({ name: 'pulse-2026:Q14' })));
    await writeFile(path.join(root, 'data/charts/flood.vl.json'), JSON.stringify(flood));
    await setChartLimits({ timeoutMs: 5000, memoryMb: 160, threads: 2 });
  });
  afterAll(async () => {
    await setChartLimits(DEFAULT_CHART_LIMITS);
    await removeAll(root, out);
  });

  it('refuses the oversized sequence before drawing, at the directive (chart-spec)', async () => {
    const result = await compileEdition(await readSources(root), { profile: 'public', buildDate: new Date(0), drawCharts: false });
    const problems = collectProblems(result.files).map((p) => `${p.file}:${p.line}:${p.column} ${p.rule} ${p.message}`);
    expect(problems).toEqual([expect.stringMatching(/^chapters\/charts\.md:11:1 chart-spec .*"sequence" at \/data\/sequence makes 10,000,000 rows; the limit is 100,000/)]);
  });

  it('builds to a positioned chart-render error for the runaway chart, draws the rest, and ends its threads', async () => {
    const result = await buildEdition(root, out, 'html');
    expect(result.ok).toBe(false);
    const mine = result.problems.filter((p) => !p.includes('chart-spec'));
    expect(mine).toEqual([expect.stringMatching(/^chapters\/charts\.md:9:1 error The chart could not be drawn: drawing it took longer than 5 s \(the limit per chart\).* chart-render$/)]);
    // The threads end once the build has let go of them (after the grace for a following build).
    for (let waited = 0; chartThreadCount() > 0 && waited < IDLE_GRACE_MS + 30_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
    expect(chartThreadCount()).toBe(0);
  }, 120_000);
});
