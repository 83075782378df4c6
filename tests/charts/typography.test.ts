import { resolveLocale } from '../../pipeline/locale/index.js';
/** Chart text uses the language's typographic quotes, like the prose around it. */
import { describe, expect, it } from 'vitest';
import { planChart, renderChart } from '../../pipeline/stages/charts/index.js';
import { smartenPlan } from '../../pipeline/stages/charts/typography.js';
import { bundle } from './fixture.js';

const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&#39;/g, "'").replace(/&#34;|&quot;/g, '"'));

describe('curly quotes in charts', () => {
  it.each([['en', '’'], ['de', '’']])('%s: source note, notes, table and SVG text', async (language, apostrophe) => {
    const r = planChart({ domId: 'fig-q', caption: 'C', alt: 'A', question: 'Q05', compare: 'previous' }, { bundle, locale: resolveLocale({ language }), customSpecs: [] });
    if (!r.ok) throw new Error(r.reason);
    const out = await renderChart(r.plan);
    expect(out.sourceNote).toContain(`Mayors${language === 'en' ? apostrophe : '‘'} Survey`);
    const shown = [out.sourceNote, ...out.notes, ...out.table.columns.map((c) => c.label), ...out.table.rows.flat().filter((c) => typeof c === 'string'), ...texts(out.svg)];
    for (const t of shown) expect(t, t).not.toMatch(/['"]/);
  });
});

describe('title settings in a chart spec', () => {
  it('keeps the CSS quotes of the font names in the theme’s title settings', () => {
    const r = planChart({ domId: 'fig-q', caption: 'C', alt: 'A', question: 'Q05', compare: 'previous' }, { bundle, locale: resolveLocale({ language: 'en' }), customSpecs: [] });
    if (!r.ok) throw new Error(r.reason);
    const config = (r.plan.spec as { config?: { title?: { font?: string } } }).config;
    // The house theme names its fonts in CSS quotes: a font list with curly quotes names no font.
    expect(config?.title?.font).toMatch(/^"Source Sans 3"/);
    expect(JSON.stringify(r.plan.spec)).not.toMatch(/[“”‘]Source Sans/);
  });

  it('smartens the text and subtitle of a title object, and nothing else in it', () => {
    const r = planChart({ domId: 'fig-q', caption: 'C', alt: 'A', question: 'Q05', compare: 'previous' }, { bundle, locale: resolveLocale({ language: 'en' }), customSpecs: [] });
    if (!r.ok) throw new Error(r.reason);
    const spec = { ...r.plan.spec, title: { text: "Mayors' view", subtitle: ['"Good" or better'], font: '"Source Sans 3", sans-serif' } };
    const out = smartenPlan({ ...r.plan, spec: spec as typeof r.plan.spec }, resolveLocale({ language: 'en' }));
    expect((out.spec as { title?: unknown }).title).toEqual({ text: 'Mayors’ view', subtitle: ['“Good” or better'], font: '"Source Sans 3", sans-serif' });
  });
});
