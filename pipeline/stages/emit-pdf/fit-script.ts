/**
 * Runs inside Chromium, within the column script (column-script.ts), on a document laid out as one
 * column per page: finds the chapters that end on a short page and sets them tight or loose where
 * that helps (see fit.ts). Self-contained, no imports, no closures: it is sent as source text.
 */

/**
 * A unit (a chapter) that ends on a page of at most `lines` lines of running text, before a page
 * break, is a runt. It is given `attribute="tight"` (less space around its headings and blocks),
 * and keeps it where that takes the lines back to the page before; otherwise `attribute="loose"`
 * (more space, and more lines of a paragraph carried over), kept where that puts more than `lines`
 * lines on its last page without adding a page. Otherwise it is set as before.
 */
export interface RuntFit {
  readonly selector: string;
  readonly attribute: string;
  readonly lines: number;
}

/** How a unit was set to save its short last page. */
export interface Fitted {
  readonly id: string;
  readonly fit: 'tight' | 'loose';
}

/**
 * Sets the short-paged units tight or loose (RuntFit) and returns those that keep the setting, in
 * document order. `pageAt` gives the 1-based page (column) of a box; `body` is the laid-out body.
 */
export function fitScript(options: RuntFit, body: HTMLElement, pageAt: (rect: DOMRect | undefined) => number | null): Fitted[] {
  const fitted: Fitted[] = [];
  const { selector, attribute, lines } = options;
  const lineHeight = Number.parseFloat(getComputedStyle(body).lineHeight);
  const line = Number.isFinite(lineHeight) && lineHeight > 0 ? lineHeight : 16;
  const textRange = document.createRange();
  const pagesOf = (el: Element): { pages: number; last: number } => {
    const rects = el.getClientRects();
    const last = pageAt(rects[rects.length - 1]) ?? 0;
    return { pages: last - (pageAt(rects[0]) ?? 0) + 1, last };
  };
  // The lines of text on a unit's last page (`last`): the distinct heights at which its text stands
  // there (a superscript is within half a line of its own line), read from its last text backwards.
  const linesOnLastPage = (el: Element, last: number): number => {
    const tops: number[] = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.lastChild(); node !== null; node = walker.previousNode()) {
      textRange.selectNodeContents(node);
      const parts = Array.from(textRange.getClientRects());
      for (const part of parts) if (pageAt(part) === last && part.height > 0) tops.push(part.top);
      if (parts.length > 0 && (pageAt(parts[0]) ?? 0) < last) break;
    }
    tops.sort((a, b) => a - b);
    return tops.filter((top, i) => i === 0 || top - (tops[i - 1] ?? 0) > line * 0.45).length;
  };
  let runts: { el: Element; pages: number }[] = [];
  for (const el of Array.from(document.querySelectorAll(selector))) {
    const rects = el.getClientRects();
    const first = pageAt(rects[0]) ?? 0;
    const last = pageAt(rects[rects.length - 1]) ?? 0;
    // A last page taller than a few lines of body text cannot hold only a few lines of smaller text.
    if (last <= first || el.id === '' || (rects[rects.length - 1]?.height ?? 0) > line * (lines + 4)) continue;
    // Nothing else may follow on that page: the next block starts a page (or there is none).
    let next = el.nextElementSibling;
    while (next !== null && next.getClientRects().length === 0) next = next.nextElementSibling;
    if (next !== null && (pageAt(next.getClientRects()[0]) ?? 0) <= last) continue;
    if (linesOnLastPage(el, last) <= lines) runts.push({ el, pages: last - first + 1 });
  }
  const saved = new Set<Element>();
  const tries: [Fitted['fit'], (el: Element, pages: number) => boolean][] = [
    ['tight', (el, pages) => pagesOf(el).pages < pages],
    ['loose', (el, pages) => {
      const now = pagesOf(el);
      return now.pages <= pages && linesOnLastPage(el, now.last) > lines;
    }],
  ];
  for (const [fit, saves] of tries) {
    for (const { el } of runts) el.setAttribute(attribute, fit);
    for (const { el, pages } of runts) if (saves(el, pages)) saved.add(el);
    runts = runts.filter(({ el }) => !saved.has(el));
  }
  for (const { el } of runts) el.removeAttribute(attribute);
  for (const el of Array.from(document.querySelectorAll(selector))) {
    const set = el.getAttribute(attribute);
    if (saved.has(el) && (set === 'tight' || set === 'loose')) fitted.push({ id: el.id, fit: set });
  }
  return fitted;
}
