import { resolveLocale } from '../../pipeline/locale/index.js';
/**
 * Custom specs name data by dataset id only. Anything that could read a file or reach the
 * network is refused before anything runs, and the renderer's loader refuses everything as a
 * second line: a local HTTP server counts the requests that get through (must be 0).
 */
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { planChart, renderChart } from '../../pipeline/stages/charts/index.js';
import { RenderError, renderSvg } from '../../pipeline/stages/charts/render.js';
import { bundle, specFile, survey } from './fixture.js';

let server: Server;
let requests = 0;
let base = '';

beforeAll(async () => {
  server = createServer((_req, res) => {
    requests++;
    res.end('a,b\n1,2\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const plan = (name: string, spec: unknown) =>
  planChart({ domId: 'fig-custom', caption: 'c', alt: 'a', spec: name }, { bundle, locale: resolveLocale({ language: 'en' }), customSpecs: [specFile(name, spec)] });

const bar = { mark: 'bar', encoding: { x: { field: 'value', type: 'quantitative' } } };

describe('custom specs', () => {
  const hostile: [string, () => unknown][] = [
    ['data.url to a local file', () => ({ ...bar, data: { url: '/etc/passwd' } })],
    ['data.url relative', () => ({ ...bar, data: { url: '../x.csv' } })],
    ['data.url over http', () => ({ ...bar, data: { url: `${base}/data.csv` } })],
    ['url in a layer', () => ({ layer: [{ ...bar, data: { url: `${base}/layer.csv` } }] })],
    ['url in a lookup transform', () => ({ ...bar, data: { name: 'pulse-2026:Q14' }, transform: [{ lookup: 'city', from: { data: { url: `${base}/lookup.csv` }, key: 'city', fields: ['x'] } }] })],
    ['image mark with url', () => ({ data: { name: 'pulse-2026:Q14' }, mark: { type: 'image' }, encoding: { url: { value: `${base}/img.png` } } })],
    ['image mark by name', () => ({ data: { name: 'pulse-2026:Q14' }, mark: 'image' })],
    ['datasets', () => ({ ...bar, data: { name: 'x' }, datasets: { x: [{ value: 1 }] } })],
    ['datasets with url', () => ({ ...bar, data: { name: 'x' }, datasets: { x: { url: `${base}/ds.csv` } } })],
    ['inline values', () => ({ ...bar, data: { values: [{ value: 1 }] } })],
    ['href links', () => ({ ...bar, data: { name: 'pulse-2026:Q14' }, encoding: { ...bar.encoding, href: { value: `${base}/` } } })],
  ];

  it.each(hostile)('refuses %s with chart-spec naming the file, and requests nothing', (_name, make) => {
    const r = plan('hostile', make());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.rule).toBe('chart-spec');
    expect(r.reason).toContain('data/charts/hostile.vl.json');
    expect(requests).toBe(0);
  });

  it('reports the JSON path of a url', () => {
    const r = plan('p', { layer: [bar, { ...bar, data: { url: 'x.csv' } }] });
    expect(!r.ok && r.reason).toContain('/layer/1/data/url');
  });

  it('refuses unknown datasets, open questions, bad JSON and missing files', () => {
    const reason = (r: ReturnType<typeof plan>) => (r.ok ? 'ok' : `${r.rule}: ${r.reason}`);
    expect(reason(plan('a', { ...bar, data: { name: 'pulse-2026:Q99' } }))).toMatch(/chart-spec: .*Q99/);
    expect(reason(plan('a', { ...bar, data: { name: 'other:Q14' } }))).toMatch(/chart-spec: .*survey "other"/);
    expect(reason(plan('a', { ...bar, data: { name: 'pulse-2026:Q15' } }))).toMatch(/never published/);
    expect(reason(plan('a', '{"mark": "bar",'))).toMatch(/chart-spec: data\/charts\/a.vl.json is not valid UTF-8 JSON/);
    expect(reason(plan('a', bar))).toMatch(/names no data/);
    expect(reason(planChart({ domId: 'f', caption: 'c', alt: 'a', spec: '../../etc/passwd' }, { bundle, locale: resolveLocale({ language: 'en' }), customSpecs: [] }))).toMatch(/chart-spec/);
  });

  it('the renderer refuses every load by itself (second line), and nothing reaches the server', async () => {
    const specs: TopLevelSpec[] = [
      { ...bar, data: { url: `${base}/direct.csv` } } as TopLevelSpec,
      { ...bar, data: { url: '/etc/passwd', format: { type: 'csv' } } } as TopLevelSpec,
      { ...bar, data: { url: 'file:///etc/passwd' } } as TopLevelSpec,
      { data: { values: [{ u: `${base}/i.png` }] }, mark: 'image', encoding: { url: { field: 'u' } } } as TopLevelSpec,
    ];
    for (const spec of specs) await expect(renderSvg(spec, { basemap: null })).rejects.toBeInstanceOf(RenderError);
    expect(requests).toBe(0);
  });

  it('draws the shipped climate-budget-share spec from per-city rows, naming only consenting cities', async () => {
    const text = readFileSync(new URL('../../data/charts/climate-budget-share.vl.json', import.meta.url), 'utf8');
    const r = plan('climate-budget-share', text);
    if (!r.ok) throw new Error(r.reason);
    const rows = r.plan.table.rows;
    const q14 = survey.data.columns.get('Q14')!;
    expect(rows).toHaveLength([...q14].filter((v) => !Number.isNaN(v)).length);
    const anonymous = survey.data.cityCodes.filter((_, i) => survey.data.consent[i] === 0).map((c) => bundle.citiesByCode.get(c)!.name);
    for (const name of anonymous) expect(JSON.stringify(r.plan)).not.toContain(name);
    expect(rows.filter((row) => String(row[0]).startsWith('Anonymous city ')).length).toBe(
      survey.data.cityCodes.filter((_, i) => survey.data.consent[i] === 0 && !Number.isNaN(q14[i]!)).length,
    );
    expect(r.plan.sourceNote).toContain('Q14: What share of your city');
    const out = await renderChart(r.plan);
    expect(out.svg).toContain('role="img"');
    expect(out.svg).toContain('Number of cities');
    expect(requests).toBe(0);
  });
});
