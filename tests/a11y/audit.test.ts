import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPdf, formatFailure } from '../../pipeline/audit/index.js';
import { projectRoot } from '../../pipeline/build.js';
import { main } from '../../pipeline/cli.js';
import { pageTexts } from '../pdf/read-pdf.js';
import { buildInto, launchChromium, removeDir, type LaunchedChromium } from './harness.js';

let chromium: LaunchedChromium | undefined;
const temps: string[] = [];

beforeAll(async () => {
  chromium = await launchChromium();
}, 60_000);

afterAll(async () => {
  await chromium?.close();
  for (const dir of temps) await removeDir(dir);
});

/** A small PDF printed by Chromium from HTML, the way the PDF emitter prints (tagged, with bookmarks). */
async function printPdf(body: string, options: { outline?: boolean } = {}): Promise<Uint8Array> {
  const page = await chromium!.browser.newPage();
  try {
    await page.setContent(`<!doctype html><html lang="en"><head><title>A test document</title><style>.new-page { break-before: page; }</style></head><body>${body}</body></html>`);
    return await page.pdf({ tagged: true, outline: options.outline ?? true, format: 'A4' });
  } finally {
    await page.close();
  }
}

const goodBody = `<h1>Report</h1><p>Intro.</p><h2>Findings</h2><p>Text.</p><h3>Detail</h3><p>More.</p>
<figure role="group"><figcaption>Figure 1</figcaption><svg role="img" aria-label="Bars: 62% yes, 38% no" width="120" height="40"><g aria-hidden="true"><rect width="60" height="20" fill="#0a4b86"/></g></svg></figure>
<table><caption>Answers</caption><thead><tr><th scope="col">Answer</th><th scope="col">%</th></tr></thead><tbody><tr><th scope="row">Yes</th><td>62</td></tr></tbody></table>`;

describe('the PDF audit on small Chromium PDFs', () => {
  it('passes a tagged document with title, language, bookmarks, H1→H2→H3, a figure with alt text and a table with headers', async () => {
    expect(await auditPdf(await printPdf(goodBody))).toEqual([]);
  });

  it('fails a skipped heading level (H2 → H4) and names the page it is on', async () => {
    const bytes = await printPdf(`<h1>Report</h1><p>Intro.</p><h2 class="new-page">Findings</h2><p>Text.</p><h4>Too deep</h4><p>More.</p>`);
    expect(await auditPdf(bytes)).toEqual([{ page: 2, message: 'heading level skipped: H4 follows H2', checkpoint: '14-003' }]);
  });

  it('fails a first heading that is not H1', async () => {
    const failures = await auditPdf(await printPdf('<h2>Findings</h2><p>Text.</p>'));
    expect(failures.map((f) => f.checkpoint)).toEqual(['14-002']);
  });

  it('fails a Figure without alternative text', async () => {
    const failures = await auditPdf(await printPdf('<h1>Report</h1><figure><blockquote><p>A quote.</p></blockquote><figcaption>Someone</figcaption></figure>'));
    expect(failures).toEqual([{ page: 1, message: 'a Figure has no alternative text (/Alt)', checkpoint: '13-004' }]);
  });

  it('fails a Table without header cells', async () => {
    const failures = await auditPdf(await printPdf('<h1>Report</h1><table role="table"><caption>Answers</caption><tr><td>Yes</td><td>62</td></tr><tr><td>No</td><td>38</td></tr></table>'));
    expect(failures).toEqual([{ page: 1, message: 'a Table has no header cells (TH)', checkpoint: '15-002' }]);
  });

  it('fails a document without language, title, DisplayDocTitle or bookmarks', async () => {
    // Chromium always writes /Lang, /Title and /DisplayDocTitle, so take them out afterwards.
    const doc = await PDFDocument.load(await printPdf('<h1>Report</h1><p>Text.</p>', { outline: false }), { updateMetadata: false });
    doc.catalog.delete(PDFName.of('Lang'));
    doc.catalog.delete(PDFName.of('ViewerPreferences'));
    doc.setTitle('');
    const failures = await auditPdf(await doc.save());
    expect(failures.map((f) => f.checkpoint)).toEqual(['11-001', '06-003', '07-001', 'PDF/UA-1 7.1']);
    expect(failures.every((f) => f.page === undefined)).toBe(true);
  });

  it('fails an untagged document', async () => {
    // Chromium 156 tags even with tagged: false, so strip the tags afterwards.
    const doc = await PDFDocument.load(await printPdf('<h1>Report</h1><p>Text.</p>'), { updateMetadata: false });
    doc.catalog.delete(PDFName.of('MarkInfo'));
    doc.catalog.delete(PDFName.of('StructTreeRoot'));
    const failures = await auditPdf(await doc.save());
    expect(failures.filter((f) => f.checkpoint === '01-005').map((f) => f.message)).toEqual([
      'the document is not marked as tagged (/MarkInfo /Marked true is missing)',
      'the document has no structure tree (/StructTreeRoot)',
    ]);
  });

  it('formats a failure as `<pdf>: page N: <message> <checkpoint>`', () => {
    expect(formatFailure('out/pdf/x.pdf', { page: 3, message: 'heading level skipped: H4 follows H2', checkpoint: '14-003' })).toBe(
      'out/pdf/x.pdf: page 3: heading level skipped: H4 follows H2 14-003',
    );
    expect(formatFailure('x.pdf', { page: undefined, message: 'the document has no language (/Lang in the catalog)', checkpoint: '11-001' })).toBe(
      'x.pdf: document: the document has no language (/Lang in the catalog) 11-001',
    );
  });

  it('runs as `monitor audit [PDF]`: exit 0 when clean, 1 with one line per failure, 1 for a missing PDF', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'monitor-audit-'));
    temps.push(dir);
    await writeFile(path.join(dir, 'good.pdf'), await printPdf(goodBody));
    await writeFile(path.join(dir, 'bad.pdf'), await printPdf('<h1>Report</h1><h2>Findings</h2><h4>Too deep</h4>'));
    const run = async (...args: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await main(['audit', ...args], { out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir, env: {}, color: false });
      return { code, out, err };
    };
    expect(await run('good.pdf')).toEqual({ code: 0, out: [], err: ['No PDF/UA problems found by the machine-checkable audit.'] });
    const bad = await run('bad.pdf');
    expect(bad.code).toBe(1);
    expect(bad.out).toEqual(['bad.pdf: page 1: heading level skipped: H4 follows H2 14-003']);
    const missing = await run('--out', dir);
    expect(missing.code).toBe(1);
    expect(missing.err.join('\n')).toContain(path.join('pdf', 'eurocities-monitor-2026.pdf'));
    expect((await run('a.pdf', 'b.pdf')).code).toBe(2);
  });
});

describe('the PDF audit on the sample edition', () => {
  it('passes the sample edition’s PDF, found by `monitor audit --out`', async () => {
    const { out } = await buildInto('pdf');
    temps.push(out);
    const lines: string[] = [];
    const code = await main(['audit', '--out', out], { out: (t) => lines.push(t), err: (t) => lines.push(t), cwd: out, env: {}, color: false });
    expect(lines).toEqual(['No PDF/UA problems found by the machine-checkable audit.']);
    expect(code).toBe(0);
  }, 180_000);

  it('fails when a chapter skips from h2 to h4, naming the page of the planted heading', async () => {
    // A copy of the sample edition with one planted heading skip (a warning, so the build goes on).
    const root = await mkdtemp(path.join(os.tmpdir(), 'monitor-planted-'));
    temps.push(root);
    for (const part of ['edition.yaml', 'chapters', 'data']) await cp(path.join(projectRoot, part), path.join(root, part), { recursive: true });
    const file = path.join(root, 'chapters', 'housing.md');
    const source = await readFile(file, 'utf8');
    const planted = source.replace(/^## .+$/m, (h2) => `${h2}\n\n#### A planted heading that skips a level\n`);
    expect(planted).not.toBe(source);
    await writeFile(file, planted);

    const { out, edition } = await buildInto('pdf', root);
    temps.push(out);
    const pdfPath = path.join(out, 'pdf', `${edition.config.slug}.pdf`);
    const failures = await auditPdf(await readFile(pdfPath));
    expect(failures.map((f) => [f.message, f.checkpoint])).toEqual([['heading level skipped: H4 follows H2', '14-003']]);
    const page = failures[0]?.page;
    expect(page).toBeDefined();
    const texts = await pageTexts(pdfPath);
    expect(texts[(page ?? 0) - 1]?.replace(/\s+/g, ' ')).toContain('A planted heading that skips a level');
    expect(formatFailure(pdfPath, failures[0]!)).toBe(`${pdfPath}: page ${page}: heading level skipped: H4 follows H2 14-003`);
  }, 180_000);
});
