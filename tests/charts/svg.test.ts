import { resolveLocale } from '../../pipeline/locale/index.js';
/** The SVG as readers and the tagged PDF see it: one accessible image per chart, unique ids, no scripts. */
import { describe, expect, it } from 'vitest';
import { planChart, renderChart, type ChartRequest } from '../../pipeline/stages/charts/index.js';
import { finishSvg } from '../../pipeline/stages/charts/svg-a11y.js';
import { bundle } from './fixture.js';

const ctx = { bundle, locale: resolveLocale({ language: 'en' }), customSpecs: [] };

async function render(domId: string, req: Partial<ChartRequest>) {
  const r = planChart({ domId, caption: 'Caption', alt: `Alt for ${domId} <&>`, ...req }, ctx);
  if (!r.ok) throw new Error(r.reason);
  return renderChart(r.plan);
}

const ids = (svg: string) => [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);

describe('rendered SVG', () => {
  it.each([
    ['ranked', { question: 'Q01' }],
    ['stacked', { question: 'Q05', by: 'region' }],
    ['diverging', { question: 'Q02' }],
    ['strip', { question: 'Q09' }],
    ['dumbbell', { question: 'Q05', compare: 'previous' }],
    ['tiles', { type: 'tiles' }],
  ] as const)('%s: role="img", named by <title>, described by <desc>, inner marks hidden', async (_name, req) => {
    const out = await render('fig-a', req);
    const root = /^<svg\b[^>]*>/.exec(out.svg)![0];
    expect(root).toContain('role="img"');
    expect(root).toContain('aria-labelledby="fig-a-title"');
    expect(root).toContain('aria-describedby="fig-a-desc"');
    expect(out.svg).toContain('<title id="fig-a-title">Alt for fig-a &#60;&#38;&#62;</title>');
    // The description says what kind of chart it is; it does not repeat the alt text.
    expect(out.svg).toMatch(/<desc id="fig-a-desc">(?!Alt for).+<\/desc>/);
    expect(out.svg).toMatch(/<\/desc><g aria-hidden="true">/);
    // Exactly one role in the document (the root), no aria labels inside that would become PDF Figures.
    expect(out.svg.match(/\srole="/g)).toHaveLength(1);
    expect(out.svg).not.toMatch(/aria-label=|aria-roledescription=/);
    expect(out.svg).not.toMatch(/<script|\son[a-z]+=/i);
    expect(out.svg.match(/aria-hidden="true"/g)).toHaveLength(1);
  });

  it('draws no empty rows for suppressed groups: the note under the chart names them with n', async () => {
    const out = await render('fig-b', { question: 'Q05', by: 'region' });
    expect(out.svg).not.toContain('Nordic');
    expect(out.svg).not.toContain('not shown');
    expect(out.notes.join(' ')).toContain('Nordic (n = 5)');
  });

  it('gives two charts in one document disjoint, domId-prefixed ids', async () => {
    const a = await render('fig-one', { question: 'Q02' });
    const b = await render('fig-two', { question: 'Q02' });
    const all = [...ids(a.svg), ...ids(b.svg)];
    expect(new Set(all).size).toBe(all.length);
    expect(ids(a.svg).every((id) => id.startsWith('fig-one-'))).toBe(true);
    expect(ids(b.svg).every((id) => id.startsWith('fig-two-'))).toBe(true);
    // Every url(#…) points at an id of the same chart.
    for (const svg of [a.svg, b.svg]) {
      const own = new Set(ids(svg));
      for (const m of svg.matchAll(/url\(#([^)]+)\)/g)) expect(own.has(m[1]!)).toBe(true);
    }
  });

  it('is deterministic: the same plan renders the same bytes, whatever was rendered before', async () => {
    const first = await render('fig-c', { question: 'Q04', by: 'region' });
    await render('fig-d', { question: 'Q02' }); // advances Vega's global clip counter
    const again = await render('fig-c', { question: 'Q04', by: 'region' });
    expect(again.svg).toBe(first.svg);
  });

  it('renders the map from world-atlas with a clipped Europe frame', async () => {
    const out = await render('fig-map', { type: 'map' });
    expect(out.kind).toBe('map');
    expect(out.svg.match(/<path/g)!.length).toBeGreaterThan(30);
    expect(out.svg.length).toBeLessThan(400_000);
  });

  it('strips scripts, handlers and javascript: links that might reach it', () => {
    const svg = finishSvg(
      '<svg width="10" height="10" onload="x()"><g role="graphics-object" aria-label="Bar" onclick="y()"><a href="javascript:alert(1)"><path d="M0.123456,1.98765"/></a><script>alert(1)</script><clipPath id="clip7"/><g clip-path="url(#clip7)"/></g></svg>',
      { domId: 'f', title: 'T', desc: 'D' },
    );
    expect(svg).not.toMatch(/script|onload|onclick|javascript|aria-label=|graphics-object/);
    expect(svg).toContain('<clipPath id="f-1"/><g clip-path="url(#f-1)"/>');
    expect(svg).toContain('d="M0.1,2"');
  });
});
