import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, serveDir, type LaunchedChromium, type StaticServer } from '../a11y/harness.js';
import { pagefindText } from './pagefind.js';
import { buildEdition, chapter, readOutputTree, removeAll, tempDir, writeEdition } from '../safety/helpers.js';

/**
 * The site's own search, driven as a reader drives it: Chromium types into the search box of a
 * served build (its CSP in force) and reads the result links. The public index must find a
 * chapter's rare word and never a members-only canary; the members index finds both.
 */
const rare = 'Zwiebelturmquartier';
const canary = 'Kanarie77searchx';
/** In a case study's summary, which its facet pages (by theme, by country) repeat. */
const listed = 'Brueckenwerkstatt';

const chapters = {
  'open-essay.md': chapter(
    'title: Open essay\nkind: essay\nsummary: A public essay.',
    `## Where the word lives\n\nThe ${rare} project rebuilt a district.\n\n:::members\nOnly members read about ${canary} here.\n:::\n`,
  ),
  'case-graz.md': chapter(
    `title: "Graz: a bridge workshop"\nkind: case-study\nsummary: The ${listed} brought neighbours together.\ncity: Graz\ncountry: AT\nthemes: [inclusion]\nperiod: 2024`,
    `## What the city did\n\nIt opened a workshop under a bridge.\n`,
  ),
  'members-essay.md': chapter(`title: Members essay\nkind: essay\nsummary: Members only.\naudience: members`, `## Secret\n\nThe ${canary} appears here too.\n`),
};

let root: string;
let outs: Record<'public' | 'members', string>;
let chromium: LaunchedChromium;
let servers: StaticServer[] = [];

beforeAll(async () => {
  root = await writeEdition(chapters);
  outs = { public: await tempDir('search-public'), members: await tempDir('search-members') };
  for (const profile of ['public', 'members'] as const) {
    const built = await buildEdition(root, outs[profile], 'html', profile);
    expect(built.ok, built.problems.join('\n')).toBe(true);
  }
  chromium = await launchChromium();
}, 240_000);

afterAll(async () => {
  await chromium?.close();
  for (const s of servers) await s.close();
  await removeAll(root, outs?.public, outs?.members);
});

async function search(profile: 'public' | 'members', pagePath: string, query: string): Promise<{ status: string; links: string[]; text: string; errors: string[] }> {
  const server = await serveDir(path.join(outs[profile], 'html'));
  servers.push(server);
  const page: Page = await chromium.browser.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(`${server.origin}${pagePath}`, { waitUntil: 'load' });
  const input = await page.waitForSelector('.site-search input[type=search]', { timeout: 5000 });
  await input?.type(query);
  await page.waitForFunction(() => (document.querySelector('.search-status')?.textContent ?? '') !== '', { timeout: 20_000 });
  const result = await page.evaluate(() => ({
    status: document.querySelector('.search-status')?.textContent ?? '',
    links: Array.from(document.querySelectorAll<HTMLAnchorElement>('.search-results a')).map((a) => a.href),
    text: document.querySelector('.search-results')?.textContent ?? '',
  }));
  await page.close();
  return { ...result, errors };
}

describe('search', () => {
  it('finds a chapter’s rare word from a page deep in the site, and links into the chapter', async () => {
    const r = await search('public', 'open-essay/', rare);
    expect(r.errors).toEqual([]);
    expect(r.status).toMatch(/^1 page found/);
    expect(r.links[0]).toMatch(/\/open-essay\/$/);
    // The section result links to the heading inside the chapter.
    expect(r.links.some((l) => /\/open-essay\/#[a-z-]*where-the-word-lives$/.test(l))).toBe(true);
  });

  it('finds a case study, not the facet pages that list it again', async () => {
    const html = await readFile(path.join(outs.public, 'html/case-studies/country/at/index.html'), 'utf8');
    expect(html).toContain(listed); // the facet page does repeat the summary
    const r = await search('public', '', listed);
    expect(r.errors).toEqual([]);
    expect(r.links.some((l) => /\/case-graz\/$/.test(l))).toBe(true);
    expect(r.links.filter((l) => /\/case-studies\/(theme|country)\//.test(l))).toEqual([]);
    // The overview's card is found too. Its facts, and the case study's own, read as words:
    // "City Graz", not "CityGraz".
    expect(r.links.some((l) => /\/case-studies\/#card-case-graz$/.test(l))).toBe(true);
    expect(r.text).not.toMatch(/CityGraz|AustriaThemes/);
  });

  it('never finds members-only text in the public edition', async () => {
    const r = await search('public', '', canary);
    expect(r.errors).toEqual([]);
    expect(r.status).toMatch(/^No pages found/);
    const files = await readOutputTree(outs.public);
    expect(pagefindText(files).length).toBeGreaterThan(1000);
    expect(pagefindText(files).toLowerCase()).not.toContain(canary.toLowerCase());
  });

  it('finds members-only text in the members edition, so the public test can fail', async () => {
    const r = await search('members', '', canary);
    expect(r.errors).toEqual([]);
    expect(r.status).toMatch(/^2 pages found/);
    expect(pagefindText(await readOutputTree(outs.members)).toLowerCase()).toContain(canary.toLowerCase());
  });

  it('without JavaScript the box is a link to the contents, and the CSP allows the search from the site only', async () => {
    const html = await readFile(path.join(outs.public, 'html/open-essay/index.html'), 'utf8');
    expect(html).toMatch(/<div class="site-search"[^>]*><a href="#site-nav">Contents<\/a><\/div>/);
    const csp = (/http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '').replaceAll('&#x27;', "'");
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v.join(' ')]));
    expect(directives).toMatchObject({
      'default-src': "'none'",
      'script-src': "'self' 'wasm-unsafe-eval'",
      'connect-src': "'self'",
      'worker-src': "'self'",
    });
    // Nothing from elsewhere, no eval, no inline script.
    expect(csp).not.toMatch(/ 'unsafe-eval'|https?:|\*|script-src[^;]*'unsafe-inline'/);
  });
});
