import { describe, expect, it } from 'vitest';
import { catalogue } from '../../pipeline/diagnostics/catalogue.js';
import { PdfEmitError } from '../../pipeline/stages/emit-pdf/errors.js';
import type { OutlineItem } from '../../pipeline/stages/emit-pdf/outline.js';
import { headingPages, type DocHeading } from '../../pipeline/stages/emit-pdf/toc.js';

/**
 * The rule pdf-toc is raised while printing, not by a source file, so it has no text fixture:
 * the check that raises it gets a synthetic mismatch between the document's headings and the
 * printed PDF's bookmarks instead.
 */
const headings: DocHeading[] = [
  { key: 'contents', text: 'Contents', recto: true },
  { key: 'housing', text: 'Housing', recto: true },
  { key: 'housing--costs', text: 'Rising costs', recto: false },
];
const bookmark = (title: string, page: number | undefined): OutlineItem => ({ title, page, depth: 1 }) as unknown as OutlineItem;

function raised(outline: OutlineItem[]): PdfEmitError {
  try {
    headingPages(headings, outline);
  } catch (error) {
    if (error instanceof PdfEmitError) return error;
    throw error;
  }
  throw new Error('no error was raised');
}

describe('pdf-toc', () => {
  it('pages of headings whose bookmarks agree', () => {
    const pages = headingPages(headings, [bookmark('Contents', 3), bookmark('Housing', 5), bookmark('Rising costs', 6)]);
    expect([...pages]).toEqual([['contents', 3], ['housing', 5], ['housing--costs', 6]]);
  });

  it('a bookmark that is not the heading in its place is a pdf-toc error with the catalogue hint', () => {
    const error = raised([bookmark('Contents', 3), bookmark('Rising costs', 6), bookmark('Housing', 5)]);
    expect(error.ruleId).toBe('pdf-toc');
    expect(error.message).toContain('Bookmark 2 is "Rising costs" (page 6), expected heading "Housing"');
    expect(error.hint).toBe(catalogue['pdf-toc'].hint);
  });

  it('a missing bookmark is a pdf-toc error', () => {
    const error = raised([bookmark('Contents', 3), bookmark('Housing', 5)]);
    expect(error.ruleId).toBe('pdf-toc');
    expect(error.message).toContain('2 bookmarks but the print document has 3 headings');
  });

  it('a bookmark whose destination is broken is a pdf-toc error', () => {
    expect(raised([bookmark('Contents', 3), bookmark('Housing', undefined), bookmark('Rising costs', 6)]).ruleId).toBe('pdf-toc');
  });
});
