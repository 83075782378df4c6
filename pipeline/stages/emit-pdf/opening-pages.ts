import { PDFArray, PDFName, PDFRawStream, PDFRef, type PDFDocument, type PDFObject } from 'pdf-lib';
import { replaceStream, streamText } from './content-streams.js';

/**
 * Chapter openings without a running head. Chromium ignores `@page :first` for named pages, so
 * every page of a chapter gets its head, the opening page too. Skia draws the margin boxes first
 * on each page, in a `q … Q` block of their own before the page area's clip; on the pages given,
 * the text objects of that block that stand in the top margin band (the head) are removed. The
 * folio at the foot stays. Anything not in that form is left alone.
 */
const topBand = 57; // points: 20 mm, where running heads stand

export function headlessContent(content: string, pageHeight: number): { content: string; removed: number } {
  // The page's own flip (`.24 0 0 -.24 0 H cm`), then the margin-box block before the first clip.
  const start = /^([-\d.]+) 0 0 (-[\d.]+) 0 ([\d.]+) cm\nq\n([\d.]+) 0 0 ([\d.]+) 0 0 cm\n/.exec(content);
  if (start === null) return { content, removed: 0 };
  const end = content.indexOf('\nQ\n', start[0].length);
  const block = content.slice(start[0].length, end);
  if (end === -1 || /BDC|\bre\n|\bW\*? n/.test(block)) return { content, removed: 0 };
  const scaleY = Number(start[2]) * Number(start[5]);
  const flip = Number(start[3]);
  let removed = 0;
  const kept = block.replace(/BT\n(?:(?!ET\n)[^\n]*\n)*?1 0 0 -1 [-\d.]+ ([-\d.]+) Tm\n(?:(?!ET\n)[^\n]*\n)*?ET\n/g, (whole, y: string) => {
    const fromBottom = flip + scaleY * Number(y);
    if (fromBottom <= pageHeight - topBand) return whole;
    removed += 1;
    return '';
  });
  return { content: content.slice(0, start[0].length) + kept + content.slice(end), removed };
}

/** Remove the running head of the given pages (1-based). Returns how many pages lost one. */
export function dropRunningHeads(doc: PDFDocument, pageNumbers: Iterable<number>): number {
  const pages = doc.getPages();
  let done = 0;
  for (const number of new Set(pageNumbers)) {
    const page = pages[number - 1];
    if (page === undefined) continue;
    const contents = page.node.get(PDFName.of('Contents'));
    const resolved = contents instanceof PDFRef ? doc.context.lookup(contents) : contents;
    // Skia writes one content stream per page; the margin boxes are at its start.
    const first: PDFObject | undefined = resolved instanceof PDFArray ? resolved.get(0) : contents;
    if (!(first instanceof PDFRef)) continue;
    const stream = doc.context.lookup(first);
    if (!(stream instanceof PDFRawStream)) continue;
    const text = streamText(stream);
    const result = headlessContent(text, page.getHeight());
    if (result.removed === 0) continue;
    replaceStream(doc, first, stream, result.content);
    done += 1;
  }
  return done;
}
