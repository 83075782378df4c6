import type { PDFDocument } from 'pdf-lib';

/**
 * The back cover is the last page of the document and must be a verso (an even page), or the
 * printed book would end on a right-hand page with its back cover inside. Chromium has no
 * `break-before: left`, and how many pages the chapters take is known only after printing, so
 * when the count is odd a blank page of the same size goes in before the back cover. Nothing
 * the contents or bookmarks point to moves: it comes after the last chapter.
 */
export function backCoverOnVerso(pdf: PDFDocument): boolean {
  const count = pdf.getPageCount();
  if (count < 2 || count % 2 === 0) return false;
  const { width, height } = pdf.getPage(count - 1).getSize();
  pdf.insertPage(count - 1, [width, height]);
  return true;
}
