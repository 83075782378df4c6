import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { toString } from 'hast-util-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitPdfInto } from './emit-into.js';
import { makeEdition } from './fixture.js';
import { readPages, type PdfPages } from './read-pdf.js';

// Case studies repeat their section titles ("The challenge", "Impact"…) and so their web ids.
// Every contents entry is checked against the printed pages, read with pdf.js, in document order.
const edition = makeEdition({ chapters: 5, sectionsPerChapter: 4, paragraphsPerSection: 3, repeatedSections: true });
let dir: string;
let pages: PdfPages;
let text: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'monitor-toc-test-'));
  const result = await emitPdfInto(dir, edition, {
    keepPrintHtml: false,
    styles: { printCss: await readFile(new URL('../../styles/print.css', import.meta.url), 'utf8') },
  });
  pages = await readPages(result.pdfPath);
  // poppler's pdftotext: how readers' tools see the text layer (independent of Chromium and pdf.js).
  text = execFileSync('pdftotext', ['-enc', 'UTF-8', result.pdfPath, '-'], { encoding: 'utf8' });
}, 90_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const squash = (text: string): string => text.replace(/\s+/g, '');

describe('contents of an edition with repeated section titles', () => {
  it('the fixture really repeats section titles and ids across chapters', () => {
    const ids = edition.chapters.flatMap((c) => c.headings.filter((h) => h.depth === 2).map((h) => h.id));
    expect(new Set(ids).size).toBeLessThan(ids.length / 2);
  });

  it('every entry: number = folio of the page its link goes to, heading on that page, inside its chapter', () => {
    const expected = edition.chapters.flatMap((chapter, c) => [
      { chapter: c, title: chapter.frontMatter.title, level: 1 },
      ...chapter.headings.filter((h) => h.depth === 2).map((h) => ({ chapter: c, title: h.text, level: 2 })),
    ]);
    // The contents are the first in-document links of the PDF.
    const entries = pages.links.slice(0, expected.length);
    expect(entries).toHaveLength(expected.length);
    const chapterStarts = expected.flatMap((e, i) => (e.level === 1 ? [entries[i]?.target ?? -1] : []));
    expected.forEach((want, i) => {
      const entry = entries[i];
      const label = `entry ${i + 1} "${want.title}" (chapter ${want.chapter + 1})`;
      expect(entry, label).toBeDefined();
      if (entry === undefined) return;
      expect(squash(entry.text), label).toContain(squash(want.title));
      const printed = /(\d+)$/.exec(entry.text)?.[1];
      expect(printed, `${label}: printed number`).toBeDefined();
      expect(pages.folios[entry.target], `${label}: folio of the linked page`).toBe(printed);
      const lines = pages.lines[entry.target] ?? [];
      // A heading may wrap: one line, or two or three in a row, that end with the title.
      const onPage = lines.some((_, k) => [1, 2, 3].some((n) => squash(lines.slice(k, k + n).map((l) => l.text).join('')).endsWith(squash(want.title))));
      expect(onPage, `${label}: heading on page ${entry.target + 1}`).toBe(true);
      const start = chapterStarts[want.chapter] ?? -1;
      const next = chapterStarts[want.chapter + 1] ?? pages.lines.length;
      expect(entry.target, `${label}: page inside its chapter`).toBeGreaterThanOrEqual(start);
      expect(entry.target, `${label}: page inside its chapter`).toBeLessThan(next);
    });
  });
});

describe('text layer', () => {
  it('has soft hyphens only where a line breaks', () => {
    const inside = text.split('\n').filter((line) => /\u00ad./.test(line));
    expect(inside.slice(0, 3)).toEqual([]);
    expect(text).toMatch(/\u00ad\n/); // the fixture's long words do break at line ends
  });

  it('finds every occurrence of a frequent word that a line end does not split', () => {
    // "infrastructure" occurs only in body paragraphs of the fixture, and is hyphenated there.
    const word = /infrastructure/gi;
    const inSource = edition.chapters.reduce((n, c) => n + (toString(c.content).match(word)?.length ?? 0), 0);
    // Joining only the line-end breaks must give back every occurrence; search finds all the others.
    const joined = (text.replace(/\u00ad\n/g, '').match(word) ?? []).length;
    const found = (text.match(word) ?? []).length;
    const splitAtLineEnd = (text.match(/\S*\u00ad\n\S*/g) ?? []).filter((w) => w.replace(/\u00ad\n/, '').toLowerCase().includes('infrastructure')).length;
    expect(inSource).toBeGreaterThan(20);
    expect(joined).toBe(inSource);
    expect(found).toBe(inSource - splitAtLineEnd);
  });

  it('breaks no word across a page turn', () => {
    // pdftotext ends a page with its folio and a form feed: a soft hyphen just before is a split word.
    const split = text.match(/\S+\u00ad\n(?:\n\S{1,4}\n)?\n?\f[^\n]*\n(?:\n[^\n]*\n)?/g) ?? [];
    expect(split).toEqual([]);
  });
});
