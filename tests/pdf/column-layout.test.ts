import { readFile } from 'node:fs/promises';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileEdition } from '../../pipeline/compile.js';
import type { Edition } from '../../pipeline/model/edition.js';
import { resolveBrowser } from '../../pipeline/stages/emit-pdf/browser.js';
import { layoutInColumns } from '../../pipeline/stages/emit-pdf/column-layout.js';
import { loadFontCss } from '../../pipeline/stages/emit-pdf/fonts.js';
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
  readonly headings: ReadonlyMap<string, number>;
  readonly targets: ReadonlyMap<string, number>;
  readonly turns: readonly number[];
  readonly pages: number;
}

/** The measuring document of `edition`, as the print passes build it, measured both ways. */
async function measureBothWays(edition: Edition, images: ReadonlyMap<string, string> = new Map()): Promise<{ columns: Measured; printed: Measured }> {
  const doc = buildPrintDocument(edition, undefined, { ...assets, images, date: edition.buildDate }, undefined, { digits: 3 });
  const html = serialize(doc.tree, { chartBoxes: true });
  const targets = [...new Set(doc.refs.map((r) => r.target))];
  const columns = await layoutInColumns(page, isolated, html, { headings: doc.headings, targets, timeoutMs });
  if ('reason' in columns) throw new Error(`not laid out in columns: ${columns.reason}`);
  const pass = await printPass(page, isolated, html, { tagged: false, timeoutMs });
  const pdf = await PDFDocument.load(pass.bytes, { updateMetadata: false });
  const read = await readPrintedPages(pass.bytes);
  releasePrintChapters(edition);
  return {
    columns: { headings: columns.headingPages, targets: columns.targetPages, turns: columns.turns.map((t) => t.page), pages: columns.pageCount },
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
    expect(both.printed.turns.length).toBeGreaterThan(0); // the sample has words hyphenated across page turns
    expectAgreement(both);
  }, 180_000);

  it('agrees with a print of an edition with repeated section titles and cross-references', async () => {
    const edition = makeEdition({ chapters: 5, sectionsPerChapter: 5, paragraphsPerSection: 4, repeatedSections: true, crossRefs: true });
    expectAgreement(await measureBothWays(edition));
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
