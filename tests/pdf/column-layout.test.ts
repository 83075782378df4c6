import { readFile } from 'node:fs/promises';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileEdition } from '../../pipeline/compile.js';
import type { Edition } from '../../pipeline/model/edition.js';
import { resolveBrowser } from '../../pipeline/stages/emit-pdf/browser.js';
import { layoutInColumns } from '../../pipeline/stages/emit-pdf/column-layout.js';
import { loadFontCss } from '../../pipeline/stages/emit-pdf/fonts.js';
import type { Fitted } from '../../pipeline/stages/emit-pdf/fit-script.js';
import { chapterFit, fitChapters } from '../../pipeline/stages/emit-pdf/fit.js';
import { emitPdf } from '../../pipeline/stages/emit-pdf/index.js';
import { isolatePage, type IsolatedPage } from '../../pipeline/stages/emit-pdf/isolation.js';
import { launchBrowser, type LaunchedBrowser } from '../../pipeline/stages/emit-pdf/launch.js';
import { readOutline } from '../../pipeline/stages/emit-pdf/outline.js';
import { pageTurns } from '../../pipeline/stages/emit-pdf/page-turns.js';
import { readPrintedPages } from '../../pipeline/stages/emit-pdf/pdf-pages.js';
import { buildPrintDocument, releasePrintChapters, serialize, type PrintAssets } from '../../pipeline/stages/emit-pdf/print-html.js';
import { printPass } from '../../pipeline/stages/emit-pdf/print.js';
import { headingPages } from '../../pipeline/stages/emit-pdf/toc.js';
import { measuredRefPages } from '../../pipeline/stages/emit-pdf/verify-page-refs.js';
import { labelsOf } from '../../pipeline/stages/markdown/labels.js';
import { MEDIA_DIR } from '../../pipeline/stages/markdown/images.js';
import { readSources } from '../../pipeline/stages/load/read-sources.js';
import { sampleEditionCopies } from '../workflow/helpers.js';
import { h } from 'hastscript';
import { makeEdition } from './fixture.js';

// The measuring pass is laid out in columns instead of printed. Its findings are held against a
// print of the same measuring document, read from the PDF (bookmarks, link targets, the text at
// each page turn): the independent truth the columns must agree with.
const styles = (name: string) => readFile(new URL(`../../styles/${name}`, import.meta.url), 'utf8');
const timeoutMs = 120_000;
let launched: LaunchedBrowser;
let page: Awaited<ReturnType<LaunchedBrowser['browser']['newPage']>>;
let isolated: IsolatedPage;
let assets: PrintAssets;
const sampleCopy = sampleEditionCopies();

beforeAll(async () => {
  launched = await launchBrowser(resolveBrowser(undefined).path, () => undefined);
  page = (await launched.browser.pages())[0] ?? (await launched.browser.newPage());
  isolated = await isolatePage(page);
  assets = { fontCss: await loadFontCss(), printCss: await styles('print.css'), chartsCss: await styles('charts.css') };
}, 60_000);

afterAll(async () => {
  await launched?.close();
});

interface Measured {
  readonly fitted?: readonly Fitted[];
  readonly headings: ReadonlyMap<string, number>;
  readonly targets: ReadonlyMap<string, number>;
  readonly turns: readonly number[];
  readonly pages: number;
}

/**
 * The measuring document of `edition`, as the print passes build it, measured both ways. The
 * chapters the columns set tighter (`fit`) are marked in the document before it is printed, as
 * the passes do.
 */
async function measureBothWays(edition: Edition, images: ReadonlyMap<string, string> = new Map(), fit = chapterFit): Promise<{ columns: Measured; printed: Measured }> {
  const doc = buildPrintDocument(edition, undefined, { ...assets, images, date: edition.buildDate }, undefined, { digits: 3 });
  const targets = [...new Set(doc.refs.map((r) => r.target))];
  const columns = await layoutInColumns(page, isolated, serialize(doc.tree, { chartBoxes: true }), { headings: doc.headings, targets, timeoutMs, fit });
  if ('reason' in columns) throw new Error(`not laid out in columns: ${columns.reason}`);
  expect(fitChapters(doc.tree, columns.fitted)).toBe(columns.fitted.length);
  const html = serialize(doc.tree, { chartBoxes: true });
  const pass = await printPass(page, isolated, html, { tagged: false, timeoutMs });
  const pdf = await PDFDocument.load(pass.bytes, { updateMetadata: false });
  const read = await readPrintedPages(pass.bytes);
  releasePrintChapters(edition);
  return {
    columns: { fitted: columns.fitted, headings: columns.headingPages, targets: columns.targetPages, turns: columns.turns.map((t) => t.page), pages: columns.pageCount },
    printed: {
      headings: headingPages(doc.headings, readOutline(pdf)),
      targets: measuredRefPages(read, doc.refs, labelsOf(edition.locale).page, doc.tocKeys.length),
      turns: pageTurns(read).map((t) => t.page),
      pages: pdf.getPageCount(),
    },
  };
}

function expectAgreement({ columns, printed }: { columns: Measured; printed: Measured }): void {
  expect(columns.pages).toBe(printed.pages);
  expect([...columns.headings]).toEqual([...printed.headings]);
  // Every target the print's links lead to, on the same page (the columns know every target).
  expect(printed.targets.size).toBeGreaterThan(0);
  for (const [target, p] of printed.targets) expect([target, columns.targets.get(target)]).toEqual([target, p]);
  expect(columns.turns).toEqual(printed.turns);
}

describe('the measuring pass laid out in columns', () => {
  it('agrees with a print of the sample edition: every heading, reference target, page turn and the page count', async () => {
    const root = await sampleCopy();
    const compiled = await compileEdition(await readSources(root), { profile: 'public', buildDate: new Date(Date.UTC(2026, 5, 1)), drawCharts: true });
    const edition = compiled.edition as Edition;
    const images = new Map([...edition.media].map(([rel, bytes]) => [`../${MEDIA_DIR}/${rel}`, `data:image/${rel.endsWith('.png') ? 'png' : 'jpeg'};base64,${Buffer.from(bytes).toString('base64')}`]));
    const both = await measureBothWays(edition, images);
    expect(both.printed.pages).toBeGreaterThan(60);
    // Set as they were printed before: the foreword ended with three lines alone on a page, two
    // guest essays with their notes alone, the peer-review case study with two lines of a list.
    expect(both.columns.fitted).toEqual([
      { id: 'chapter-foreword', fit: 'loose' },
      { id: 'chapter-guest-eu-cohesion', fit: 'tight' },
      { id: 'chapter-guest-urban-data', fit: 'tight' },
      { id: 'chapter-method-peer-review', fit: 'tight' },
    ]);
    expect(both.printed.turns.length).toBeGreaterThan(0); // the sample has words hyphenated across page turns
    expectAgreement(both);
  }, 180_000);

  it('agrees with a print of an edition with repeated section titles and cross-references', async () => {
    const edition = makeEdition({ chapters: 5, sectionsPerChapter: 5, paragraphsPerSection: 4, repeatedSections: true, crossRefs: true });
    expectAgreement(await measureBothWays(edition));
  }, 120_000);

  it('sets a chapter tighter only where that saves its short last page, and the print agrees', async () => {
    // 24 chapters that differ only in a closing list of 1 to 24 two-line items: somewhere the list
    // crosses onto a new page, and a chapter then ends with one or two items alone on a page.
    const edition = makeEdition({ chapters: 24, sectionsPerChapter: 3, paragraphsPerSection: 3, crossRefs: true });
    edition.chapters.forEach((chapter, i) => {
      const items = Array.from({ length: i + 1 }, (_, k) => h('li', `Item ${k + 1}: a step that every city in the network takes in its own way, with its own budget and partners.`));
      chapter.content.children.splice(chapter.content.children.length - 1, 0, h('ul', items));
    });
    const doc = buildPrintDocument(edition, undefined, { ...assets, date: edition.buildDate }, undefined, { digits: 3 });
    const titles = edition.chapters.map((c) => doc.headings.find((hd) => hd.recto && hd.key.startsWith(`${c.slug}--`))?.key ?? '');
    // Pages from each chapter's title to the next one's (or the end): what a chapter takes.
    const spans = (pages: ReadonlyMap<string, number>, last: number): number[] => {
      const starts = titles.map((key) => pages.get(key) ?? NaN);
      return starts.map((p, i) => (starts[i + 1] ?? last + 1) - p);
    };
    const plain = await layoutInColumns(page, isolated, serialize(doc.tree, { chartBoxes: true }), { headings: doc.headings, targets: [], timeoutMs });
    releasePrintChapters(edition);
    if ('reason' in plain) throw new Error(plain.reason);
    expect(plain.fitted).toEqual([]);
    const before = spans(plain.headingPages, plain.pageCount);

    const both = await measureBothWays(edition, new Map(), { ...chapterFit, lines: 4 });
    // Tight saves the page; loose keeps it and carries more lines onto it.
    const fitted = new Set((both.columns.fitted ?? []).filter((f) => f.fit === 'tight').map((f) => f.id));
    expect(fitted.size).toBeGreaterThan(0);
    const after = spans(both.columns.headings, both.columns.pages);
    edition.chapters.forEach((c, i) => expect([c.slug, after[i]]).toEqual([c.slug, (before[i] ?? 0) - (fitted.has(`chapter-${c.slug}`) ? 1 : 0)]));
    expect(both.columns.pages).toBe(plain.pageCount - fitted.size);
    expectAgreement(both);
  }, 120_000);

  it('gives a reason, not a guess, for pages it does not model; the build then prints its measuring pass', async () => {
    const edition = makeEdition({ chapters: 2, crossRefs: true });
    const printCss = `${assets.printCss}\n@page :first { margin-top: 60mm; }`;
    const doc = buildPrintDocument(edition, undefined, { ...assets, printCss }, undefined, { digits: 2 });
    const columns = await layoutInColumns(page, isolated, serialize(doc.tree, { chartBoxes: true }), { headings: doc.headings, targets: [], timeoutMs });
    releasePrintChapters(edition);
    expect(columns).toEqual({ reason: 'the page rule "@page :first" sets a size or margins' });

    const lines: string[] = [];
    const result = await emitPdf(edition, { keepPrintHtml: false, styles: { printCss }, log: (l) => lines.push(l) });
    expect(lines.some((l) => l.startsWith('pdf: pass 1 cannot be laid out in columns'))).toBe(true);
    expect(lines.some((l) => l.startsWith('pdf: pass 1 (measure):'))).toBe(true);
    expect(result.tocChecked).toBeGreaterThan(0);
  }, 120_000);

  it('gives a reason for a document written right to left', async () => {
    const edition = makeEdition({ chapters: 1 });
    const doc = buildPrintDocument(edition, undefined, { ...assets, printCss: `${assets.printCss}\nbody { direction: rtl; }` }, undefined, { digits: 2 });
    const columns = await layoutInColumns(page, isolated, serialize(doc.tree, { chartBoxes: true }), { headings: doc.headings, targets: [], timeoutMs });
    releasePrintChapters(edition);
    expect(columns).toEqual({ reason: 'the document is not written left to right, top to bottom' });
  }, 60_000);
});
