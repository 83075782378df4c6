import { resolveLocale } from '../../pipeline/locale/index.js';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { resolveBrowser, type BrowserProbe } from '../../pipeline/stages/emit-pdf/browser.js';
import { PdfEmitError } from '../../pipeline/stages/emit-pdf/errors.js';
import { hyphenateTree } from '../../pipeline/stages/emit-pdf/hyphenate.js';
import { cssString } from '../../pipeline/stages/emit-pdf/page-css.js';
import { buildPrintHtml } from '../../pipeline/stages/emit-pdf/print-html.js';
import { layoutMismatches, planLayout, titleMatches, type DocHeading } from '../../pipeline/stages/emit-pdf/toc.js';
import { makeEdition } from './fixture.js';

const probe = (present: string[], env: Record<string, string> = {}, cache?: string): BrowserProbe => ({
  env,
  exists: (p) => present.includes(p),
  puppeteerCachePath: () => cache,
});

describe('resolveBrowser', () => {
  it('prefers the option, then PUPPETEER_EXECUTABLE_PATH, then the system, then the cache', () => {
    const all = ['/opt/x/chrome', '/env/chrome', '/usr/bin/chromium', '/cache/chrome'];
    expect(resolveBrowser('/opt/x/chrome', probe(all, { PUPPETEER_EXECUTABLE_PATH: '/env/chrome' }, '/cache/chrome')).path).toBe('/opt/x/chrome');
    expect(resolveBrowser(undefined, probe(all, { PUPPETEER_EXECUTABLE_PATH: '/env/chrome' }, '/cache/chrome')).source).toBe('env');
    expect(resolveBrowser(undefined, probe(all, {}, '/cache/chrome')).path).toBe('/usr/bin/chromium');
    expect(resolveBrowser(undefined, probe(['/usr/lib/chromium/chromium', '/usr/bin/chromium'])).path).toBe('/usr/lib/chromium/chromium');
    expect(resolveBrowser(undefined, probe(['/cache/chrome'], {}, '/cache/chrome')).source).toBe('puppeteer-cache');
  });

  it('refuses a named browser that exists but cannot run', () => {
    const p = { ...probe(['/opt/x/chrome']), executable: (path: string) => path !== '/opt/x/chrome' };
    expect(() => resolveBrowser('/opt/x/chrome', p)).toThrow(/not an executable program/);
  });

  it('fails with pdf-browser and advice', () => {
    const error = (() => {
      try {
        resolveBrowser(undefined, probe([]));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(PdfEmitError);
    expect((error as PdfEmitError).ruleId).toBe('pdf-browser');
    expect((error as PdfEmitError).message).toMatch(/apt-get install chromium/);
    expect(() => resolveBrowser(undefined, probe(['/usr/bin/chromium'], { PUPPETEER_EXECUTABLE_PATH: '/typo' }))).toThrow(/No browser at \/typo/);
  });
});

describe('cssString', () => {
  it('escapes quotes, backslashes, newlines and </style>', () => {
    expect(cssString('Plain title')).toBe('"Plain title"');
    expect(cssString('Say "hi" \\ </style><b>\nnext')).toBe('"Say \\22 hi\\22  \\5c  \\3c /style\\3e \\3c b\\3e \\a next"');
    expect(cssString('Łódź')).toBe('"Łódź"');
  });
});

describe('planLayout', () => {
  const headings: DocHeading[] = [
    { key: 'contents', text: 'Contents', recto: true },
    { key: 'c1', text: 'One', recto: true },
    { key: 'c1s', text: 'One, section', recto: false },
    { key: 'c2', text: 'Two', recto: true },
    { key: 'c3', text: 'Three', recto: true },
  ];
  it('inserts blank pages so recto headings land on odd pages, shifting what follows', () => {
    const measured = new Map([['contents', 3], ['c1', 4], ['c1s', 5], ['c2', 7], ['c3', 8]]);
    const layout = planLayout(headings, measured, new Set());
    expect([...layout.blankBefore]).toEqual(['c1', 'c2', 'c3']);
    expect(Object.fromEntries(layout.tocPages)).toEqual({ contents: 3, c1: 5, c1s: 6, c2: 9, c3: 11 });
    expect(layoutMismatches(headings, new Map(layout.tocPages), layout)).toEqual([]);
  });
  it('removes a blank page that became wrong', () => {
    const landed = new Map([['contents', 3], ['c1', 5], ['c1s', 6], ['c2', 8], ['c3', 9]]);
    const layout = planLayout(headings, landed, new Set(['c2']));
    expect([...layout.blankBefore]).toEqual(['c3']);
    expect(layout.tocPages.get('c2')).toBe(7);
    expect(layout.tocPages.get('c3')).toBe(9);
    expect(layoutMismatches(headings, landed, layout)).toEqual([
      '"Two" is listed on page 7 but landed on page 8',
      '"Two" starts on left-hand page 8',
    ]);
  });
});

describe('titleMatches', () => {
  it('accepts Chromium doubling a title or losing the space at a wrap, nothing else', () => {
    expect(titleMatches('Contents', 'Contents')).toBe(true);
    expect(titleMatches('ContentsContents', 'Contents')).toBe(true);
    expect(titleMatches('Detail 1.2Detail 1.2', 'Detail 1.2')).toBe(true);
    expect(titleMatches('3 Urban mobility: keeping public transporton track', '3 Urban mobility: keeping public transport on track')).toBe(true);
    expect(titleMatches('Content', 'Contents')).toBe(false);
  });
});

describe('hyphenateTree', () => {
  it('hyphenates running text but not headings, code, URLs, numbers or SVG', () => {
    const tree = h('div', [
      h('h2', 'Administration'),
      h('p', 'Administration of neighbourhood infrastructure: https://example.org/administration'),
      h('p', [h('code', 'administration')]),
      h('table', [h('tr', [h('td', '1 234,5'), h('td', 'administration')])]),
      h('svg', [h('text', 'administration')]),
    ]);
    hyphenateTree(tree, resolveLocale({ language: 'en' }));
    const html = toHtml(tree);
    const soft = '\u00ad';
    expect(html).toContain('<h2>Administration</h2>');
    expect(html).toMatch(new RegExp(`Ad${soft}min${soft}is${soft}tra${soft}tion of neigh${soft}bour${soft}hood`));
    expect(html).toContain('https://example.org/administration');
    expect(html).toContain('<code>administration</code>');
    expect(html).toContain('<text>administration</text>');
    expect(html).toContain(`<td>ad${soft}min`);
  });
  it('leaves text alone for a language without patterns', () => {
    const tree = h('p', 'Administration');
    hyphenateTree(tree, resolveLocale({ language: 'xx' }));
    expect(toHtml(tree)).toBe('<p>Administration</p>');
  });
});

describe('buildPrintHtml', () => {
  const assets = { fontCss: '', printCss: 'p{}' };
  it('is pure: the same input gives the same HTML', () => {
    const edition = makeEdition({ chapters: 2 });
    expect(buildPrintHtml(edition, undefined, assets)).toBe(buildPrintHtml(edition, undefined, assets));
  });
  it('generates a named page per chapter with an escaped running header', () => {
    const html = buildPrintHtml(makeEdition({ chapters: 3 }), undefined, assets);
    expect(html).toContain('.chapter-2:not(.blank-page){page:ch2}');
    expect(html).toContain('@page ch2:right{@top-right{content:"Chapter 2: Urban mobility \\26  \\3c transport\\3e "}}');
    expect(html).toContain('@page ch3:right{@top-right{content:"Chapter 3: Climate \\5c  energy"}}');
  });
  it('fills in the contents numbers and the blank pages it is given', () => {
    const edition = makeEdition({ chapters: 2 });
    const html = buildPrintHtml(edition, new Map([['chapter-1--top', 5]]), assets, new Set(['chapter-1--top']));
    expect(html).toMatch(/href="#chapter-1--top"><span class="toc-number">1<\/span><span class="toc-title">[^<]+<\/span><span class="toc-page">5<\/span>/);
    expect(html).toContain('<div class="blank-page" aria-hidden="true"></div><section class="chapter chapter-foreword chapter-1"');
  });
});

