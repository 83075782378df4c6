import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, ParseSpeeds } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { emitPdf } from '../../pipeline/stages/emit-pdf/index.js';
import { pageTurns } from '../../pipeline/stages/emit-pdf/page-turns.js';
import { readPrintedPages, type PrintedPages } from '../../pipeline/stages/emit-pdf/pdf-pages.js';
import { pageCountOf, pageRanges, readWithPoppler, startPoppler, wordsByPage } from '../../pipeline/stages/emit-pdf/poppler-pages.js';
import { plain } from '../../pipeline/stages/emit-pdf/verify-page-refs.js';
import { makeEdition } from './fixture.js';

// Measuring passes are read with poppler (text) and pdf-lib (links); the final PDF with pdf.js.
// On the same printed PDF the two readers must find the same pages, folios, links and words.
let pdfjs: PrintedPages;
let poppler: PrintedPages | undefined;
let built: { printed: PrintedPages };
let bytes: Uint8Array;

beforeAll(async () => {
  const edition = makeEdition({ chapters: 4, sectionsPerChapter: 4, paragraphsPerSection: 3, repeatedSections: true, crossRefs: true });
  const result = await emitPdf(edition, { keepPrintHtml: false, styles: { printCss: await readFile(new URL('../../styles/print.css', import.meta.url), 'utf8') } });
  built = result;
  bytes = result.data;
  pdfjs = await readPrintedPages(result.data);
  poppler = await readWithPoppler(result.data, await PDFDocument.load(result.data, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest }));
}, 120_000);

describe('the measuring reader agrees with pdf.js', () => {
  it('reads every page, with the same folios', () => {
    expect(poppler).toBeDefined();
    expect(poppler?.lines.length).toBe(pdfjs.lines.length);
    expect(poppler?.folios).toEqual(pdfjs.folios);
    expect(pdfjs.folios.filter((f) => f !== undefined).length).toBeGreaterThan(5);
  });

  it('finds the same in-document links, going to the same pages, with the same words in them', () => {
    const shape = (p: PrintedPages | undefined) => p?.links.map((l) => ({ page: l.page, target: l.target, text: plain(l.text).replace(/f[fil]/g, '') }));
    expect(pdfjs.links.length).toBeGreaterThan(20);
    expect(shape(poppler)).toEqual(shape(pdfjs));
  });

  it('reads the same words on each page, and the same page turns', () => {
    // pdf.js reads the ff, fi and fl ligatures of this face as nothing, poppler as their letters.
    const words = (p: PrintedPages | undefined) => p?.lines.map((lines) => plain(lines.map((l) => l.text).join(' ')).replace(/f[fil]/g, ''));
    expect(words(poppler)).toEqual(words(pdfjs));
    expect(poppler && pageTurns(poppler)).toEqual(pageTurns(pdfjs));
  });
});

describe('a long document read in parts, one pdftotext per core', () => {
  it('splits into at most one part per core, each at least 40 pages, covering every page once', () => {
    expect(pageRanges(86, 2)).toEqual([
      [1, 43],
      [44, 86],
    ]);
    expect(pageRanges(1568, 2)).toEqual([
      [1, 784],
      [785, 1568],
    ]);
    expect(pageRanges(79, 2)).toEqual([undefined]);
    expect(pageRanges(1568, 1)).toEqual([undefined]);
    expect(pageRanges(130, 4)).toEqual([
      [1, 44],
      [45, 88],
      [89, 130],
    ]);
    expect(pageRanges(0, 2)).toEqual([undefined]);
  });

  it('reads what one pdftotext over the whole file reads', async () => {
    // Three parts of this short document (the build splits only from 80 pages on two cores).
    const inParts = await readWithPoppler(bytes, await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest }), { cores: 3, minPagesPerPart: 1 });
    expect(pdfjs.lines.length).toBeGreaterThan(5);
    expect(inParts).toBeDefined();
    expect(inParts).toEqual(poppler);
  });
});

describe('a reading started before the PDF is parsed (the measuring pass)', () => {
  it('reads from and to files what it reads through pipes, in parts too, and leaves no file behind', async () => {
    const scratch = await mkdtemp(path.join(os.tmpdir(), 'monitor-poppler-test-'));
    try {
      // Started first; pdf-lib parses while pdftotext runs.
      const whole = startPoppler(bytes, { scratch });
      const parts = startPoppler(bytes, { scratch, cores: 3, minPagesPerPart: 1 });
      const pdf = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
      expect(await whole.read(pdf)).toEqual(poppler);
      expect(await parts.read(pdf)).toEqual(poppler);
      expect(await readdir(scratch)).toEqual([]);
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  });

  it('gives nothing (so the caller reads with pdf.js) when its folder cannot be written', async () => {
    const run = startPoppler(bytes, { scratch: path.join(os.tmpdir(), 'monitor-no-such-folder', 'deeper') });
    expect(await run.read(await PDFDocument.load(bytes, { updateMetadata: false }))).toBeUndefined();
  });

  it('finds the page count in a page tree of plain objects, as Chromium writes it', async () => {
    const doc = await PDFDocument.create();
    for (let i = 0; i < 7; i++) doc.addPage();
    expect(pageCountOf(await doc.save({ useObjectStreams: false }))).toBe(7);
    // Not inside object streams (the finished file): the caller passes the count it parsed.
    expect(pageCountOf(bytes)).toBeUndefined();
    expect(pageCountOf(new TextEncoder().encode('%PDF-1.4 no page tree'))).toBeUndefined();
  });
});

describe('pdftotext -bbox output', () => {
  it('splits pages, decodes entities and puts the baseline a fifth up from the word box foot', () => {
    const xhtml =
      '<doc><page width="595" height="842"><word xMin="10" yMin="100" xMax="40" yMax="110">R&amp;D&#x2019;s</word>' +
      '<word xMin="42" yMin="100" xMax="60" yMax="110">&lt;x&gt;</word></page><page width="595" height="842"></page></doc>';
    const pages = wordsByPage(xhtml);
    expect(pages).toHaveLength(2);
    expect(pages[0]?.items.map((i) => i.str.trim())).toEqual(['R&D’s', '<x>']);
    expect(pages[0]?.items[0]).toMatchObject({ x: 10, width: 30, y: 842 - 108 });
    expect(pages[1]?.items).toEqual([]);
  });
});

describe('the build’s own read of the finished PDF', () => {
  it('is poppler’s, taken from the renumbered document in memory, and finds what pdf.js finds', () => {
    const shape = (p: PrintedPages | undefined) => p?.links.map((l) => ({ page: l.page, target: l.target, text: plain(l.text).replace(/f[fil]/g, '') }));
    // The same as poppler's read of the saved file: the build read it with poppler.
    expect(built.printed.lines.flat().length).toBeGreaterThan(100);
    expect(built.printed).toEqual(poppler);
    expect(built.printed.folios).toEqual(pdfjs.folios);
    expect(shape(built.printed)).toEqual(shape(pdfjs));
  });
});
