// Render-time measurement (a script, not a test): `npx tsx tests/charts/render-times.script.ts [--out DIR]`.
// Renders every chart of the sample edition three times in one process and prints the median
// wall time of renderChart per chart (performance.now around the await), plus planChart time.
import { mkdirSync, writeFileSync } from 'node:fs';
import { planChart, renderChart, type ChartRequest } from '../../pipeline/stages/charts/index.js';
import { sampleContext } from './sample-data.js';

const outDir = process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1] : undefined;
const ctx = sampleContext();
if (ctx.problems.length) console.log('data problems:', ctx.problems.slice(0, 5));
const survey = ctx.bundle.surveys.get('pulse-2026')!;
const requests: Partial<ChartRequest>[] = [{ type: 'map' }, { type: 'tiles' }, { spec: 'climate-budget-share' }];
for (const q of survey.questions) {
  if (q.type === 'open') continue;
  requests.push({ question: q.id });
  if (['single', 'likert', 'scale_0_10'].includes(q.type)) requests.push({ question: q.id, by: 'region' });
  if (survey.previous?.questions.has(q.id)) requests.push({ question: q.id, compare: 'previous' });
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const renderTimes: number[] = [];
const planTimes: number[] = [];
if (outDir) mkdirSync(outDir, { recursive: true });
const t0 = performance.now();
for (const [i, req] of requests.entries()) {
  const domId = `fig-${i}`;
  let p0 = performance.now();
  const r = planChart({ domId, caption: 'c', alt: 'alt', ...req }, ctx);
  planTimes.push(performance.now() - p0);
  if (!r.ok) { console.log(JSON.stringify(req), r.rule, r.reason); continue; }
  const runs: number[] = [];
  let svg = '';
  for (let k = 0; k < 3; k++) {
    p0 = performance.now();
    svg = (await renderChart(r.plan)).svg;
    runs.push(performance.now() - p0);
  }
  renderTimes.push(median(runs));
  console.log(`${domId.padEnd(7)} ${JSON.stringify(req).padEnd(42)} ${r.plan.kind.padEnd(13)} render ${median(runs).toFixed(1).padStart(6)} ms (first ${runs[0]!.toFixed(1)})  ${(svg.length / 1024).toFixed(1)} KB`);
  if (outDir) writeFileSync(`${outDir}/${domId}.svg`, svg);
}
console.log(`${requests.length} charts; plan median ${median(planTimes).toFixed(2)} ms; render median ${median(renderTimes).toFixed(1)} ms; whole run ${(performance.now() - t0).toFixed(0)} ms (3 renders each)`);
