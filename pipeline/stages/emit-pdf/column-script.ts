/**
 * Runs inside Chromium, on a loaded print document (see column-layout.ts): lays the document out
 * as one column per page and reads where things fell. Self-contained, no imports but types, no
 * closures: Puppeteer sends it to the page as source text, with the fit script (fit-script.ts) as
 * its second argument.
 *
 * The pages of the print document all have the same content box except those of a named page
 * with margins of its own (the covers), which are laid out one element per page. A forced page
 * break, or a change of named page, becomes a column break. Chromium fragments columns with the
 * same engine as pages, so lines, widows, orphans and `break-inside: avoid` fall as they print.
 * Anything this model does not cover (a `:first` page with its own margins, a mixed page size, a
 * right-to-left or vertical document, a cover taller than its page) gives a reason instead of a
 * guess, and the caller prints a measuring pass.
 */

import type { Fitted, RuntFit, fitScript } from './fit-script.js';

export interface ColumnScriptArgs {
  /** Ids of page-reference targets, whose pages are wanted. */
  readonly targets: readonly string[];
  /** Short last pages to take back, if any (see step 4). */
  readonly fit?: RuntFit | undefined;
}

export interface ColumnTurn {
  /** 1-based page on which the word starts. */
  readonly page: number;
  /** The text before the soft hyphen where the word breaks (the end of that page). */
  readonly before: string;
  /** The text after it (the start of the next page). */
  readonly after: string;
}

export type ColumnScriptResult =
  | { readonly ok: false; readonly reason: string }
  | {
      readonly ok: true;
      /** Every h1–h6 in document order: its text and 1-based page (null when it is not laid out). */
      readonly headings: readonly { readonly text: string; readonly page: number | null }[];
      /** Page of each target, in the order asked (null when missing or not laid out). */
      readonly targets: readonly (number | null)[];
      readonly turns: readonly ColumnTurn[];
      readonly pages: number;
      /** The units given the fit attribute, in document order. */
      readonly fitted: readonly Fitted[];
    };

export function columnScript(args: ColumnScriptArgs, fitRunts: typeof fitScript): ColumnScriptResult {
  const fail = (reason: string): ColumnScriptResult => ({ ok: false, reason });
  const mm = 96 / 25.4;
  const units: Record<string, number> = { mm, cm: 10 * mm, q: mm / 4, in: 96, pt: 96 / 72, pc: 16, px: 1 };
  const length = (value: string): number | undefined => {
    const m = /^(-?\d*\.?\d+)([a-z]*)$/i.exec(value.trim());
    if (m === null) return undefined;
    const n = Number(m[1]);
    if (m[2] === '') return n === 0 ? 0 : undefined;
    const unit = units[(m[2] ?? '').toLowerCase()];
    return unit === undefined ? undefined : n * unit;
  };
  const named: Record<string, [number, number]> = {
    a5: [148, 210], a4: [210, 297], a3: [297, 420], b5: [176, 250], b4: [250, 353],
    'jis-b5': [182, 257], 'jis-b4': [257, 364], letter: [215.9, 279.4], legal: [215.9, 355.6], ledger: [279.4, 431.8],
  };
  const pageSize = (value: string): [number, number] | undefined => {
    const words = value.trim().toLowerCase().split(/\s+/);
    const landscape = words.includes('landscape');
    const rest = words.filter((w) => w !== 'landscape' && w !== 'portrait');
    let size: [number, number] | undefined;
    if (rest.length === 1 && named[rest[0] ?? ''] !== undefined) {
      const [w, h] = named[rest[0] ?? ''] as [number, number];
      size = [w * mm, h * mm];
    } else if (rest.length === 2) {
      const w = length(rest[0] ?? '');
      const h = length(rest[1] ?? '');
      size = w === undefined || h === undefined ? undefined : [w, h];
    } else if (rest.length === 1) {
      const side = length(rest[0] ?? '');
      size = side === undefined ? undefined : [side, side];
    }
    return size && landscape ? [Math.max(...size), Math.min(...size)] : size;
  };

  // 1. The @page rules that apply to print.
  const rules: CSSPageRule[] = [];
  const collect = (list: CSSRuleList): void => {
    for (const rule of Array.from(list)) {
      if (rule instanceof CSSPageRule) rules.push(rule);
      else if (rule instanceof CSSMediaRule) {
        if (matchMedia(rule.media.mediaText).matches) collect(rule.cssRules);
      } else if (rule instanceof CSSSupportsRule || rule instanceof CSSLayerBlockRule) collect(rule.cssRules);
    }
  };
  try {
    for (const sheet of Array.from(document.styleSheets)) collect(sheet.cssRules);
  } catch {
    return fail('a style sheet cannot be read');
  }
  const sides = ['margin-top', 'margin-right', 'margin-bottom', 'margin-left'] as const;
  const geometric = (rule: CSSPageRule): boolean => rule.style.getPropertyValue('size') !== '' || sides.some((p) => rule.style.getPropertyValue(p) !== '');
  const parsed = rules.map((rule, order) => {
    const m = /^([^\s:]*)((?::[a-z-]+(?:\([^)]*\))?)*)$/i.exec(rule.selectorText.trim());
    return { rule, order, name: m?.[1] ?? '?', pseudo: (m?.[2] ?? '?').toLowerCase().split(':').filter(Boolean) };
  });
  for (const p of parsed) {
    if (!geometric(p.rule)) continue;
    if (p.name === '?' || p.pseudo.some((x) => x !== 'left' && x !== 'right' && x !== 'blank')) return fail(`the page rule "@page ${p.rule.selectorText}" sets a size or margins`);
  }
  // The content box of a page named `name` on the given side: the rules cascade by specificity
  // (a name before the pseudo-classes), then by order.
  const box = (name: string, side: 'left' | 'right'): { width: number; height: number } | undefined => {
    const applying = parsed
      .filter((p) => (p.name === '' || p.name === name) && p.pseudo.every((x) => x === side))
      .sort((a, b) => (a.name === '' ? 0 : 2) + a.pseudo.length - ((b.name === '' ? 0 : 2) + b.pseudo.length) || a.order - b.order);
    let size: [number, number] | undefined;
    const margin = [0, 0, 0, 0];
    for (const { rule } of applying) {
      const s = rule.style.getPropertyValue('size');
      if (s !== '') size = pageSize(s);
      for (const [i, prop] of sides.entries()) {
        const v = rule.style.getPropertyValue(prop);
        if (v === '') continue;
        const px = length(v);
        if (px === undefined) return undefined;
        margin[i] = px;
      }
    }
    if (size === undefined) return undefined;
    const [top = 0, right = 0, bottom = 0, left = 0] = margin;
    // Chromium prints into a content box of whole pixels, rounded up (measured with Chromium 156:
    // 128 mm × 251 mm, 483.78 × 948.66 px, take 484 × 949); a hair of width decides a line break.
    const whole = (px: number): number => Math.ceil(px - 0.001);
    return { width: whole(size[0] - left - right), height: whole(size[1] - top - bottom) };
  };
  const same = (a: { width: number; height: number }, b: { width: number; height: number }): boolean => Math.abs(a.width - b.width) < 0.01 && Math.abs(a.height - b.height) < 0.01;
  const main = box('', 'right');
  const mainLeft = box('', 'left');
  if (main === undefined || mainLeft === undefined || !same(main, mainLeft)) return fail('the pages have no single content box');

  const body = document.body;
  const bodyStyle = getComputedStyle(body);
  if (bodyStyle.direction !== 'ltr' || bodyStyle.writingMode !== 'horizontal-tb') return fail('the document is not written left to right, top to bottom');
  for (const p of ['padding-top', 'padding-right', 'padding-bottom', 'padding-left', 'border-top-width', 'border-bottom-width', 'border-left-width', 'border-right-width']) {
    if (bodyStyle.getPropertyValue(p) !== '0px') return fail(`the body has ${p}`);
  }

  // 2. Each element's page name, and the elements that make pages of their own (covers).
  const pageOf = new Map<Element, string>();
  const own = new Set<Element>();
  const pageish = new Set(['page', 'left', 'right', 'recto', 'verso']);
  const breaks: [HTMLElement, 'breakBefore' | 'breakAfter'][] = [];
  const special = new Map<string, boolean>();
  const isSpecial = (name: string): boolean | undefined => {
    if (!special.has(name)) {
      const right = box(name, 'right');
      const left = box(name, 'left');
      if (right === undefined || left === undefined) return undefined;
      special.set(name, !(same(right, main) && same(left, main)));
    }
    return special.get(name);
  };
  let problem: string | undefined;
  const visit = (el: Element, parentPage: string, inOwn: boolean): void => {
    const style = getComputedStyle(el);
    const named = style.getPropertyValue('page');
    const page = named === 'auto' || named === '' ? parentPage : named;
    pageOf.set(el, page);
    let mine = inOwn;
    if (!inOwn && page !== '' && page !== parentPage && style.display !== 'none') {
      const s = isSpecial(page);
      if (s === undefined) problem ??= `the page "${page}" has no known size`;
      if (s === true) {
        const full = box(page, 'right');
        if (full !== undefined && (el as HTMLElement).offsetHeight > full.height + 1) problem ??= `an element on page "${page}" is taller than its page`;
        own.add(el);
        mine = true;
      }
    }
    if (!inOwn && el instanceof HTMLElement) {
      if (pageish.has(style.breakBefore)) breaks.push([el, 'breakBefore']);
      if (pageish.has(style.breakAfter)) breaks.push([el, 'breakAfter']);
      // A change of page name between block siblings is a forced break.
      const prev = el.previousElementSibling;
      if (prev !== null && pageOf.get(prev) !== undefined && pageOf.get(prev) !== page && style.display !== 'inline') breaks.push([el, 'breakBefore']);
    }
    for (const child of Array.from(el.children)) visit(child, page, mine);
  };
  for (const child of Array.from(body.children)) visit(child, '', false);
  if (problem !== undefined) return fail(problem);

  // 3. One column per page.
  for (const [el, side] of breaks) el.style[side] = 'column';
  for (const el of own) {
    const s = (el as HTMLElement).style;
    Object.assign(s, { height: `${main.height}px`, boxSizing: 'border-box', overflow: 'hidden', margin: '0', breakBefore: 'column', breakAfter: 'column' });
  }
  Object.assign(body.style, { margin: '0', width: `${main.width}px`, height: `${main.height}px`, columnWidth: `${main.width}px`, columnGap: '0', columnFill: 'auto' });

  const origin = body.getBoundingClientRect();
  const width = origin.width;
  if (!(width > 0)) return fail('the columns have no width');
  const pageAt = (rect: DOMRect | undefined): number | null => (rect === undefined ? null : Math.floor((rect.left - origin.left + 0.5) / width) + 1);

  // 4. Short last pages, before anything is read (fit-script.ts).
  const fitted = args.fit === undefined ? [] : fitRunts(args.fit, body, pageAt);

  // 5. Where things fell.
  const headings = Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6')).map((h) => ({ text: h.textContent ?? '', page: pageAt(h.getClientRects()[0]) }));
  const targets = args.targets.map((id) => pageAt(document.getElementById(id)?.getClientRects()[0]));
  let pages = 0;
  for (const el of Array.from(body.children).reverse()) {
    const rects = el.getClientRects();
    if (rects.length > 0) {
      pages = pageAt(rects[rects.length - 1]) ?? 0;
      break;
    }
  }

  // Words broken at a soft hyphen across a page turn: only texts that span two pages are looked at.
  const turns: ColumnTurn[] = [];
  const range = document.createRange();
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  const blockOf = (node: Node): Element => {
    let el = node.parentElement ?? body;
    while (el !== body && getComputedStyle(el).display === 'inline') el = el.parentElement ?? body;
    return el;
  };
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const value = node.nodeValue ?? '';
    if (!value.includes('\u00ad')) continue;
    range.selectNodeContents(node);
    const spans = range.getClientRects();
    if (spans.length < 2 || pageAt(spans[0]) === pageAt(spans[spans.length - 1])) continue;
    for (let at = value.indexOf('\u00ad'); at !== -1; at = value.indexOf('\u00ad', at + 1)) {
      if (at === 0 || at + 1 >= value.length) continue;
      range.setStart(node, at - 1);
      range.setEnd(node, at);
      const before = pageAt(range.getClientRects()[0]);
      range.setStart(node, at + 1);
      range.setEnd(node, at + 2);
      // The letter after a broken soft hyphen also has a rect at the hyphen, at the end of the line.
      const afterRects = range.getClientRects();
      const after = pageAt(afterRects[afterRects.length - 1]);
      if (before === null || after === null || before === after) continue;
      const block = blockOf(node);
      range.setStart(block, 0);
      range.setEnd(node, at);
      const head = range.toString();
      range.setStart(node, at + 1);
      range.setEnd(block, block.childNodes.length);
      const tail = range.toString();
      turns.push({ page: before, before: head.slice(-120).replace(/\u00ad/g, ''), after: tail.slice(0, 120).replace(/\u00ad/g, '') });
    }
  }
  return { ok: true, headings, targets, turns, pages, fitted };
}
