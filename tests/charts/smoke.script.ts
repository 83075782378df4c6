// Manual smoke run (not a test): renders every chart kind to /tmp/charts-out and prints timings.
import { writeFileSync } from 'node:fs';
import { planChart, renderChart, type ChartRequest } from '../../pipeline/stages/charts/index.js';
import { bundle, specFile } from './fixture.js';
import { readFileSync } from 'node:fs';

const custom = specFile('climate-budget-share', JSON.parse(readFileSync(new URL('../../data/charts/climate-budget-share.vl.json', import.meta.url), 'utf8')));
const ctx = { bundle, language: 'en', customSpecs: [custom] };
const requests: Partial<ChartRequest>[] = [
  { question: 'Q01' }, { question: 'Q05' }, { question: 'Q05', by: 'region' }, { question: 'Q06' },
  { question: 'Q02' }, { question: 'Q04', by: 'region' }, { question: 'Q09' }, { question: 'Q05', compare: 'previous' },
  { type: 'map' }, { type: 'tiles' }, { spec: 'climate-budget-share' },
];
let html = '<html><body style="font-family:sans-serif">';
for (const [i, r] of requests.entries()) {
  const domId = `fig-${i}`;
  const res = planChart({ domId, caption: 'c', alt: `Alt ${i}`, ...r }, ctx);
  if (!res.ok) { console.log(r, res); continue; }
  const t = performance.now();
  const out = await renderChart(res.plan);
  const ms = performance.now() - t;
  console.log(domId, JSON.stringify(r), out.kind, `${ms.toFixed(1)} ms`, `${(out.svg.length / 1024).toFixed(1)} KB`);
  writeFileSync(`/tmp/charts-out/${domId}.svg`, out.svg);
  html += `<figure style="width:160mm;border:1px solid #ccc">${out.svg.replace('<svg ', '<svg style="max-width:100%;height:auto" ')}<figcaption>${out.sourceNote}</figcaption></figure>`;
}
writeFileSync('/tmp/charts-out/all.html', html + '</body></html>');
