/**
 * Every chart of the sample edition plots exactly the base its source note states. The n is
 * read back from the drawn SVG (dots, bar counts, row and legend labels, value labels), never
 * from the plan that wrote the note.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planChart, renderChart, type ChartRequest } from '../../pipeline/stages/charts/index.js';
import { hasSampleData, root, sampleContext } from './sample-data.js';

/** The `::chart` directives of the sample chapters, with the attributes the chart stage reads. */
function directives(): { where: string; request: Partial<ChartRequest> }[] {
  const dir = join(root, 'chapters');
  return readdirSync(dir).filter((f) => f.endsWith('.md')).sort().flatMap((f) =>
    [...readFileSync(join(dir, f), 'utf8').matchAll(/^::chart\[[^\]]*\]\{([^\n]*)\}\s*$/gm)].map((m) => {
      const attrs = Object.fromEntries([...m[1]!.matchAll(/([a-z]+)=("([^"]*)"|[^\s}]+)/g)].map((a) => [a[1]!, a[3] ?? a[2]!]));
      return { where: `${f}: ${m[0].slice(0, 60)}`, request: attrs as Partial<ChartRequest> };
    }));
}

const noteN = (note: string) => Number(/\(n = ([\d,]+)\)/.exec(note)?.[1]?.replace(/,/g, ''));
/** The <text> contents of one Vega mark group (class="mark-… role-mark …"). */
const markTexts = (svg: string, kind: string): string[] =>
  [...svg.matchAll(new RegExp(`<g class="mark-${kind} role-mark[^"]*">(.*?)</g>`, 'g'))].flatMap((g) => [...g[1]!.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((t) => t[1]!));
const markPaths = (svg: string, kind: string): number =>
  [...svg.matchAll(new RegExp(`<g class="mark-${kind} role-mark[^"]*">(.*?)</g>`, 'g'))].reduce((s, g) => s + (g[1]!.match(/<path/g)?.length ?? 0), 0);
/** Could `pct` (a whole percentage) be k of n for some whole k? */
const reachable = (pct: number, n: number) => Array.from({ length: n + 1 }, (_, k) => Math.floor((200 * k + n) / (2 * n))).includes(pct);

describe.skipIf(!hasSampleData())('plotted n = the base in the source note', () => {
  it('holds for every chart in the sample chapters', async () => {
    const ctx = sampleContext();
    const found = directives();
    expect(found.length).toBeGreaterThan(10);
    // The shipped custom histogram too, though no chapter uses it now.
    found.push({ where: 'data/charts/climate-budget-share.vl.json', request: { spec: 'climate-budget-share' } });
    for (const [i, { where, request }] of found.entries()) {
      const r = planChart({ domId: `fig-${i}`, caption: 'c', alt: 'alt', ...request }, ctx);
      if (!r.ok) throw new Error(`${where}: ${r.reason}`);
      const out = await renderChart(r.plan);
      const n = noteN(out.sourceNote);
      expect(n, where).toBeGreaterThan(0);
      const svg = out.svg;
      switch (out.kind) {
        case 'strip':
          expect(markPaths(svg, 'symbol'), where).toBe(n);
          break;
        case 'custom':
          // A histogram: the bar labels count the cities.
          expect(markTexts(svg, 'text').reduce((s, t) => s + Number(t), 0), where).toBe(n);
          break;
        case 'diverging':
        case 'stacked-bars':
          expect(svg, where).toContain(`All cities (n = ${n})`);
          break;
        case 'dumbbell':
          expect(svg, where).toMatch(new RegExp(`2026 \\(n = ${n}\\)`));
          break;
        case 'tiles':
          expect(markTexts(svg, 'text'), where).toContain(String(n));
          break;
        case 'map': {
          const hidden = Number(/^(\d+) responding/.exec(out.notes.join(' '))?.[1] ?? 0);
          expect(markPaths(svg, 'symbol') + hidden, where).toBe(n);
          break;
        }
        case 'ranked-bars': {
          const labels = markTexts(svg, 'text').filter((t) => /^\d+%$/.test(t)).map((t) => Number(t.slice(0, -1)));
          expect(labels.length, where).toBeGreaterThan(0);
          for (const p of labels) expect(reachable(p, n), `${where}: ${p}% of ${n}`).toBe(true);
          break;
        }
        default:
          throw new Error(`${where}: no check for ${out.kind}`);
      }
    }
  }, 120_000);
});
