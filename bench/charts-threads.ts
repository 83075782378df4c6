// Chart drawing time in one process (a script, not a test): `npx tsx bench/charts-threads.ts [runs]`.
// Plans the sample edition's charts, then draws them all (a) one after another in this thread,
// Vega load included, and (b) through the worker pool, threads started and Vega loaded included.
// Prints the median wall time of each over the runs, alternating the two to share the machine's load.
import { planChart, type ChartPlan, type ChartRequest } from '../pipeline/stages/charts/index.js';
import { drawSvg } from '../pipeline/stages/charts/draw.js';
import { renderSvg } from '../pipeline/stages/charts/render.js';
import { closeChartWorkers, chartLimits } from '../pipeline/stages/charts/workers.js';
import { sampleContext } from '../tests/charts/sample-data.js';

const runs = Number(process.argv[2] ?? 3);
const ctx = sampleContext();
const survey = ctx.bundle.surveys.get('pulse-2026')!;
const requests: Partial<ChartRequest>[] = [{ type: 'map' }, { type: 'tiles' }, { spec: 'climate-budget-share' }];
for (const q of survey.questions) if (q.type !== 'open') requests.push({ question: q.id });
const plans: ChartPlan[] = [];
for (const [i, req] of requests.entries()) {
  const r = planChart({ domId: `fig-${i}`, caption: 'c', alt: 'alt', ...req }, ctx);
  if (r.ok) plans.push(r.plan);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const main: number[] = [];
const pool: number[] = [];
const warm: number[] = [];
for (let run = 0; run < runs; run++) {
  let t = performance.now();
  for (const p of plans) await drawSvg(p.spec, { basemap: p.basemap });
  main.push(performance.now() - t);
  t = performance.now();
  await Promise.all(plans.map((p) => renderSvg(p.spec, { basemap: p.basemap })));
  pool.push(performance.now() - t);
  t = performance.now();
  await Promise.all(plans.map((p) => renderSvg(p.spec, { basemap: p.basemap })));
  warm.push(performance.now() - t);
  await closeChartWorkers();
}
console.log(`${plans.length} charts, ${chartLimits().threads} threads, ${runs} runs`);
console.log(`main thread, one after another (Vega loaded once, first run only): ${main.map(Math.round).join(', ')} ms; median ${Math.round(median(main))} ms`);
console.log(`worker pool, threads already running: ${warm.map(Math.round).join(', ')} ms; median ${Math.round(median(warm))} ms`);
console.log(`worker pool, threads started each run: ${pool.map(Math.round).join(', ')} ms; median ${Math.round(median(pool))} ms`);
