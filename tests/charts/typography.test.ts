import { resolveLocale } from '../../pipeline/locale/index.js';
/** Chart text uses the language's typographic quotes, like the prose around it. */
import { describe, expect, it } from 'vitest';
import { planChart, renderChart } from '../../pipeline/stages/charts/index.js';
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
