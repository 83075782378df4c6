import { afterAll, describe, expect, it } from 'vitest';
import { closeChartWorkers, drawPng } from '../../pipeline/stages/charts/workers.js';
import { loadRasterFonts } from '../../pipeline/stages/emit-html/raster-fonts.js';

/**
 * Press images and social cards are drawn with resvg in the chart threads. Its pixmaps live
 * outside V8's heap and are freed only by finalizers that run from the thread's event loop after
 * a collection; without both (chart-worker.ts), every image stayed in memory and a 20× edition's
 * 1,400 images held 3–4 GB. Drawn here through the same pool: 300 social cards, each a 3 MB
 * pixmap, must not grow the process by more than a fraction of that.
 */
afterAll(async () => {
  await closeChartWorkers();
});

describe('drawing many PNGs', () => {
  it('frees each image before the next, so memory stays flat', async () => {
    const fonts = await loadRasterFonts();
    const task = (i: number) => ({
      svg: `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630"><rect width="1200" height="630" fill="#eef3f9"/><text x="60" y="320" font-family="Source Sans 3" font-size="64">Housing in European cities, card ${i}</text></svg>`,
      options: { font: { fontFiles: [...fonts.files], loadSystemFonts: false, defaultFontFamily: 'Source Sans 3' }, background: '#ffffff' },
    });
    // Warm up: threads, Vega and resvg loaded, before the baseline.
    for (let i = 0; i < 20; i++) await drawPng(task(i));
    const before = process.memoryUsage().rss;
    const pngs: number[] = [];
    let next = 20;
    const lane = async () => {
      while (next < 320) {
        const png = await drawPng(task(next++));
        pngs.push(png.byteLength);
      }
    };
    await Promise.all([lane(), lane()]);
    const grown = process.memoryUsage().rss - before;
    expect(pngs.length).toBe(300);
    expect(pngs.every((n) => n > 1000)).toBe(true);
    // 300 pixmaps of 1200 × 630 × 4 bytes are 907 MB; kept, they would all show here.
    expect(grown).toBeLessThan(200 * 1024 * 1024);
  }, 120_000);
});
