/**
 * What a reader sees on the printed pages, read back from the finished PDF with pdf.js (a parser
 * of its own, not Chromium's outline nor pdf-lib): each page's text lines, the folio printed in its
 * margin, and every in-document link with the text printed inside it and the page it goes to.
 */
export interface PageLine {
  readonly text: string;
  /** Baseline, in PDF points from the page's bottom edge. */
  readonly y: number;
}

export interface PageLink {
  /** 0-based page the link is printed on. */
  readonly page: number;
  /** Text printed inside the link's rectangles (a link wrapping over lines is one link). */
  readonly text: string;
  /** 0-based page the link goes to. */
  readonly target: number;
  /** Top of the destination, in PDF points from the bottom edge, when the PDF says. */
  readonly targetY: number | undefined;
}

export interface PrintedPages {
  readonly lines: readonly (readonly PageLine[])[];
  /** Each page's height in points. */
  readonly heights: readonly number[];
  /** The number printed alone in a page's top or bottom margin (the folio), if any. */
  readonly folios: readonly (string | undefined)[];
  readonly links: readonly PageLink[];
}

/** Margin band (points) where running heads and folios live: 20 mm from the top or bottom edge. */
const marginBand = 57;

/** A piece of text as a reader found it: baseline position and width in PDF points. */
export interface Item {
  readonly str: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
}

/** A link annotation on a page, its destination already resolved to a page. */
export interface Annotation {
  readonly rect: readonly number[];
  /** The destination as written (a name or an array), so consecutive boxes to one place can be told. */
  readonly key: string;
  /** 0-based page the link goes to. */
  readonly target: number;
  readonly targetY: number | undefined;
}

/** One page as a reader found it: its height, its text and its in-document links in file order. */
export interface RawPage {
  readonly height: number;
  readonly items: readonly Item[];
  readonly annotations: readonly Annotation[];
}

export async function readPrintedPages(bytes: Uint8Array, options: { readonly links?: boolean } = {}): Promise<PrintedPages> {
  // pdf.js is only needed once the PDF exists; loading it lazily keeps the HTML-only build lean.
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  const pages: RawPage[] = [];
  const pageIndex = new Map<string, number>();
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const height = (page.view[3] ?? 0) - (page.view[1] ?? 0);
      const items: Item[] = [];
      for (const item of (await page.getTextContent()).items) {
        if (!('str' in item)) continue;
        const str = item.str;
        if (str.trim() !== '') items.push({ str, x: Number(item.transform[4]), y: Number(item.transform[5]), width: item.width });
      }
      const annotations: Annotation[] = [];
      if (options.links !== false) {
        for (const annot of (await page.getAnnotations()) as { subtype?: string; dest?: unknown; rect?: number[] }[]) {
          if (annot.subtype !== 'Link' || annot.dest === undefined || annot.dest === null) continue;
          const dest = typeof annot.dest === 'string' ? await doc.getDestination(annot.dest) : (annot.dest as unknown[]);
          if (!Array.isArray(dest) || dest[0] === undefined) continue;
          const ref = dest[0] as { num: number; gen: number };
          const refKey = `${ref.num}/${ref.gen}`;
          let target = pageIndex.get(refKey);
          if (target === undefined) {
            target = await doc.getPageIndex(ref);
            pageIndex.set(refKey, target);
          }
          annotations.push({ rect: annot.rect ?? [], key: JSON.stringify(annot.dest), target, targetY: typeof dest[3] === 'number' ? dest[3] : undefined });
        }
      }
      pages.push({ height, items, annotations });
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return assemblePages(pages);
}

/** Lines, folios and links of pages as a reader found them (pdf.js here, poppler for measuring passes). */
export function assemblePages(pages: readonly RawPage[]): PrintedPages {
  const lines: PageLine[][] = [];
  const folios: (string | undefined)[] = [];
  const heights: number[] = [];
  const links: PageLink[] = [];
  pages.forEach(({ height, items, annotations }, index) => {
    heights.push(height);
    const pageLines = toLines(items);
    lines.push(pageLines);
    const folio = pageLines.find((l) => /^(\d+|[ivxlcdm]+)$/i.test(l.text) && (l.y < marginBand || l.y > height - marginBand));
    folios.push(folio?.text);
    // Chromium writes one annotation per inline box (a line of the link, a span inside it):
    // consecutive ones to the same place are one link, and each printed item counts once, in
    // the box that holds its middle.
    let previous: { key: string; items: Set<Item>; rect: readonly number[]; link: { page: number; text: string; target: number; targetY: number | undefined } } | undefined;
    const close = (): void => {
      if (previous === undefined) return;
      previous.link.text = toLines([...previous.items]).map((l) => l.text).join(' ');
      // A link box with nothing printed in it (an entry's empty fragment left at a page foot
      // when the entry moved to the next page) is not a link a reader can see.
      if (previous.link.text !== '') links.push(previous.link);
      previous = undefined;
    };
    for (const annot of annotations) {
      const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = annot.rect;
      const inside = items.filter((it) => it.x + it.width / 2 >= x1 && it.x + it.width / 2 <= x2 && it.y >= y1 - 2 && it.y <= y2 + 1);
      const rect = [x1, y1, x2, y2];
      // Two links to one place with text printed between them (", " in "[a](#x), [b](#x)") stay two.
      if (previous === undefined || previous.key !== annot.key || printedBetween(items, previous.rect, rect)) {
        close();
        previous = { key: annot.key, items: new Set(), rect, link: { page: index, text: '', target: annot.target, targetY: annot.targetY } };
      }
      previous.rect = rect;
      for (const item of inside) previous.items.add(item);
    }
    close();
  });
  return { lines, heights, folios, links };
}

/**
 * Whether text is printed between the end of one link box and the start of the next, in reading
 * order: on the same line between them, or after the first at its line's end and before the second
 * at its line's start. A lone hyphen at a line end is part of the word the link wraps.
 */
function printedBetween(items: readonly Item[], a: readonly number[], b: readonly number[]): boolean {
  const [ax1 = 0, ay1 = 0, ax2 = 0, ay2 = 0] = a;
  const [bx1 = 0, by1 = 0, , by2 = 0] = b;
  const mid = (it: Item) => it.x + it.width / 2;
  const on = (it: Item, y1: number, y2: number) => it.y >= y1 - 2 && it.y <= y2 + 1;
  const shown = (it: Item) => !/^[\s\-\u2010\u00ad]*$/.test(it.str);
  const sameLine = Math.abs((ay1 + ay2) / 2 - (by1 + by2) / 2) < 2;
  if (sameLine) return items.some((it) => shown(it) && on(it, by1, by2) && mid(it) > ax2 && mid(it) < bx1);
  return items.some((it) => shown(it) && ((on(it, ay1, ay2) && mid(it) > ax2) || (on(it, by1, by2) && mid(it) < bx1)));
}

/** Items on one baseline (±2 pt) make a line; lines top to bottom, items left to right. */
function toLines(items: readonly Item[]): PageLine[] {
  const rows: { y: number; items: Item[] }[] = [];
  for (const item of items) {
    const row = rows.find((r) => Math.abs(r.y - item.y) < 2);
    if (row) row.items.push(item);
    else rows.push({ y: item.y, items: [item] });
  }
  return rows
    .sort((a, b) => b.y - a.y)
    .map((r) => {
      // Chromium writes a ligature or a line-end hyphen as an item of its own: a space only where there is a gap.
      let text = '';
      let end = -Infinity;
      for (const item of r.items.sort((a, b) => a.x - b.x)) {
        text += (item.x - end > 1.5 ? ' ' : '') + item.str;
        end = item.x + item.width;
      }
      return { y: r.y, text: text.replace(/\s+/g, ' ').trim() };
    });
}
