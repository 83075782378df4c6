// `npm run bench`: the pipeline against a bare-Puppeteer floor and its peers, at several sizes.
// See docs/BENCHMARKS.md for what is measured and how to read the results.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { parseDocument } from 'yaml';
import { resolveBrowser } from '../pipeline/stages/emit-pdf/browser.js';
import { launchArgs } from '../pipeline/stages/emit-pdf/launch.js';
import { parseBenchArgs, usage, type BenchOptions } from './args.js';
import { firstEssay, makeEdition } from './edition.js';
import { inProcessRebuild, type InProcessFigures } from './inprocess.js';
import { measure } from './measure.js';
import { ensureGnuTime, installMissingPeers, peers, type Peer } from './peers.js';
import { previewLatency, type PreviewFigures } from './preview.js';
import { pathologicalCases, pathologicalReport, type PathologicalFigure } from './pathological.js';
import { parseProfile } from './profile.js';
import { fullReport } from './report.js';
import { datedName, type Environment, type RunFigures, type TaskResult } from './results.js';
import { snapshotProject } from './snapshot.js';
import { printHtmlPath, scaleTasks, SLOW_MS, writeScriptableCopy, type ScaleContext, type Task } from './tasks.js';

const workingTree = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseBenchArgs(argv);
  if (typeof parsed === 'string') {
    (parsed === '' ? console.log : log)(parsed === '' ? usage : `${parsed}\n\n${usage}`);
    return parsed === '' ? 0 : 2;
  }
  const options = parsed;
  if (options.reportFrom !== undefined) return reportFrom(options.reportFrom, options.markdown);
  ensureGnuTime(log);
  if (!options.smoke && !options.noInstall) installMissingPeers(log);

  // 1. Which peers are installed; how to install the others.
  const available = new Map<Peer['id'], string>();
  const versions: Record<string, string> = { node: process.version };
  const missing: string[] = [];
  for (const peer of peers) {
    if (options.skip.has(peer.id)) continue;
    const exe = peer.find();
    if (exe === undefined) {
      missing.push(`${peer.label} (install: ${peer.install})`);
      log(`bench: ${peer.label} is not installed and is left out. To measure it: ${peer.install}`);
      continue;
    }
    available.set(peer.id, exe);
    versions[peer.id] = peer.version(exe);
  }
  const chromium = resolveBrowser(process.env['PUPPETEER_EXECUTABLE_PATH']).path;
  versions['chromium'] = spawnSync(chromium, ['--version'], { encoding: 'utf8' }).stdout.trim();
  const args = launchArgs(process.getuid?.() === 0);
  const slug = String((parseDocument(await readFile(path.join(workingTree, 'edition.yaml'), 'utf8')).toJS() as { slug?: string }).slug);

  const work = options.work ?? (await mkdtemp(path.join(tmpdir(), 'monitor-bench-')));
  await mkdir(work, { recursive: true });
  // Every run uses one copy of the pipeline, whatever happens to the working tree meanwhile.
  const projectDir = await snapshotProject(workingTree, path.join(work, 'project'));
  const env: Environment = {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    machine: `${cpus().length} × ${cpus()[0]?.model.trim() ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM`,
    loadBefore: loadavg().map((l) => l.toFixed(2)).join(' '),
    versions,
    missing,
    options: `scales ${options.scales.join(',')}, ${options.runs} run(s)${options.smoke ? ', smoke' : ''}`,
  };
  log(`bench: ${env.options}; scratch ${work}; load ${env.loadBefore}`);

  const results: TaskResult[] = [];
  const inProcess: InProcessFigures[] = [];
  const preview: PreviewFigures[] = [];
  const pathological: PathologicalFigure[] = [];
  let monitorFailed = false;
  try {
    // 2. One untimed build first, so tsx's transform cache and the disk cache are warm for everyone.
    if (!options.smoke) await warmUp(projectDir, work);
    for (const scale of options.scales) {
      const shared = { projectDir, work, slug, chromium, args, available, first: scale === options.scales[0] };
      const scaleResults = await runScale(scale, options, shared);
      results.push(...scaleResults);
      monitorFailed ||= scaleResults.some((r) => r.kind === 'monitor' && r.failure !== undefined);
      // 3. The same rebuild inside one process (up to 2×: it builds cold 2 × runs times itself).
      if (!options.smoke && !options.skip.has('in-process') && scale <= 2) {
        log(`bench: ${scale}× in-process rebuild (pipeline/tools/measure-rebuild.ts)`);
        const figures = await inProcessRebuild(projectDir, path.join(work, `x${scale}`, 'root'), scale, options.runs, work, options.timeoutMs);
        if (figures) inProcess.push(figures);
      }
      // 4. Save → visible in the browser, through `monitor preview` (1× and 2×: the target is at 1×).
      if (!options.skip.has('preview') && scale <= 2) {
        const root = path.join(work, `x${scale}`, 'root');
        log(`bench: ${scale}× preview: save → reloaded page`);
        preview.push(await previewLatency({ projectDir, root, essay: await firstEssay(root), chromium, launchArgs: args, runs: Math.max(3, options.runs), timeoutMs: 120_000 }, log));
      }
    }
    // 5. Pathological chapters: every per-paragraph pass must stay linear.
    if (!options.skip.has('pathological')) pathological.push(...(await pathologicalCases(projectDir, work, options.timeoutMs, log)));
  } finally {
    if (!options.keep && options.work === undefined) await rm(work, { recursive: true, force: true });
    else log(`bench: kept ${work}`);
  }

  // 6. Report: on stdout, and in a dated results file (Markdown + JSON) unless --no-results.
  const finalEnv: Environment = { ...env, loadAfter: loadavg().map((l) => l.toFixed(2)).join(' ') };
  const report = fullReport(results, options.scales, finalEnv, inProcess, preview) + pathologicalReport(pathological);
  const json = `${JSON.stringify({ env: finalEnv, results: results.map(jsonable), inProcess, preview }, null, 2)}\n`;
  console.log(report);
  if (options.markdown) await writeFile(options.markdown, report);
  if (options.json) await writeFile(options.json, json);
  if (options.resultsDir !== undefined) {
    const base = path.join(options.resultsDir, datedName(env.date, options.smoke));
    await mkdir(options.resultsDir, { recursive: true });
    await writeFile(`${base}.md`, report);
    await writeFile(`${base}.json`, json);
    log(`bench: results written to ${base}.{md,json}`);
  }
  return monitorFailed ? 1 : 0;
}

interface Shared {
  readonly projectDir: string;
  readonly work: string;
  readonly slug: string;
  readonly chromium: string;
  readonly args: readonly string[];
  readonly available: ReadonlyMap<Peer['id'], string>;
  readonly first: boolean;
}

async function runScale(scale: number, options: BenchOptions, shared: Shared): Promise<TaskResult[]> {
  const work = path.join(shared.work, `x${scale}`);
  const root = path.join(work, 'root');
  await rm(work, { recursive: true, force: true });
  const made = await makeEdition(shared.projectDir, root, scale);
  const ctx: ScaleContext = { projectDir: shared.projectDir, root, work, slug: shared.slug, chapters: made.chapters, essay: await firstEssay(root), chromium: shared.chromium, launchArgs: shared.args };
  log(`bench: ${scale}×: ${made.chapters.length} chapters, ${made.charts} charts in ${root}`);
  // Start-up does not depend on the edition: time it at the first scale only.
  const tasks = scaleTasks(ctx, shared.available).filter((t) => !options.skip.has(t.id) && (t.id !== 'startup' || shared.first));
  const results = new Map<string, TaskResult & { runs: RunFigures[]; profiles: TaskResult['profiles'] }>();
  for (const t of tasks) results.set(t.id, { scale, id: t.id, label: t.label, kind: t.kind, output: t.output, runs: [], profiles: [] });

  // Round-robin: a change of background load hits every task, not only the one running then.
  for (let run = 1; run <= options.runs; run++) {
    for (const task of tasks) {
      const result = results.get(task.id);
      if (!result) continue;
      const skip = skipReason(task, result, ctx);
      if (skip) {
        if (run === 1) Object.assign(result, { failure: skip });
        continue;
      }
      await task.prepare?.(run);
      const timeoutMs = task.kind === 'peer' ? options.peerTimeoutMs : options.timeoutMs;
      const m = await measure(task.command(), { timeoutMs, scratch: work });
      const figures: RunFigures = pick(m);
      result.runs.push(figures);
      const ok = m.exitCode === 0 && !m.timedOut;
      log(
        `bench: ${scale}× ${task.id} ${run}/${options.runs}: ${ok ? '' : m.timedOut ? 'TIMED OUT ' : `FAILED (exit ${m.exitCode}) `}` +
          `${(m.wallMs / 1000).toFixed(2)} s wall, ${(m.cpuMs / 1000).toFixed(2)} s CPU, ${(m.peakRssBytes / 1e6).toFixed(0)} MB peak RSS (${(m.peakPssBytes / 1e6).toFixed(0)} MB PSS)` +
          (m.leftovers > 0 ? `, ${m.leftovers} leftover process(es) killed` : ''),
      );
      if (!ok) {
        // The tool's own reason, so that a peer that cannot process the input says why.
        const reason = m.stderr.split('\n').find((l) => /error|exception/i.test(l))?.trim().slice(0, 200);
        const why = m.timedOut ? `timed out after ${timeoutMs / 1000} s` : `exit ${m.exitCode}${reason ? `: ${reason.replaceAll('|', '\\|')}` : ''}`;
        Object.assign(result, { failure: why, ...(m.timedOut ? { timedOutMs: timeoutMs } : {}) });
        log(m.stderr.split('\n').slice(-15).join('\n'));
        continue;
      }
      if (task.id === 'full') result.profiles.push(parseProfile(m.stderr, m.wallMs));
      const cacheUse = /^cache: (.*)$/m.exec(m.stderr)?.[1];
      if (task.id === 'html-edit' && cacheUse) Object.assign(result, { cacheUse });
      if (task.id === 'full' && run === 1) await writeScriptableCopy(ctx);
      if (task.pdf && result.pages === undefined) Object.assign(result, await pdfFigures(task.pdf));
    }
  }
  return [...results.values()];
}

function skipReason(task: Task, result: TaskResult, ctx: ScaleContext): string | undefined {
  if (task.kind === 'peer' && task.output === 'pdf' && !existsSync(printHtmlPath(ctx))) return 'no print HTML: the full build failed';
  if (result.failure !== undefined && result.runs.every((r) => r.exitCode !== 0 || r.timedOut)) return result.failure;
  if (task.slowOnce && result.runs.length > 0 && (result.runs[0]?.wallMs ?? 0) > SLOW_MS) return `first run over ${SLOW_MS / 1000} s: run once`;
  return undefined;
}

async function pdfFigures(file: string): Promise<{ pages: number; pdfBytes: number } | undefined> {
  try {
    const bytes = await readFile(file);
    const doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
    return { pages: doc.getPageCount(), pdfBytes: (await stat(file)).size };
  } catch (error) {
    log(`bench: cannot read ${file}: ${(error as Error).message}`);
    return undefined;
  }
}

async function warmUp(projectDir: string, work: string): Promise<void> {
  const root = path.join(work, 'warm-up');
  await makeEdition(projectDir, root, 1);
  log('bench: warm-up build (untimed)');
  const m = await measure(
    { cmd: process.execPath, args: [path.join(projectDir, 'bin', 'monitor.js'), 'build', '--root', root, '--out', path.join(work, 'warm-up-out'), '--quiet'], env: { CI: '1' } },
    { timeoutMs: 600_000, scratch: work },
  );
  if (m.exitCode !== 0) log(`bench: warm-up build failed (exit ${m.exitCode}):\n${m.stderr.split('\n').slice(-15).join('\n')}`);
  await rm(root, { recursive: true, force: true });
}

function pick(m: RunFigures): RunFigures {
  const { wallMs, cpuMs, rusageCpuMs, sampledCpuMs, peakRssBytes, peakPssBytes, processes, exitCode, timedOut, leftovers } = m;
  return { wallMs, cpuMs, rusageCpuMs, sampledCpuMs, peakRssBytes, peakPssBytes, processes, exitCode, timedOut, leftovers };
}

/** The report of a saved run (e.g. after the report's code changed), from its --json file. */
async function reportFrom(file: string, markdown: string | undefined): Promise<number> {
  const saved = JSON.parse(await readFile(file, 'utf8')) as { env: Environment; results: (Omit<TaskResult, 'profiles'> & { profiles: Record<string, number>[] })[]; inProcess?: InProcessFigures[]; preview?: PreviewFigures[] };
  const results: TaskResult[] = saved.results.map((r) => ({ ...r, profiles: r.profiles.map((p) => new Map(Object.entries(p))) }));
  const scales = [...new Set(results.map((r) => r.scale))];
  const report = fullReport(results, scales, saved.env, saved.inProcess ?? [], saved.preview ?? []);
  console.log(report);
  if (markdown) await writeFile(markdown, report);
  return 0;
}

function jsonable(r: TaskResult): unknown {
  return { ...r, profiles: r.profiles.map((p) => Object.fromEntries(p)) };
}

process.exitCode = await main(process.argv.slice(2));
