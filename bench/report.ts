import type { InProcessFigures } from './inprocess.js';
import type { PreviewFigures } from './preview.js';
import { cpu, find, profileOf, summarize, unfinishedAfter, wall, type Environment, type TaskResult } from './results.js';

const s = (ms: number | undefined) => (ms === undefined || !Number.isFinite(ms) ? '–' : (ms / 1000).toFixed(2));
const mb = (bytes: number | undefined) => (bytes === undefined ? '–' : (bytes / 1e6).toFixed(bytes < 1e7 ? 2 : 1));
/** "1.44× faster", or "0.86× as fast" when it is slower (never "0.86× faster"). */
const faster = (n: number) => `${x(n)} ${n >= 1 ? 'faster' : 'as fast'}`;
const x = (value: number | undefined) => (value === undefined || !Number.isFinite(value) ? '–' : `${value.toFixed(2)}×`);

/** PSS is read at most once a second: below 2 s it is not worth showing. */
const memory = (sum: { peakRssBytes: number; peakPssBytes: number; wallMs: number }) =>
  `${mb(sum.peakRssBytes)} (${sum.wallMs >= 2000 && sum.peakPssBytes > 0 ? mb(sum.peakPssBytes) : '–'})`;

/** One Markdown table per scale: medians, and each row's ratio to the floor (PDF) or pandoc (HTML). */
export function resultTables(results: readonly TaskResult[], scales: readonly number[]): string {
  const out: string[] = [];
  for (const scale of scales) {
    const rows = results.filter((r) => r.scale === scale);
    if (rows.length === 0) continue;
    const full = find(results, scale, 'full');
    out.push(`### ${scale}× (${full?.pages ?? '?'} pages in the pipeline's PDF)`, '');
    out.push('| task | runs | wall s | CPU s | peak MB RSS (PSS) | PDF pages | PDF MB | ratio |');
    out.push('|---|---:|---:|---:|---:|---:|---:|---|');
    const floor = wall(results, scale, 'floor');
    const pandoc = wall(results, scale, 'pandoc');
    const monitorFull = wall(results, scale, 'full');
    const htmlCold = wall(results, scale, 'html-cold');
    for (const r of rows) {
      const sum = summarize(r);
      let ratio = '';
      if (sum && r.output === 'pdf' && r.id !== 'floor' && floor !== undefined) ratio = `${x(sum.wallMs / floor)} floor`;
      if (sum && r.kind === 'peer' && r.output === 'pdf' && r.id !== 'floor' && monitorFull !== undefined) ratio += `; monitor is ${faster(sum.wallMs / monitorFull)}`;
      if (sum && r.id === 'floor' && monitorFull !== undefined) ratio = `monitor = ${x(monitorFull / sum.wallMs)} this`;
      if (sum && r.id === 'html-cold' && pandoc !== undefined) ratio = `${x(sum.wallMs / pandoc)} pandoc`;
      if (sum && r.id === 'html-edit' && htmlCold !== undefined) ratio = `${((sum.wallMs / htmlCold) * 100).toFixed(0)}% of cold HTML`;
      if (r.cacheUse) ratio += ` (cache: ${r.cacheUse})`;
      const note = r.failure ? ` (${r.failure})` : '';
      out.push(
        `| ${r.label}${note} | ${sum?.n ?? 0}/${r.runs.length} | ${s(sum?.wallMs)} | ${s(sum?.cpuMs)} | ${sum ? memory(sum) : '–'} | ${r.pages ?? ''} | ${r.pdfBytes === undefined ? '' : mb(r.pdfBytes)} | ${ratio} |`,
      );
    }
    out.push('');
  }
  return out.join('\n');
}

/** How the pipeline's cost grows with the edition, against 1× (or the smallest scale run). */
export function growthTable(results: readonly TaskResult[], scales: readonly number[]): string {
  const base = Math.min(...scales);
  const ids = ['full', 'html-cold', 'html-edit', 'check-cold', 'floor', 'weasyprint', 'pagedjs', 'pandoc'];
  const present = ids.filter((id) => scales.some((sc) => wall(results, sc, id) !== undefined));
  const out = [`| scale | pages | ${present.map((id) => `${id} s (× ${base}×)`).join(' | ')} | full build peak MB RSS (PSS) |`];
  out.push(`|---:|---:|${present.map(() => '---:').join('|')}|---:|`);
  for (const scale of scales) {
    const cells = present.map((id) => {
      const w = wall(results, scale, id);
      const b = wall(results, base, id);
      return w === undefined ? '–' : `${s(w)} (${b === undefined ? '–' : x(w / b)})`;
    });
    const full = find(results, scale, 'full');
    const sum = full ? summarize(full) : undefined;
    out.push(`| ${scale}× | ${full?.pages ?? '?'} | ${cells.join(' | ')} | ${sum ? memory(sum) : '–'} |`);
  }
  return out.join('\n');
}

/** The cold full build's stage timings (medians over its runs), from `monitor build --verbose`. */
export function profileTable(results: readonly TaskResult[], scales: readonly number[]): string {
  const profiles = scales.map((sc) => {
    const r = find(results, sc, 'full');
    return r ? profileOf(r) : new Map<string, number>();
  });
  const names = [...new Set(profiles.flatMap((p) => [...p.keys()]))];
  if (names.length === 0) return '(no profile: the full build did not run)';
  const out = [`| step | ${scales.map((sc) => `${sc}× ms`).join(' | ')} |`, `|---|${scales.map(() => '---:').join('|')}|`];
  for (const name of names) out.push(`| ${name} | ${profiles.map((p) => (p.has(name) ? Math.round(p.get(name) ?? 0).toString() : '')).join(' | ')} |`);
  out.push(`| **whole process (wall)** | ${scales.map((sc) => Math.round(wall(results, sc, 'full') ?? NaN).toString()).join(' | ')} |`);
  return out.join('\n');
}

export interface Verdict {
  readonly target: string;
  readonly measured: string;
  readonly met: boolean | undefined;
}

/** The speed and memory targets, judged from the medians. `met` is undefined when a figure is missing. */
export function verdicts(results: readonly TaskResult[], scales: readonly number[], preview: readonly PreviewFigures[] = []): Verdict[] {
  const v: Verdict[] = [];
  const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? undefined : a / b);
  // Wall time decides; the CPU ratio is shown beside it because it moves less with background load.
  const judge = (target: string, value: number | undefined, ok: (n: number) => boolean, show: (n: number) => string, cpuValue?: number) =>
    v.push({
      target,
      measured: value === undefined ? 'not measured' : `${show(value)}${cpuValue === undefined ? '' : ` (CPU: ${show(cpuValue)})`}`,
      met: value === undefined ? undefined : ok(value),
    });
  if (scales.includes(1)) {
    judge('1× full build ≤ 1.5× the floor', ratio(wall(results, 1, 'full'), wall(results, 1, 'floor')), (n) => n <= 1.5, (n) => `${x(n)} the floor`, ratio(cpu(results, 1, 'full'), cpu(results, 1, 'floor')));
  }
  for (const peer of ['weasyprint', 'pagedjs']) {
    for (const scale of scales) {
      const need = scale === 1 ? 1.5 : 2.5;
      const target = `${scale}×: ≥ ${need}× faster than ${peer}`;
      const peerResult = find(results, scale, peer);
      const unfinished = unfinishedAfter(peerResult);
      const full = wall(results, scale, 'full');
      if (unfinished !== undefined && full !== undefined) {
        // The peer never finished: it needs at least as long as it ran, so this is a lower bound.
        const met = unfinished / full >= need ? true : undefined;
        v.push({ target, measured: `> ${x(unfinished / full)} faster (${peer} stopped unfinished after ${s(unfinished)} s: ${peerResult?.failure ?? 'failed'})`, met });
        continue;
      }
      judge(target, ratio(wall(results, scale, peer), full), (n) => n >= need, faster, ratio(cpu(results, scale, peer), cpu(results, scale, 'full')));
    }
  }
  const top = Math.max(...scales);
  if (scales.includes(1) && top > 1) {
    judge(`${top}× full build ≤ ${top + 2}× the 1× build`, ratio(wall(results, top, 'full'), wall(results, 1, 'full')), (n) => n <= top + 2, (n) => `${x(n)} the 1× build`, ratio(cpu(results, top, 'full'), cpu(results, 1, 'full')));
  }
  // The pipeline's own memory: its process tree's peak PSS above the floor's (one Chromium printing the same HTML).
  for (const scale of scales.filter((sc) => sc >= 20)) {
    const full = find(results, scale, 'full');
    const floor = find(results, scale, 'floor');
    const a = full ? summarize(full)?.peakPssBytes : undefined;
    const b = floor ? summarize(floor)?.peakPssBytes : undefined;
    judge(`${scale}×: peak memory (PSS) ≤ 500 MB above the floor's`, a && b ? a - b : undefined, (n) => n <= 500e6, (n) => `${mb(n)} MB above (${mb(a)} vs ${mb(b)} MB)`);
  }
  for (const scale of scales) {
    const pct = (n: number) => `${(n * 100).toFixed(0)}%`;
    const limit = scale >= 20 ? 0.1 : 0.2;
    judge(`${scale}×: one-essay HTML rebuild ≤ ${pct(limit)} of a cold HTML build`, ratio(wall(results, scale, 'html-edit'), wall(results, scale, 'html-cold')), (n) => n <= limit, pct, ratio(cpu(results, scale, 'html-edit'), cpu(results, scale, 'html-cold')));
  }
  if (scales.includes(1)) {
    // Absolute, as the target is: read it with the load average.
    judge('1×: `monitor check` with a warm cache ≤ 0.5 s', wall(results, 1, 'check-warm'), (n) => n <= 500, (n) => `${s(n)} s`);
  }
  for (const p of preview.filter((f) => f.scale === 1)) {
    v.push({
      target: '1×: an edit visible in the browser ≤ 300 ms after save (preview)',
      measured: p.medianMs === undefined ? `not measured${p.failure ? ` (${p.failure})` : ''}` : `${p.medianMs.toFixed(0)} ms (median of ${p.latenciesMs.length})`,
      met: p.medianMs === undefined || p.failure ? undefined : p.medianMs <= 300,
    });
  }
  return v;
}

export function verdictTable(list: readonly Verdict[]): string {
  return ['| target | measured | met |', '|---|---|---|', ...list.map((d) => `| ${d.target} | ${d.measured} | ${d.met === undefined ? '–' : d.met ? 'yes' : '**no**'} |`)].join('\n');
}

/** In-process rebuild figures next to the CLI's: what process start-up adds to every rebuild. */
export function inProcessTable(figures: readonly InProcessFigures[], results: readonly TaskResult[]): string {
  if (figures.length === 0) return '(pipeline/tools/measure-rebuild.ts not run)';
  const out = ['| scale | how | cold HTML s | one essay changed s | rebuild / cold |', '|---:|---|---:|---:|---:|'];
  const row = (scale: number, how: string, cold: number | undefined, rebuild: number | undefined) =>
    out.push(`| ${scale}× | ${how} | ${s(cold)} | ${s(rebuild)} | ${cold && rebuild ? `${((rebuild / cold) * 100).toFixed(0)}%` : '–'} |`);
  for (const f of figures) {
    row(f.scale, 'CLI, new process each time (`monitor build --format html`)', wall(results, f.scale, 'html-cold'), wall(results, f.scale, 'html-edit'));
    if (f.failure) out.push(`| ${f.scale}× | measure-rebuild.ts failed: ${f.failure} | | | |`);
    if (f.cli) row(f.scale, `build() in one warm process (measure-rebuild.ts, median of ${f.runs})`, f.cli.coldMs, f.cli.rebuildMs);
    if (f.preview) row(f.scale, `preview, memory cache (measure-rebuild.ts, median of ${f.runs})`, f.preview.coldMs, f.preview.rebuildMs);
  }
  return out.join('\n');
}

/** Save → reloaded page through `monitor preview`, each run. */
export function previewTable(figures: readonly PreviewFigures[]): string {
  if (figures.length === 0) return '(not measured)';
  const out = ['| scale | median ms | runs (ms) |', '|---:|---:|---|'];
  for (const f of figures) out.push(`| ${f.scale}× | ${f.medianMs === undefined ? '–' : f.medianMs.toFixed(0)} | ${f.latenciesMs.map((ms) => ms.toFixed(0)).join(', ')}${f.failure ? ` (failed: ${f.failure})` : ''} |`);
  return out.join('\n');
}

export function fullReport(results: readonly TaskResult[], scales: readonly number[], env: Environment, inProcess: readonly InProcessFigures[] = [], preview: readonly PreviewFigures[] = []): string {
  const versions = Object.entries(env.versions).map(([k, v]) => `${k}: ${v}`).join('; ');
  return [
    `Run ${env.date} on ${env.machine}. Load average before: ${env.loadBefore}${env.loadAfter ? `; after: ${env.loadAfter}` : ''}.`,
    `Options: ${env.options}. Versions: ${versions}.`,
    ...(env.missing.length > 0 ? [`Not installed, not measured: ${env.missing.join('; ')}.`] : []),
    '',
    '## Results (medians)',
    '',
    resultTables(results, scales),
    '## Targets',
    '',
    verdictTable(verdicts(results, scales, preview)),
    '',
    '## Preview: save → the edit visible in the browser',
    '',
    previewTable(preview),
    '',
    '## One-essay rebuild: CLI against in-process',
    '',
    inProcessTable(inProcess, results),
    '',
    '## Growth',
    '',
    growthTable(results, scales),
    '',
    '## Where the full build spends its time',
    '',
    profileTable(results, scales),
    '',
  ].join('\n');
}
