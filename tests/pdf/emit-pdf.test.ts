import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFBool, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitPdfInto } from './emit-into.js';
import { chapterTitle, makeEdition } from './fixture.js';
import { pageTexts } from './read-pdf.js';

// One real build shared by every test in this file (real Chromium, found like the pipeline does).
const edition = makeEdition({ chapters: 5, sectionsPerChapter: 4, paragraphsPerSection: 3 });
let dir: string;
let result: Awaited<ReturnType<typeof emitPdfInto>>;
let pdf: PDFDocument;
let texts: string[];
let printHtml: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'monitor-pdf-test-'));
  // The CLI turns SOURCE_DATE_EPOCH=1767225600 into the build date; the stage only sees the date.
  result = await emitPdfInto(
    dir,
    { ...edition, buildDate: new Date(1767225600 * 1000) },
    {
      keepPrintHtml: true,
      styles: { printCss: await readFile(new URL('../../styles/print.css', import.meta.url), 'utf8') },
    },
  );
  const bytes = await readFile(result.pdfPath);
  pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  texts = await pageTexts(result.pdfPath);
  printHtml = await readFile(join(dir, `${edition.config.slug}.print.html`), 'utf8');
}, 120_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** TOC page text → the page number printed after `title`. */
function tocNumber(title: string): number | undefined {
  const toc = texts.slice(2, 4).join('\n');
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}\\s*(\\d+)`).exec(toc);
  return match ? Number(match[1]) : undefined;
}

describe('PDF edition', () => {
  it('writes the PDF and reports it', () => {
    expect(result.files.map((f) => f.path)).toEqual(['eurocities-monitor-2026.pdf', 'eurocities-monitor-2026.print.html']);
    expect(result.pages).toBe(pdf.getPageCount());
    expect(result.pages).toBeGreaterThan(10);
    expect(result.tocChecked).toBe(5 * 5); // each chapter and its four h2 sections
  });

  it('is a tagged PDF with /Lang and /MarkInfo', () => {
    const catalog = pdf.catalog;
    expect(catalog.get(PDFName.of('StructTreeRoot'))).toBeDefined();
    const markInfo = catalog.lookup(PDFName.of('MarkInfo'), PDFDict);
    expect(markInfo.get(PDFName.of('Marked'))).toBe(PDFBool.True);
    expect(catalog.lookup(PDFName.of('Lang'))?.toString()).toBe('(en)');
  });

  it('has title, author, subject, keywords and shows the title', () => {
    expect(pdf.getTitle()).toBe('Eurocities Monitor 2026');
    expect(pdf.getAuthor()).toBe('Eurocities');
    expect(pdf.getSubject()).toBe('The state of Europe’s cities');
    expect(pdf.getKeywords()).toBe('cities, Europe, survey');
    const prefs = pdf.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict);
    expect(prefs.get(PDFName.of('DisplayDocTitle'))).toBe(PDFBool.True);
  });

  it('takes its dates from the build date (SOURCE_DATE_EPOCH at the CLI)', () => {
    expect(pdf.getCreationDate()?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(pdf.getModificationDate()?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('has a bookmark for every chapter and section, and none for the notes label', async () => {
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await getDocument({ data: new Uint8Array(await readFile(result.pdfPath)), verbosity: 0 }).promise;
    const outline = (await doc.getOutline()) ?? [];
    await doc.destroy();
    expect(outline.map((item) => item.title)).toEqual(['Contents', ...edition.chapters.map((c) => `${c.number} ${c.frontMatter.title}`)]);
    const first = outline[1];
    expect(first?.items.map((item) => item.title)).toEqual(edition.chapters[0]?.headings.map((h) => h.text));
    expect(JSON.stringify(outline)).not.toMatch(/"title":"Notes"/);
  });

  it('prints true page numbers in the contents (checked with pdf.js)', () => {
    for (const chapter of edition.chapters) {
      const page = tocNumber(chapter.frontMatter.title);
      expect(page, chapter.frontMatter.title).toBeDefined();
      // Titles may wrap on the narrower text block: compare with the whitespace collapsed.
      expect(texts[(page ?? 0) - 1]?.replace(/\s+/g, ' '), `"${chapter.frontMatter.title}" on page ${page}`).toContain(`${chapter.number} ${chapter.frontMatter.title}`);
      expect((page ?? 0) % 2, 'chapters start on a right-hand page').toBe(1);
      for (const heading of chapter.headings.filter((h) => h.depth === 2)) {
        const at = tocNumber(heading.text);
        expect(texts[(at ?? 0) - 1], `"${heading.text}" on page ${at}`).toContain(heading.text);
      }
    }
  });

  it('has, on every page after the contents, its chapter’s title (as running header, or as heading on the opening page) and a page number', () => {
    const starts = edition.chapters.map((c) => tocNumber(c.frontMatter.title) ?? 0);
    let checked = 0;
    edition.chapters.forEach((chapter, i) => {
      // The last page is the back cover.
      const end = (starts[i + 1] ?? texts.length) - 1;
      for (let page = starts[i] ?? 0; page <= end; page++) {
        const text = texts[page - 1] ?? '';
        checked += 1;
        // A blank page before the next chapter or the back cover is truly blank: no header, no number.
        if (page === end && text.trim() === '') continue;
        expect(text, `page ${page}`).toMatch(new RegExp(`(^|\\n)${page}(\\n|$)`));
        // The opening page has no running head: its title is its heading, which may wrap.
        expect(text.replace(/\s+/g, ' '), `page ${page}`).toContain(chapterTitle(chapter.number));
      }
    });
    expect(checked).toBe(texts.length - (starts[0] ?? 1));
    expect(texts.length % 2, 'the back cover is a verso').toBe(0);
    expect(texts.at(-1)).toContain('Licence');
  });

  it('has the cover, the imprint with the sample-data notice, and the figures with their numbers', () => {
    expect(texts[0]).toContain('Eurocities Monitor');
    expect(texts[1]).toContain('Illustrative sample edition with synthetic survey data');
    expect(texts[1]).toContain('978-0-00-000000-0');
    const all = texts.join('\n');
    expect(all).toContain('Figure 1.1 Share of cities reporting rising costs (chapter 1)');
    expect(all).toContain('Data: https://monitor.example.org/2026/chapter-1/figure-1-1.csv');
    expect(all).toMatch(/Łódź/);
  });

  it('turns footnotes into endnotes with document-unique ids linked both ways', () => {
    const ids = [...printHtml.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const chapter of edition.chapters) {
      expect(printHtml).toContain(`href="#${chapter.slug}--fn-1"`);
      expect(printHtml).toContain(`id="${chapter.slug}--fn-1"`);
      expect(printHtml).toContain(`href="#${chapter.slug}--fnref-1"`);
      expect(printHtml).toContain(`aria-describedby="${chapter.slug}--footnote-label"`);
    }
    expect(printHtml).not.toMatch(/<h\d[^>]*footnote-label/);
  });

  it('keeps the exact print HTML, self-contained and locked down', () => {
    expect(printHtml).toContain('http-equiv="Content-Security-Policy"');
    expect(printHtml).toContain('<svg');
    expect(printHtml).not.toMatch(/(src|href)="(https?:|file:)(?!\/\/monitor\.example\.org)/);
  });
});
