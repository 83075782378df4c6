import { afterAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../pipeline/cache/store.js';
import { openMemo } from '../../pipeline/emitters/memo.js';
import { chartImage, drawImages, socialCardImage, type RasterFonts } from '../../pipeline/stages/emit-html/images.js';
import { loadRasterFonts } from '../../pipeline/stages/emit-html/raster-fonts.js';
import { closeChartWorkers } from '../../pipeline/stages/charts/workers.js';

afterAll(() => closeChartWorkers());

const text = { edition: 'Monitor', kind: 'Essay', title: 'Housing in cities', footer: 'Eurocities · 2026' };
/** One social card, drawn as the build draws it. */
const socialCard = async (t: typeof text, fonts: RasterFonts): Promise<Uint8Array> => (await drawImages([socialCardImage('card.png', t, undefined)], fonts)).get('card.png')!;
const isPng = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 8)).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

describe('press images and social cards are drawn once per input', () => {
  it('an image whose input was drawn before comes from the memo, not the rasteriser', async () => {
    const fonts = await loadRasterFonts();
    const marker = new Uint8Array([1, 2, 3]);
    const asked: string[] = [];
    const memo = { get: (key: string) => (asked.push(key), marker), set: () => undefined };
    expect(await socialCard(text, { ...fonts, memo })).toEqual(marker);
    expect(asked).toHaveLength(1);
    // Another title is another input: another key.
    await socialCard({ ...text, title: 'Mobility' }, { ...fonts, memo });
    expect(new Set(asked).size).toBe(2);
  });

  it('a second build reuses the first build’s images through the cache, byte for byte', async () => {
    const fonts = await loadRasterFonts();
    const store = new MemoryStore();
    const first = await openMemo<Uint8Array>(store, 'raster');
    const drawn = await socialCard(text, { ...fonts, memo: first });
    expect(isPng(drawn)).toBe(true);
    const second = await openMemo<Uint8Array>(store, 'raster');
    const keys: string[] = [];
    const made: string[] = [];
    const spy = { get: (k: string) => (keys.push(k), second?.get(k)), set: (k: string, png: Uint8Array) => (made.push(k), second?.set(k, png)) };
    const again = await socialCard(text, { ...fonts, memo: spy });
    expect(Buffer.from(again).equals(Buffer.from(drawn))).toBe(true);
    expect(second?.get(keys[0]!)).toEqual(drawn);
    expect(made).toEqual([]);
    // One entry per image, under a hash of its input: another title is not found.
    await socialCard({ ...text, title: 'Mobility' }, { ...fonts, memo: spy });
    expect(made).toHaveLength(1);
    expect(await store.size('raster')).toBe(2);
  });

  it('an image found in the memo is not laid out again; whatever its SVG is made from is in its key', async () => {
    const fonts = await loadRasterFonts();
    const job = socialCardImage('card.png', text, undefined);
    let laidOut = 0;
    const counted = { ...job, svg: () => (laidOut++, job.svg()) };
    const store = new MemoryStore();
    await drawImages([counted], { ...fonts, memo: await openMemo<Uint8Array>(store, 'raster') });
    expect(laidOut).toBe(1);
    await drawImages([counted], { ...fonts, memo: await openMemo<Uint8Array>(store, 'raster') });
    expect(laidOut).toBe(1);
    // Every part of a press image changes its SVG, and its input with it.
    const figure = { svg: '<svg viewBox="0 0 640 400"></svg>', number: '1.1', caption: 'Rents', sourceNote: 'Source: survey' } as never;
    const variants = [
      chartImage('a.png', figure, 'Figure', 'Credit'),
      chartImage('a.png', { ...(figure as object), svg: '<svg viewBox="0 0 640 300"></svg>' } as never, 'Figure', 'Credit'),
      chartImage('a.png', { ...(figure as object), number: '1.2' } as never, 'Figure', 'Credit'),
      chartImage('a.png', { ...(figure as object), caption: 'Prices' } as never, 'Figure', 'Credit'),
      chartImage('a.png', { ...(figure as object), sourceNote: 'Source: census' } as never, 'Figure', 'Credit'),
      chartImage('a.png', figure, 'Abbildung', 'Credit'),
      chartImage('a.png', figure, 'Figure', 'Another credit'),
    ];
    expect(new Set(variants.map((v) => v.svg())).size).toBe(variants.length);
    expect(new Set(variants.map((v) => v.input)).size).toBe(variants.length);
  });

  it('draws the same bytes, in the jobs’ order, one at a time or several at once', async () => {
    const fonts = await loadRasterFonts();
    const jobs = ['Housing', 'Mobility', 'Climate'].map((title) => socialCardImage(`${title}.png`, { ...text, title }, undefined));
    const one = await drawImages(jobs, fonts, 1);
    const three = await drawImages(jobs, fonts, 3);
    expect([...three.keys()]).toEqual(['Housing.png', 'Mobility.png', 'Climate.png']);
    for (const [name, png] of one) expect(Buffer.from(three.get(name) ?? []).equals(Buffer.from(png)), name).toBe(true);
    expect(new Set([...one.values()].map((png) => Buffer.from(png).toString('base64'))).size).toBe(3);
  });
});
