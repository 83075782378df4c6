import path from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Edition } from '../../pipeline/model/edition.js';
import {
  buildInto,
  describeViolations,
  htmlPages,
  launchChromium,
  removeDir,
  runAxe,
  serveDir,
  type LaunchedChromium,
  type StaticServer,
} from './harness.js';

// The whole sample edition, built with the real build(), served over loopback, read by Chromium.
let out: string | undefined;
let edition: Edition;
let server: StaticServer | undefined;
let chromium: LaunchedChromium | undefined;
let pages: string[] = [];
let page: Page;

beforeAll(async () => {
  const built = await buildInto('html');
  out = built.out;
  edition = built.edition;
  const site = path.join(out, 'html');
  pages = await htmlPages(site);
  server = await serveDir(site);
  chromium = await launchChromium();
  page = await chromium.browser.newPage();
  // Only so axe can be injected: the pages' CSP forbids inline scripts, as it should.
  await page.setBypassCSP(true);
}, 300_000);

afterAll(async () => {
  await chromium?.close();
  await server?.close();
  await removeDir(out);
});

async function open(pagePath: string, width = 1280): Promise<void> {
  await page.setViewport({ width, height: 900 });
  await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'no-preference' }]);
  const response = await page.goto(`${server?.origin}${pagePath}`, { waitUntil: 'load' });
  expect(response?.status(), pagePath).toBe(200);
}

const chapterWithFigures = () => {
  const chapter = edition.chapters.find((c) => c.figures.length >= 2 && c.frontMatter.kind === 'essay');
  if (!chapter) throw new Error('the sample edition has no essay with figures');
  return chapter;
};

describe('the sample edition’s web pages', () => {
  it('are all built: index, every chapter, case studies and the accessibility statement', () => {
    expect(pages).toContain('index.html');
    expect(pages).toContain('case-studies/index.html');
    expect(pages).toContain('accessibility/index.html');
    for (const c of edition.chapters) expect(pages).toContain(`${c.slug}/index.html`);
  });

  it('have no axe-core violations of WCAG 2.1 A and AA, with data tables open, at desktop and phone widths', async () => {
    const problems: string[] = [];
    for (const p of pages) {
      await open(p);
      // Closed <details> hide the data tables from axe: open them all so their contrast and headers are checked too.
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      problems.push(...describeViolations(`${p} (1280 px)`, await runAxe(page)));
      await page.setViewport({ width: 360, height: 740 });
      problems.push(...describeViolations(`${p} (360 px)`, await runAxe(page)));
    }
    expect(problems).toEqual([]);
    // The explorers' theme, country, format and effort pages more than double the page count.
  }, 900_000);

  it('reflow to 320 px without horizontal scrolling of the page (WCAG 1.4.10)', async () => {
    const wide: string[] = [];
    for (const p of pages) {
      await open(p, 320);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) wide.push(`${p}: ${overflow} px too wide`);
    }
    expect(wide).toEqual([]);
  }, 120_000);

  it('each have one banner, main and contentinfo, the chapter navigation, one h1, no skipped heading level and no positive tabindex', async () => {
    const problems: string[] = [];
    for (const p of pages) {
      await open(p);
      const facts = await page.evaluate(() => {
        const count = (selector: string) => document.querySelectorAll(selector).length;
        const levels = Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6')).map((h) => Number(h.tagName.slice(1)));
        const skips = levels.flatMap((level, i) => (i > 0 && level > (levels[i - 1] ?? 0) + 1 ? [`h${levels[i - 1]} → h${level}`] : []));
        return {
          lang: document.documentElement.lang,
          banner: count('body > header'),
          main: count('main'),
          contentinfo: count('body > footer'),
          navs: Array.from(document.querySelectorAll('nav')).map((n) => n.getAttribute('aria-label') ?? ''),
          h1: count('h1'),
          firstHeading: levels[0],
          skips,
          positiveTabindex: Array.from(document.querySelectorAll('[tabindex]')).filter((e) => Number(e.getAttribute('tabindex')) > 0).length,
          statementLink: !!document.querySelector('footer a[href$="accessibility/"]'),
        };
      });
      const expected = { lang: 'en', banner: 1, main: 1, contentinfo: 1, h1: 1, firstHeading: 1, skips: [], positiveTabindex: 0, statementLink: true };
      const { navs, ...rest } = facts;
      if (JSON.stringify(rest) !== JSON.stringify(expected)) problems.push(`${p}: ${JSON.stringify(rest)}`);
      if (!navs.includes('Chapters')) problems.push(`${p}: no navigation landmark named "Chapters" (${navs.join(', ')})`);
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('start with a visible skip link that moves focus to main', async () => {
    const chapter = chapterWithFigures();
    await open(`${chapter.slug}/`);
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const a = document.activeElement as HTMLAnchorElement;
      const box = a.getBoundingClientRect();
      return { text: a.textContent, href: a.getAttribute('href'), visible: box.top >= 0 && box.height > 0 };
    });
    expect(skip).toEqual({ text: 'Skip to content', href: '#main', visible: true });
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MAIN');
    // The next Tab continues inside main, not back at the banner.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
  });

  it('show a visible focus outline on links, in the banner and in the content', async () => {
    const chapter = chapterWithFigures();
    await open(`${chapter.slug}/`);
    const outlines: { where: string; style: string; width: number; colour: string }[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      outlines.push(
        await page.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          const s = getComputedStyle(el);
          return { where: el.closest('header') ? 'banner' : el.closest('main') ? 'main' : 'other', style: s.outlineStyle, width: parseFloat(s.outlineWidth), colour: s.outlineColor };
        }),
      );
    }
    for (const o of outlines) {
      expect(o.style).toBe('solid');
      expect(o.width).toBeGreaterThanOrEqual(2);
    }
    // On the dark banner the outline is white; elsewhere it is the focus colour.
    expect(outlines.find((o) => o.where === 'banner')?.colour).toBe('rgb(255, 255, 255)');
  });

  it('reach every link and control with Tab, and open and close data tables with Enter and Space', async () => {
    const chapter = chapterWithFigures();
    await open(`${chapter.slug}/`);
    const focusable = await page.evaluate(() => {
      // Controls inside closed <details> are not rendered, so not focusable until opened.
      const list = Array.from(document.querySelectorAll<HTMLElement>('a[href], summary, button, input, select, textarea, [tabindex="0"]')).filter(
        (el) => el.checkVisibility(),
      );
      list.forEach((el, i) => el.setAttribute('data-a11y-index', String(i)));
      return list.length;
    });
    const reached = new Set<string>();
    for (let i = 0; i < focusable + 5; i++) {
      await page.keyboard.press('Tab');
      const index = await page.evaluate(() => document.activeElement?.getAttribute('data-a11y-index') ?? null);
      if (index !== null) reached.add(index);
    }
    const missed = await page.evaluate(
      (seen) => Array.from(document.querySelectorAll<HTMLElement>('[data-a11y-index]')).filter((el) => !seen.includes(el.dataset['a11yIndex'] ?? '')).map((el) => el.outerHTML.slice(0, 120)),
      [...reached],
    );
    expect(missed).toEqual([]);
    expect(reached.size).toBe(focusable);

    const summary = (await page.$('figure.chart details summary')) ?? undefined;
    expect(summary).toBeDefined();
    await summary?.focus();
    const isOpen = () => page.evaluate(() => (document.activeElement?.parentElement as HTMLDetailsElement).open);
    expect(await isOpen()).toBe(false);
    await page.keyboard.press('Enter');
    expect(await isOpen()).toBe(true);
    await page.keyboard.press('Space');
    expect(await isOpen()).toBe(false);
  }, 60_000);

  it('respect prefers-reduced-motion: no smooth scrolling, animations or transitions under reduce', async () => {
    const chapter = chapterWithFigures();
    await open(`${chapter.slug}/`);
    const motion = () =>
      page.evaluate(() => {
        const moving = Array.from(document.querySelectorAll('*')).filter((el) => {
          const s = getComputedStyle(el);
          const seconds = (v: string) => Math.max(...v.split(',').map((t) => parseFloat(t) * (t.trim().endsWith('ms') ? 0.001 : 1)));
          return (s.animationName !== 'none' && seconds(s.animationDuration) > 0) || seconds(s.transitionDuration) > 0;
        });
        return { scroll: getComputedStyle(document.documentElement).scrollBehavior, moving: moving.length, animations: document.getAnimations().length };
      });
    // The query is really there: without a preference the page scrolls smoothly.
    expect((await motion()).scroll).toBe('smooth');
    await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    expect(await motion()).toEqual({ scroll: 'auto', moving: 0, animations: 0 });
  });

  it('give every chart one accessible image named by its alt text, and a data table with caption and scoped headers', async () => {
    const problems: string[] = [];
    for (const chapter of edition.chapters.filter((c) => c.figures.length > 0)) {
      await open(`${chapter.slug}/`);
      for (const figure of chapter.figures) {
        const svg = await page.$(`figure#${figure.id} svg`);
        if (!svg) {
          problems.push(`${figure.id}: no SVG`);
          continue;
        }
        const node = await page.accessibility.snapshot({ root: svg });
        const name = (node?.name ?? '').replace(/\s+/g, ' ').trim();
        if (node?.role !== 'image' && node?.role !== 'img') problems.push(`${figure.id}: SVG role is ${node?.role}`);
        if (!name.startsWith(figure.alt.replace(/\s+/g, ' ').trim())) problems.push(`${figure.id}: accessible name "${name.slice(0, 80)}…" does not come from the alt text`);
        if (node?.children?.length) problems.push(`${figure.id}: ${node.children.length} marks exposed to assistive technology`);
        const table = await page.$eval(`figure#${figure.id}`, (fig) => {
          const t = fig.querySelector('details table');
          const rows = t ? Array.from(t.querySelectorAll('tbody tr')) : [];
          return {
            summary: fig.querySelector('details > summary')?.textContent ?? '',
            caption: t?.querySelector('caption')?.textContent ?? '',
            columnHeaders: t ? Array.from(t.querySelectorAll('thead th')).every((th) => th.getAttribute('scope') === 'col') && t.querySelectorAll('thead th').length > 0 : false,
            rowHeaders: rows.length > 0 && rows.every((r) => r.firstElementChild?.tagName === 'TH' && r.firstElementChild.getAttribute('scope') === 'row'),
            csv: fig.querySelector('a[download]')?.getAttribute('href') ?? '',
          };
        });
        expect.soft(table.summary, figure.id).toContain(figure.number);
        expect.soft(table.caption, figure.id).toContain(figure.caption);
        expect.soft(table.columnHeaders, `${figure.id} column headers`).toBe(true);
        expect.soft(table.rowHeaders, `${figure.id} row headers`).toBe(true);
        expect.soft(table.csv, figure.id).toBe(figure.csvName);
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('carry an accessibility statement with the WCAG target, the checks, known limitations, the contact and the build date', async () => {
    await open('accessibility/');
    const text = await page.evaluate(() => document.querySelector('main')?.textContent?.replace(/\s+/g, ' ') ?? '');
    expect(text).toContain('WCAG) 2.1 at level AA');
    expect(text).toContain('EN 301 549');
    expect(text).toContain('axe-core');
    expect(text).toContain('Matterhorn Protocol');
    expect(text).toContain('Known limitations');
    expect(text).toContain(`All ${edition.chapters.flatMap((c) => c.figures).length} charts`);
    // The sample is in English, written British style: "2 December 2026".
    const date = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(edition.buildDate);
    expect(date).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);
    expect(text).toContain(`on ${date}, the date of its build`);
    expect(await page.$eval(`main a[href="mailto:${edition.config.contact}"]`, (a) => a.textContent)).toBe(edition.config.contact);
  });
});
