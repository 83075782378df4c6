/**
 * Charts on a phone and on a desktop, measured in real Chromium on the built web edition: every
 * visible chart text renders at ≥ 11 px at a 375 px viewport and ≥ 12 px at 1280 px, and no
 * chart is wider than the viewport. The rendered size is the text's font size times the SVG's
 * on-screen scale (getScreenCTM), i.e. what the reader sees, whatever the markup says.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { buildInto, htmlPages, launchChromium, removeDir, serveDir, type LaunchedChromium, type StaticServer } from '../a11y/harness.js';

let out: string | undefined;
let server: StaticServer | undefined;
let chromium: LaunchedChromium | undefined;
let page: Page;
let pages: string[] = [];

beforeAll(async () => {
  const built = await buildInto('html');
  out = built.out;
  const site = path.join(out, 'html');
  pages = await htmlPages(site);
  server = await serveDir(site);
  chromium = await launchChromium();
  page = await chromium.browser.newPage();
}, 180_000);

afterAll(async () => {
  await chromium?.close();
  await server?.close();
  await removeDir(out);
});

interface Measure { charts: number; texts: number; smallest: number; smallestText: string; largest: number; tooWide: string[]; notOneImage: number }

async function measure(width: number): Promise<Measure> {
  await page.setViewport({ width, height: 900 });
  const total: Measure = { charts: 0, texts: 0, smallest: Infinity, smallestText: '', largest: 0, tooWide: [], notOneImage: 0 };
  for (const p of pages) {
    await page.goto(`${server!.origin}${p}`, { waitUntil: 'load' });
    const m = await page.evaluate((viewport) => {
      const r = { charts: 0, texts: 0, smallest: 999, smallestText: '', largest: 0, tooWide: [] as string[], notOneImage: 0 };
      for (const svg of Array.from(document.querySelectorAll<SVGSVGElement>('.chart-svg svg'))) {
        // The drawing not chosen for this width must be out of view and out of the
        // accessibility tree (display: none on it or its box does both).
        if (svg.getBoundingClientRect().width === 0) {
          if (getComputedStyle(svg.parentElement!).display !== 'none' && getComputedStyle(svg).display !== 'none') r.notOneImage++;
          continue;
        }
        // The one shown is the accessible image.
        if (svg.getAttribute('role') !== 'img' || !svg.querySelector('title')?.textContent) r.notOneImage++;
        r.charts++;
        const box = svg.getBoundingClientRect();
        if (box.right > viewport + 0.5 || box.width > viewport) r.tooWide.push(`${svg.id || svg.getAttribute('aria-labelledby')}: ${Math.round(box.width)} px`);
        for (const t of Array.from(svg.querySelectorAll<SVGTextElement>('text'))) {
          if (!t.textContent?.trim()) continue;
          const ctm = t.getScreenCTM();
          if (!ctm) continue;
          const style = getComputedStyle(t);
          // Text drawn invisibly (Vega's zero-size or transparent placeholders) is not read.
          if (parseFloat(style.fontSize) === 0 || style.opacity === '0' || style.visibility === 'hidden') continue;
          const px = parseFloat(style.fontSize) * Math.hypot(ctm.a, ctm.b);
          if (px < r.smallest) r.smallestText = t.textContent.trim();
          r.texts++;
          r.smallest = Math.min(r.smallest, px);
          r.largest = Math.max(r.largest, px);
        }
      }
      return r;
    }, width);
    total.charts += m.charts;
    total.texts += m.texts;
    if (m.smallest < total.smallest) total.smallestText = `${p}: "${m.smallestText}"`;
    total.smallest = Math.min(total.smallest, m.smallest);
    total.largest = Math.max(total.largest, m.largest);
    total.tooWide.push(...m.tooWide.map((w) => `${p} ${w}`));
    total.notOneImage += m.notOneImage;
  }
  return total;
}

describe('chart text on screen', () => {
  it.each([[375, 11], [1280, 12]])('at %i px every chart text is at least %i px and no chart is wider than the viewport', async (width, min) => {
    const m = await measure(width);
    console.log(`viewport ${width}: ${m.charts} charts, ${m.texts} texts, ${m.smallest.toFixed(2)}–${m.largest.toFixed(2)} px (smallest: ${m.smallestText}); too wide: ${m.tooWide.length}`);
    expect(m.charts).toBeGreaterThan(15);
    expect(m.tooWide).toEqual([]);
    expect(m.notOneImage).toBe(0);
    expect(m.smallest).toBeGreaterThanOrEqual(min);
  }, 120_000);
});
