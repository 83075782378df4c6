import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitPdf } from '../../pipeline/stages/emit-pdf/index.js';
import { loadLayout, storeLayout, type CachedLayout, type LayoutStore } from '../../pipeline/stages/emit-pdf/layout-cache.js';
import { makeEdition } from './fixture.js';

// A rebuild of the same print document prints once, with the layout the last build found, and
// gives the same bytes; a wrong stored layout costs passes, never a wrong page number.
const edition = makeEdition({ chapters: 4, sectionsPerChapter: 4, paragraphsPerSection: 3, repeatedSections: true, crossRefs: true });
const stored = new Map<string, unknown>();
const store: LayoutStore = {
  get: async (ns, key) => stored.get(`${ns}/${key}`),
  set: (ns, key, value) => void stored.set(`${ns}/${key}`, value),
};
let dir: string;
let printCss: string;

async function build(name: string): Promise<{ bytes: Uint8Array; passes: number; lines: string[] }> {
  const lines: string[] = [];
  const result = await emitPdf(edition, { keepPrintHtml: false, styles: { printCss }, layoutStore: store, log: (l) => lines.push(l) });
  const passes = Number(/(\d+) print pass/.exec(lines.find((l) => l.includes('print pass')) ?? '')?.[1] ?? NaN);
  return { bytes: result.data, passes, lines };
}

let cold: { bytes: Uint8Array; passes: number; lines: string[] };
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'monitor-layout-cache-test-'));
  printCss = await readFile(new URL('../../styles/print.css', import.meta.url), 'utf8');
  cold = await build('cold');
}, 120_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the print layout kept between builds', () => {
  it('a cold build measures first (laid out in columns, not printed) and stores the layout', () => {
    expect(cold.lines.some((l) => l.startsWith('pdf: pass 1 (measure, in columns)'))).toBe(true);
    expect(cold.passes).toBeGreaterThanOrEqual(1);
    expect(stored.size).toBe(1);
  });

  it('a rebuild of the same document prints once and gives the same bytes', async () => {
    const warm = await build('warm');
    expect(warm.passes).toBe(1);
    expect(Buffer.from(warm.bytes).equals(Buffer.from(cold.bytes))).toBe(true);
  }, 120_000);

  it('a wrong stored layout is caught by the read-back: more passes, the same true numbers', async () => {
    const [key, value] = [...stored.entries()][0] as [string, { tocPages: [string, number][]; refPages: [string, number][] }];
    const shift = (pairs: [string, number][]): [string, number][] => pairs.map(([k, n], i) => [k, i === pairs.length - 1 ? n + 1 : n]);
    stored.set(key, { ...value, tocPages: shift(value.tocPages), refPages: shift(value.refPages) });
    const wrong = await build('wrong');
    expect(wrong.passes).toBeGreaterThanOrEqual(2);
    expect(Buffer.from(wrong.bytes).equals(Buffer.from(cold.bytes))).toBe(true);
  }, 180_000);

  it('keeps the chapters set to save a short last page, and refuses a setting it does not know', () => {
    const layout: CachedLayout = {
      layout: { tocPages: new Map([['a--title', 9]]), blankBefore: new Set(['b--title']), refPages: new Map([['fig-1', 12]]), digits: 2 },
      words: [],
      fitted: [{ id: 'chapter-a', fit: 'tight' }, { id: 'chapter-b', fit: 'loose' }],
    };
    const stored = JSON.parse(JSON.stringify(storeLayout(layout))) as ReturnType<typeof storeLayout>;
    expect(loadLayout(stored)).toEqual(layout);
    expect(loadLayout({ ...stored, fitted: [['chapter-a', 'wide']] })).toBeUndefined();
    expect(loadLayout({ ...stored, fitted: undefined })).toBeUndefined();
  });
});
