import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveLocale } from '../../pipeline/locale/index.js';
import { bodyLineStats, fontNames, furnishedBlankPages, chapterOpenings, headingsLastOnPage, layoutPages, shortLastPages, sourceHeadings, sourceQuestions } from './layout-check.js';

const run = promisify(execFile);
const project = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The sample edition's PDF, read the way a production editor reads it: page by page with poppler,
 * against the headings and questions written in the sources. Nothing here comes from the
 * pipeline's model or its print HTML.
 */
describe('print layout of the sample edition', () => {
  let out = '';
  let pdf = '';
  let pages: string[][] = [];
  const { chapterTitles, sections } = sourceHeadings(project);

  beforeAll(async () => {
    out = await mkdtemp(path.join(os.tmpdir(), 'monitor-layout-'));
    await run(process.execPath, [path.join(project, 'bin/monitor.js'), 'build', '--out', out, '--format', 'all'], { cwd: project, env: { ...process.env, NO_COLOR: '1' } });
    pdf = path.join(out, 'pdf', 'eurocities-monitor-2026.pdf');
    pages = layoutPages(pdf);
  }, 240_000);
  afterAll(async () => {
    if (out !== '') await rm(out, { recursive: true, force: true });
  });

  it('has blank versos with no running head and no folio', () => {
    expect(pages.length).toBeGreaterThan(20);
    // At least one deliberately blank page exists (chapters start on a right-hand page)…
    expect(pages.filter((lines) => lines.join('').trim() === '').length).toBeGreaterThan(0);
    // …and none carries page furniture only.
    expect(furnishedBlankPages(pages, chapterTitles)).toEqual([]);
  });

  it('sets running text at a book measure: median full line of at most 80 characters', () => {
    const stats = bodyLineStats(pages);
    expect(stats.fullLines).toBeGreaterThan(200);
    expect(stats.median).toBeLessThanOrEqual(80);
    expect(stats.median).toBeGreaterThanOrEqual(45);
  });

  it('embeds only the edition’s own fonts (no fallback glyphs)', () => {
    const fonts = fontNames(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((name) => !/^(SourceSerif4|SourceSans3)/.test(name))).toEqual([]);
  });

  it('never ends a page with a heading, a questionnaire question or the title of the endnotes', () => {
    expect(sections.length).toBeGreaterThan(50);
    const questions = sourceQuestions(project);
    expect(questions.length).toBeGreaterThan(5);
    // The endnotes' title is the pipeline's own wording, in the sample's language (English).
    const notes = resolveLocale({ language: 'en' }).t('notes');
    expect(pages.some((lines) => lines.some((l) => l.trim() === notes))).toBe(true);
    expect(headingsLastOnPage(pages, [...sections, ...questions, notes])).toEqual([]);
  });

  it('ends no chapter with a page of four lines or fewer', () => {
    // A check on the check: it finds every chapter opening (the contents page is no chapter).
    expect(chapterOpenings(pages, chapterTitles)).toBe(chapterTitles.length);
    expect(shortLastPages(pages, chapterTitles, 4)).toEqual([]);
  });

  it('numbers figures the same way in both editions, with the unnumbered executive summary’s as ES.n', async () => {
    const figures = (text: string): string[] => [...new Set([...text.replace(/\u00ad/g, '').matchAll(/Figure\s+([A-Z]{0,2}\d*\.\d+)/g)].map((m) => m[1] ?? ''))].sort();
    const printed = figures(pages.flat().join(' ').replace(/-\s+\n?/g, '-'));
    const web = await Promise.all(['executive-summary', 'urban-mobility'].map((slug) => readFile(path.join(out, 'html', slug, 'index.html'), 'utf8')));
    const online = figures(web.join(' '));
    expect(online).toContain('ES.1');
    expect(online).toContain('1.1');
    for (const label of online) expect(printed, `Figure ${label}`).toContain(label);
  });
});

