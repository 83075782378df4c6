import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Text of every page (index 0 = page 1), extracted with pdf.js, independently of pdf-lib. */
export async function pageTexts(path: string): Promise<string[]> {
  const data = new Uint8Array(await readFile(path));
  const doc = await getDocument({ data, useSystemFonts: false, isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  const out: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    out.push(
      content.items
        .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
        .join('')
        .replace(/\u00ad/g, ''),
    );
  }
  await doc.destroy();
  return out;
}

export interface PdfLine {
  readonly text: string;
  readonly x: number;
  readonly y: number;
}

export interface PdfLink {
  /** 0-based page the link sits on. */
  readonly page: number;
  /** Text printed inside the link's rectangle(s). */
  readonly text: string;
  /** 0-based page the link goes to. */
  readonly target: number;
}

export interface PdfPages {
  /** Each page's text lines, top to bottom (soft hyphens removed). */
  readonly lines: readonly (readonly PdfLine[])[];
  /** The number printed in each page's top or bottom margin, if any. */
  readonly folios: readonly (string | undefined)[];
  /** In-document links in reading order; one entry per link even when it wraps over lines. */
  readonly links: readonly PdfLink[];
}

/** Lines, folios and in-document links of every page, read with pdf.js (not with the pipeline's code). */
export async function readPages(path: string): Promise<PdfPages> {
  const data = new Uint8Array(await readFile(path));
  const doc = await getDocument({ data, useSystemFonts: false, isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  const lines: PdfLine[][] = [];
  const folios: (string | undefined)[] = [];
  const links: PdfLink[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const [, , , height] = page.view as [number, number, number, number];
    const items = (await page.getTextContent()).items.flatMap((item) =>
      'str' in item && item.str.trim() !== '' ? [{ str: item.str.replace(/\u00ad/g, ''), x: item.transform[4] as number, y: item.transform[5] as number, width: item.width }] : [],
    );
    const byLine = new Map<number, typeof items>();
    for (const item of items) {
      const key = [...byLine.keys()].find((y) => Math.abs(y - item.y) < 2) ?? item.y;
      byLine.set(key, [...(byLine.get(key) ?? []), item]);
    }
    const pageLines = [...byLine.entries()]
      .sort((a, b) => b[0] - a[0])
      .map(([y, row]) => ({ y, x: Math.min(...row.map((r) => r.x)), text: row.sort((a, b) => a.x - b.x).map((r) => r.str).join(' ').replace(/\s+/g, ' ').trim() }));
    lines.push(pageLines);
    // The folio: a number alone in the bottom or top 20 mm of the page.
    const margin = 57;
    const folio = pageLines.find((l) => /^\d+$/.test(l.text) && (l.y < margin || l.y > height - margin));
    folios.push(folio?.text);
    let last: { dest: string; items: Set<(typeof items)[number]>; link: { page: number; text: string; target: number } } | undefined;
    for (const annot of await page.getAnnotations()) {
      if (annot.subtype !== 'Link' || annot.dest === undefined || annot.dest === null) continue;
      const dest = typeof annot.dest === 'string' ? await doc.getDestination(annot.dest) : annot.dest;
      if (!dest) continue;
      const target = await doc.getPageIndex(dest[0]);
      const [x1, y1, x2, y2] = annot.rect as [number, number, number, number];
      // An item belongs to the link box that holds its middle; Chromium writes a box per inline box.
      const inside = items.filter((it) => it.x + it.width / 2 >= x1 && it.x + it.width / 2 <= x2 && it.y >= y1 - 2 && it.y <= y2 + 1);
      const key = JSON.stringify(annot.dest);
      if (last === undefined || last.dest !== key) {
        last = { dest: key, items: new Set(), link: { page: i - 1, text: '', target } };
        links.push(last.link);
      }
      for (const it of inside) last.items.add(it);
      last.link.text = [...last.items].sort((a, b) => b.y - a.y || a.x - b.x).map((it) => it.str).join(' ').replace(/\s+/g, ' ').trim();
    }
  }
  await doc.destroy();
  return { lines, folios, links };
}
