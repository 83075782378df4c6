import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitPdfInto } from './emit-into.js';
import { chapterTitle, makeEdition } from './fixture.js';
import { readPages, type PdfPages } from './read-pdf.js';

// Every chapter after the first refers to Figure 1.1, to the chapter before it and to its own
// first section, whose title and id repeat in every chapter. Read back with the tests' own pdf.js
// reader: each reference must print the folio of the page it goes to, and that page must show it.
const edition = makeEdition({ chapters: 5, sectionsPerChapter: 4, paragraphsPerSection: 3, repeatedSections: true, crossRefs: true });
let dir: string;
let pages: PdfPages;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'monitor-page-refs-test-'));
  const result = await emitPdfInto(dir, edition, {
    keepPrintHtml: false,
    styles: { printCss: await readFile(new URL('../../styles/print.css', import.meta.url), 'utf8') },
  });
  pages = await readPages(result.pdfPath);
}, 120_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const squash = (text: string): string => text.replace(/[\s\u00ad-]+/g, '');
const pageText = (page: number): string => squash((pages.lines[page] ?? []).map((l) => l.text).join(' '));
/** Chapter n's opening page: where its contents entry goes, checked by its title printed there. */
const opening = (n: number): number => {
  const entry = pages.links.find((l) => squash(l.text).includes(squash(chapterTitle(n))));
  const page = entry?.target ?? -1;
  return pageText(page).includes(squash(chapterTitle(n))) ? page : -1;
};

describe('page references in print', () => {
  const cases = Array.from({ length: 4 }, (_, i) => i + 2).flatMap((n) => [
    { n, words: 'Figure 1.1', shows: 'Figure 1.1 Share of cities reporting rising costs (chapter 1)' },
    { n, words: 'the previous chapter', shows: chapterTitle(n - 1) },
    { n, words: 'the first section', shows: 'The challenge' },
  ]);

  it('each reference prints "p." and the folio of the page its link goes to, which shows its target', () => {
    // The references of chapter n are the ones printed inside chapter n (between its first page and the next chapter's).
    const starts = Array.from({ length: 5 }, (_, i) => opening(i + 1));
    expect(starts.every((s) => s > 0)).toBe(true);
    for (const { n, words, shows } of cases) {
      const from = starts[n - 1] ?? 0;
      const to = starts[n] ?? pages.lines.length;
      const link = pages.links.find((l) => l.page >= from && l.page < to && squash(l.text).startsWith(squash(words)));
      const label = `chapter ${n}: "${words}"`;
      expect(link, label).toBeDefined();
      if (link === undefined) continue;
      const printed = /, p\. ?(\d+)$/.exec(link.text)?.[1];
      expect(printed, `${label} prints "${link.text}"`).toBeDefined();
      expect(printed, `${label}: folio of page ${link.target + 1}`).toBe(pages.folios[link.target] ?? String(link.target + 1));
      expect(pageText(link.target), `${label}: page ${link.target + 1} shows "${shows}"`).toContain(squash(shows));
      if (words === 'the first section') {
        // The repeated section title must be the one in the referring chapter.
        expect(link.target, `${label}: inside chapter ${n}`).toBeGreaterThanOrEqual(from);
        expect(link.target, `${label}: inside chapter ${n}`).toBeLessThan(to);
      }
    }
  });

  it('chapter openings print no running head, but keep their folio; the pages after them have one', () => {
    const band = 57; // 20 mm
    for (let n = 1; n <= 5; n++) {
      const start = opening(n);
      expect(start, `chapter ${n} opening`).toBeGreaterThan(0);
      const top = (page: number): string[] => (pages.lines[page] ?? []).filter((l) => l.y > 842 - band).map((l) => l.text);
      expect(top(start), `chapter ${n}, opening page ${start + 1}`).toEqual([]);
      expect(pages.folios[start], `chapter ${n}, opening page ${start + 1}: folio`).toBe(String(start + 1));
      expect(top(start + 1).map(squash), `chapter ${n}, page ${start + 2}: running head`).toContain(squash(chapterTitle(n)));
    }
  });
});
