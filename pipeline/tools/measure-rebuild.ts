/**
 * How much faster is an HTML rebuild after one essay changes than a cold HTML build?
 *
 *   npx tsx pipeline/tools/measure-rebuild.ts [--root DIR] [--runs N] [--essay chapters/housing.md]
 *
 * Works on a temporary copy of the edition. All builds run in one process after a warm-up build,
 * so module loading and JIT warm-up are not counted against the cold build. Reports medians of:
 *   - preview: a cold in-memory build (empty cache) vs. a rebuild after appending a sentence to
 *     one essay (PreviewSite.rebuild: read sources, compile with the memory cache, emit, diff);
 *   - CLI: `build --format html` with no cache vs. with a warm disk cache after the same edit
 *     (includes writing the staged output folder).
 * `measureRebuild()` is exported for the benchmark.
 */
import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build, projectRoot } from '../build.js';
import { PreviewSite } from '../preview/site.js';

export interface RebuildFigures {
  readonly runs: number;
  readonly preview: { readonly coldMs: number; readonly rebuildMs: number; readonly speedup: number };
  readonly cli: { readonly coldMs: number; readonly rebuildMs: number; readonly speedup: number };
}

export async function measureRebuild(options: { root?: string; runs?: number; essay?: string } = {}): Promise<RebuildFigures> {
  const runs = options.runs ?? 5;
  const essay = options.essay ?? 'chapters/housing.md';
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'monitor-measure-'));
  const root = path.join(tmp, 'edition');
  const source = options.root ?? projectRoot;
  try {
    for (const part of ['edition.yaml', 'chapters', 'data', 'styles']) {
      await cp(path.join(source, part), path.join(root, part), { recursive: true }).catch(() => {});
    }
    const buildDate = new Date(Date.UTC(2026, 0, 1));
    let edits = 0;
    const editEssay = () => appendFile(path.join(root, essay), `\n\nA sentence added by the rebuild measurement, number ${++edits}.\n`);
    const time = async (fn: () => Promise<unknown>) => {
      const started = performance.now();
      await fn();
      return performance.now() - started;
    };

    // Warm-up: load every module once.
    await new PreviewSite(root, 'public', buildDate).rebuild();

    const previewCold: number[] = [];
    for (let i = 0; i < runs; i++) previewCold.push(await time(() => new PreviewSite(root, 'public', buildDate).rebuild()));
    const site = new PreviewSite(root, 'public', buildDate);
    await site.rebuild();
    const previewWarm: number[] = [];
    for (let i = 0; i < runs; i++) {
      await editEssay();
      previewWarm.push(
        await time(async () => {
          const result = await site.rebuild();
          if (!result.ok) throw new Error('the measured edition has errors');
        }),
      );
    }

    const out = path.join(tmp, 'out');
    const cacheDir = path.join(tmp, 'cache');
    const cliBuild = (cached: boolean) =>
      build({ root, out, format: 'html', profile: 'public', keepPrintHtml: false, buildDate, runToken: `measure-${process.pid}`, log: () => {}, cacheDir: cached ? cacheDir : undefined });
    const cliCold: number[] = [];
    for (let i = 0; i < runs; i++) cliCold.push(await time(() => cliBuild(false)));
    await cliBuild(true);
    const cliWarm: number[] = [];
    for (let i = 0; i < runs; i++) {
      await editEssay();
      cliWarm.push(await time(() => cliBuild(true)));
    }
    const figures = (cold: number[], warm: number[]) => ({ coldMs: median(cold), rebuildMs: median(warm), speedup: median(cold) / median(warm) });
    return { runs, preview: figures(previewCold, previewWarm), cli: figures(cliCold, cliWarm) };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

if (process.argv[1] && path.resolve(process.argv[1]).endsWith(path.join('tools', 'measure-rebuild.ts'))) {
  const { values } = parseArgs({ options: { root: { type: 'string' }, runs: { type: 'string' }, essay: { type: 'string' } } });
  const f = await measureRebuild({ root: values.root, runs: values.runs ? Number(values.runs) : undefined, essay: values.essay });
  const row = (name: string, x: RebuildFigures['preview']) =>
    `${name.padEnd(8)} cold ${x.coldMs.toFixed(0).padStart(6)} ms   one essay changed ${x.rebuildMs.toFixed(0).padStart(5)} ms   ${x.speedup.toFixed(1)}× faster`;
  console.log(`HTML rebuild after one essay changes (median of ${f.runs}, ${os.cpus().length} cores, node ${process.version})`);
  console.log(row('preview', f.preview));
  console.log(row('cli', f.cli));
}
