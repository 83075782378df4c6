import type { Root } from 'hast';
import { walkElements } from './chapter-print.js';
import type { Fitted, RuntFit } from './fit-script.js';

/**
 * Short last pages. A chapter that would end with a page of a few lines before the next chapter
 * (in the sample: the last lines of the foreword, and the last item of a case study's list) is
 * set a little tighter, which takes the lines back to the page before, or else a little looser,
 * which carries more of them over. `section.chapter[data-fit]` in the print style sheet says how.
 * The measuring pass decides in its columns (column-script.ts), since only a layout shows a runt,
 * and the print it leads to is checked like every other.
 *
 * Four lines: a paragraph leaves at least three on a page (widows), and a page of four or fewer
 * lines before a chapter opening is the short page a production editor would send back.
 */
export const chapterFit: RuntFit = { selector: 'section.chapter', attribute: 'data-fit', lines: 4 };

/** Mark the chapters (by their sections' ids) as the columns set them; returns how many were found. */
export function fitChapters(tree: Root, fitted: readonly Fitted[]): number {
  if (fitted.length === 0) return 0;
  const wanted = new Map(fitted.map((f) => [f.id, f.fit]));
  let found = 0;
  walkElements(tree, (el) => {
    const id = el.properties['id'];
    const fit = typeof id === 'string' ? wanted.get(id) : undefined;
    if (el.tagName === 'section' && fit !== undefined) {
      el.properties['dataFit'] = fit;
      found += 1;
    }
  });
  return found;
}

/** For the log: "chapter-a (tight), chapter-b (loose)", the first few of many, and how many more. */
export function describeFits(fitted: readonly Fitted[], shown = 6): string {
  const named = fitted.slice(0, shown).map((f) => `${f.id} (${f.fit})`).join(', ');
  return fitted.length > shown ? `${named} and ${fitted.length - shown} more` : named;
}
