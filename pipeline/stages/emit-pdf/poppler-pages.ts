import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFPageLeaf, PDFRef, type PDFDocument } from 'pdf-lib';
import { destinationArray, namedDestinations } from './outline.js';
import { assemblePages, type Annotation, type Item, type PrintedPages, type RawPage } from './pdf-pages.js';

/**
 * A printed PDF read quickly: its text from poppler's pdftotext (a program of its own, running on
 * another core, several times faster than pdf.js) and its links from the document pdf-lib has
 * parsed already. The passes read every PDF this way first; whatever such a read would act on (a
 * page reference off, a word split at a page turn, a contents entry wrong) is read again with
 * pdf.js, which has the last word (passes.ts), so a misreading here costs time, never a
 * wrong number. Undefined when pdftotext is not installed or fails; the caller reads with pdf.js.
 */
export async function readWithPoppler(bytes: Uint8Array, pdf: PDFDocument, split: SplitOptions = {}): Promise<PrintedPages | undefined> {
  return startPoppler(bytes, { ...split, pages: pdf.getPageCount() }).read(pdf);
}

/** pdftotext at work on a printed PDF; `read` joins its words to the links of the parsed document. */
export interface PopplerRun {
  read(pdf: PDFDocument): Promise<PrintedPages | undefined>;
}

export interface StartOptions extends SplitOptions {
  /** Pages in the document, if known; else read from the file's page tree. */
  readonly pages?: number | undefined;
  /**
   * A folder for pdftotext's input and output files. With one, pdftotext runs on its own while
   * this thread is busy (parsing the same PDF with pdf-lib, say); through pipes it would stop each
   * time the pipe is full until this thread reads it.
   */
  readonly scratch?: string | undefined;
}

/**
 * Start pdftotext on a printed PDF now, to be joined to the parsed document later: the measuring
 * pass starts it before pdf-lib parses the same file, so the two run on two cores at once.
 */
export function startPoppler(bytes: Uint8Array, options: StartOptions = {}): PopplerRun {
  // A long document is read in parts, one pdftotext per core: nothing else runs between passes.
  const ranges = pageRanges(options.pages ?? pageCountOf(bytes) ?? 0, options.cores ?? os.availableParallelism(), options.minPagesPerPart);
  const parts = options.scratch === undefined ? Promise.all(ranges.map((range) => pdftotextBbox(bytes, range))) : throughFiles(bytes, ranges, options.scratch);
  parts.catch(() => undefined); // awaited by read()
  return {
    async read(pdf) {
      const annotations = linkAnnotations(pdf);
      const words: Omit<RawPage, 'annotations'>[] = [];
      for (const xhtml of await parts.catch(() => [undefined])) {
        if (xhtml === undefined) return undefined;
        words.push(...wordsByPage(xhtml));
      }
      if (words.length !== annotations.length) return undefined;
      return assemblePages(words.map((page, i): RawPage => ({ ...page, annotations: annotations[i] ?? [] })));
    },
  };
}

/**
 * The page count from the page tree's root as Chromium writes it (`/Type /Pages … /Count N`, in
 * plain objects): the largest count of a /Pages node. Undefined when none is found; a wrong count
 * only splits the reading badly, and then the page count check in read() sends the caller to pdf.js.
 */
export function pageCountOf(bytes: Uint8Array): number | undefined {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  let most: number | undefined;
  for (const m of text.matchAll(/<<[^<>]*\/Type\s*\/Pages\b[^<>]*>>/g)) {
    const count = /\/Count\s+(\d+)/.exec(m[0]);
    if (count?.[1] !== undefined) most = Math.max(most ?? 0, Number(count[1]));
  }
  return most;
}

/** Pages first to last (1-based, inclusive), or undefined for the whole file. */
type PageRange = readonly [number, number] | undefined;

/** How a read is split (tests): at most `cores` parts of at least `minPagesPerPart` pages. */
export interface SplitOptions {
  readonly cores?: number;
  readonly minPagesPerPart?: number;
}

/** Below this many pages a part, a second pdftotext costs more (it parses the whole file too) than it saves. */
const MIN_PAGES_PER_PART = 40;

/**
 * The page ranges (1-based, inclusive) to read a document of `pages` pages in, at most one per
 * core and each at least minPagesPerPart long; undefined for the whole file in one read.
 */
export function pageRanges(pages: number, cores: number, minPagesPerPart = MIN_PAGES_PER_PART): PageRange[] {
  const parts = Math.max(1, Math.min(cores, Math.floor(pages / minPagesPerPart)));
  if (parts === 1) return [undefined];
  const size = Math.ceil(pages / parts);
  return Array.from({ length: parts }, (_, i) => [i * size + 1, Math.min(pages, (i + 1) * size)] as const).filter(([first, last]) => first <= last);
}

/** pdftotext's options for one range of pages (1-based, inclusive); none for the whole file. */
const pageArgs = (range: PageRange): string[] => (range === undefined ? [] : ['-f', String(range[0]), '-l', String(range[1])]);

function pdftotextBbox(bytes: Uint8Array, range: PageRange): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = spawn('pdftotext', ['-q', '-bbox', ...pageArgs(range), '-', '-'], { stdio: ['pipe', 'pipe', 'ignore'] });
    const out: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.on('error', () => resolve(undefined));
    child.on('close', (code) => resolve(code === 0 ? Buffer.concat(out).toString('utf8') : undefined));
    child.stdin.on('error', () => undefined); // a pdftotext that exits early is reported by its code
    child.stdin.end(bytes);
  });
}

/** Each range read by its own pdftotext, from and to files in a folder of `scratch`, removed after. */
function throughFiles(bytes: Uint8Array, ranges: readonly PageRange[], scratch: string): Promise<(string | undefined)[]> {
  let dir: string | undefined;
  try {
    // Written and started before returning: the caller goes on with synchronous work at once.
    dir = mkdtempSync(path.join(scratch, 'read-'));
    writeFileSync(path.join(dir, 'printed.pdf'), bytes);
  } catch {
    // A full disk, say: the caller reads with pdf.js. The folder goes now, or with the profile.
    if (dir !== undefined) void rm(dir, { recursive: true, force: true }).catch(() => undefined);
    return Promise.resolve([undefined]);
  }
  const reads = ranges.map((range, i) => pdftotextFile(path.join(dir, 'printed.pdf'), path.join(dir, `words-${i}.html`), range));
  return Promise.all(reads).finally(() => rm(dir, { recursive: true, force: true }));
}

function pdftotextFile(input: string, output: string, range: PageRange): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = spawn('pdftotext', ['-q', '-bbox', ...pageArgs(range), input, output], { stdio: 'ignore' });
    child.on('error', () => resolve(undefined));
    child.on('close', (code) => resolve(code === 0 ? readFile(output, 'utf8').catch(() => undefined) : undefined));
  });
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string): string =>
  s.replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (entities[e] ?? m),
  );

/**
 * Each page's words from `pdftotext -bbox`, turned into the reader's items: x and width as given,
 * y the baseline in points from the bottom edge. pdftotext gives each word's box from the font's
 * ascent to its descent; the baseline is taken a fifth of the way up from the box's foot.
 */
export function wordsByPage(xhtml: string): Omit<RawPage, 'annotations'>[] {
  const pages: { height: number; items: Item[] }[] = [];
  const token = /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)<\/word>/g;
  for (const m of xhtml.matchAll(token)) {
    if (m[2] !== undefined) {
      pages.push({ height: Number(m[2]), items: [] });
      continue;
    }
    const page = pages.at(-1);
    const str = decode(m[7] ?? '');
    if (page === undefined || str.trim() === '') continue;
    const [x1, y1, x2, y2] = [m[3], m[4], m[5], m[6]].map(Number) as [number, number, number, number];
    // Each is a whole word: the space after it keeps small print's words apart when lines are joined.
    page.items.push({ str: `${str} `, x: x1, y: page.height - (y2 - (y2 - y1) / 5), width: x2 - x1 });
  }
  return pages;
}

/** Every page's link annotations with a destination inside the document, in file order. */
function linkAnnotations(pdf: PDFDocument): Annotation[][] {
  // From the page tree as it is now: a finished document's objects have been numbered anew
  // (object-order.ts), and pdf-lib's own page list still has the old numbers.
  const leaves: { node: PDFPageLeaf; ref: PDFRef }[] = [];
  pdf.catalog.Pages().traverse((node, ref) => {
    if (node instanceof PDFPageLeaf) leaves.push({ node, ref });
  });
  const pageIndex = new Map(leaves.map((leaf, i) => [leaf.ref.toString(), i]));
  const named = namedDestinations(pdf);
  return leaves.map((page) => {
    const out: Annotation[] = [];
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const annot = annots?.lookupMaybe(i, PDFDict);
      if (annot?.get(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
      let dest = annot.get(PDFName.of('Dest'));
      if (dest === undefined) {
        const action = annot.lookupMaybe(PDFName.of('A'), PDFDict);
        if (action?.get(PDFName.of('S')) === PDFName.of('GoTo')) dest = action.get(PDFName.of('D'));
      }
      const array = destinationArray(pdf, named, dest);
      const first = array?.get(0);
      const target = first instanceof PDFRef ? pageIndex.get(first.toString()) : undefined;
      if (array === undefined || target === undefined) continue;
      const [ax = 0, ay = 0, bx = 0, by = 0] = annot.lookupMaybe(PDFName.of('Rect'), PDFArray)?.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : 0)) ?? [];
      const rect = [Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by)];
      const top = array.get(3);
      out.push({ rect, key: String(dest), target, targetY: top instanceof PDFNumber ? top.asNumber() : undefined });
    }
    return out;
  });
}
