import { cp } from 'node:fs/promises';
import path from 'node:path';
import { readFileSync, readdirSync } from 'node:fs';
import { PDFDocument, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EPOCH, monitor, project, readOutputTree, removeAll, tempDir } from './helpers.js';

/**
 * The sample edition built twice by the CLI, in different time zones and locales, must give
 * byte-identical HTML, SVG and CSV, and the same PDF once the parts a PDF may legitimately vary
 * in are normalised (see canonicalPdf).
 */
const southern = { SOURCE_DATE_EPOCH: EPOCH, TZ: 'Pacific/Auckland', LC_ALL: 'de_DE.UTF-8', LANG: 'de_DE.UTF-8' };
const neutral = { SOURCE_DATE_EPOCH: EPOCH, TZ: 'UTC', LC_ALL: 'C', LANG: 'C' };

/**
 * A PDF as a canonical text: every object in order, streams decoded. Normalised: the trailer /ID
 * (not part of any object), and Chromium's named destinations `nodeNNNNNNNN`, which are DOM node
 * ids that shift between runs; they are renamed by rank, so the order and every link target must
 * still agree. Document dates are NOT normalised: SOURCE_DATE_EPOCH must fix them.
 */
async function canonicalPdf(bytes: Uint8Array): Promise<string> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const parts: string[] = [];
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) {
    if (object instanceof PDFRawStream) {
      const data = decodePDFRawStream(object).decode();
      parts.push(`${ref.toString()} ${object.dict.toString()} stream ${Buffer.from(data).toString('latin1')}`);
    } else {
      parts.push(`${ref.toString()} ${object.toString()}`);
    }
  }
  const text = parts.join('\n');
  const ids = [...new Set([...text.matchAll(/node(\d{8})/g)].map((m) => Number(m[1])))].sort((a, b) => a - b);
  const rank = new Map(ids.map((id, i) => [id, i]));
  return text.replace(/node(\d{8})/g, (_m, id: string) => `dest${String(rank.get(Number(id))).padStart(8, '0')}`);
}

describe('reproducible builds', () => {
  let root: string;
  let outA: string;
  let outB: string;
  let outC: string;
  let a: Map<string, Buffer>;
  let b: Map<string, Buffer>;
  let c: Map<string, Buffer>;
  beforeAll(async () => {
    // A copy of the sample, so build A can fill a cache of its own that build C then reuses.
    root = await tempDir('repro-root');
    for (const p of ['edition.yaml', 'chapters', 'data']) await cp(path.join(project, p), path.join(root, p), { recursive: true });
    [outA, outB, outC] = await Promise.all([tempDir('repro-a'), tempDir('repro-b'), tempDir('repro-c')]);
    const [ra, rb] = await Promise.all([
      monitor(['build', '--root', root, '--out', outA, '--quiet'], southern),
      monitor(['build', '--root', root, '--out', outB, '--quiet', '--no-cache'], neutral),
    ]);
    expect(ra.code, ra.stderr).toBe(0);
    expect(rb.code, rb.stderr).toBe(0);
    // Build C: HTML only, neutral locale, every chart and chapter from the cache build A left.
    // It starts from B's output, so its pages link the same PDF.
    await cp(outB, outC, { recursive: true });
    const rc = await monitor(['build', '--root', root, '--out', outC, '--quiet', '--format', 'html'], neutral);
    expect(rc.code, rc.stderr).toBe(0);
    [a, b, c] = await Promise.all([readOutputTree(outA), readOutputTree(outB), readOutputTree(outC)]);
  }, 240_000);
  afterAll(() => removeAll(root, outA, outB, outC));

  it('gives the same file list', () => {
    expect([...a.keys()]).toEqual([...b.keys()]);
    expect([...a.keys()].some((f) => f.endsWith('.csv'))).toBe(true);
  });

  it('gives byte-identical HTML (with inline SVG), CSV, CSS and fonts in another time zone and locale', () => {
    const compared = [...a.keys()].filter((f) => !f.endsWith('.pdf'));
    expect(compared.length).toBeGreaterThan(40);
    for (const f of compared) expect(a.get(f)?.equals(b.get(f) ?? Buffer.alloc(0)), f).toBe(true);
    expect(compared.filter((f) => f.endsWith('.html')).some((f) => a.get(f)?.includes('<svg'))).toBe(true);
  });

  it('gives byte-identical HTML from a warm cache filled in another locale', () => {
    const compared = [...c.keys()].filter((f) => !f.endsWith('.pdf'));
    for (const f of compared) expect(c.get(f)?.equals(b.get(f) ?? Buffer.alloc(0)), f).toBe(true);
  });

  it('gives the same PDF, up to the trailer /ID and Chromium’s destination names', async () => {
    const pdf = [...a.keys()].find((f) => f.startsWith('pdf/') && f.endsWith('.pdf')) ?? 'missing';
    const [ca, cb] = await Promise.all([canonicalPdf(a.get(pdf) ?? new Uint8Array()), canonicalPdf(b.get(pdf) ?? new Uint8Array())]);
    expect(ca.length).toBeGreaterThan(100_000);
    // On a difference, show where: the first differing object of each.
    const at = [...ca].findIndex((ch, i) => ch !== cb[i]);
    const around = (t: string) => t.slice(Math.max(0, t.lastIndexOf('\n', at)), at + 300);
    expect(ca === cb, at < 0 ? 'lengths differ' : `A: ${around(ca)}\nB: ${around(cb)}`).toBe(true);
    // SOURCE_DATE_EPOCH fixes the document dates (2026-06-01).
    expect(ca).toMatch(/\/CreationDate \(D:20260601/);
    expect(ca).toMatch(/\/ModDate \(D:20260601/);
  });

  it('gives a byte-identical PDF: destination names and the /ID are made deterministic too', () => {
    const pdf = [...a.keys()].find((f) => f.startsWith('pdf/') && f.endsWith('.pdf')) ?? 'missing';
    expect(a.get(pdf)?.equals(b.get(pdf) ?? Buffer.alloc(0))).toBe(true);
  });
});

describe('no stage reads the clock or randomness', () => {
  /** Stages get the build date and locale as arguments (STYLE.md habit 2); only the CLI edge reads them. */
  it('has no Date.now(), new Date(), Math.random() or locale-default comparisons in compile and the stages', () => {
    const files = [path.join(project, 'pipeline/compile.ts'), ...walk(path.join(project, 'pipeline/stages'))];
    const hits: string[] = [];
    for (const file of files) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/Date\.now\(\)|new Date\(\)|Math\.random\(|crypto\.randomUUID|localeCompare\([^,()]*(?:\([^()]*\))?[^,()]*\)|new Intl\.\w+\(\)/.test(line)) hits.push(`${path.relative(project, file)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(hits).toEqual([]);
  });
});

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}
