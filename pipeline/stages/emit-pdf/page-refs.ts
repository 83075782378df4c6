import { h } from 'hastscript';
import { toString } from 'hast-util-to-string';
import type { Element, Root } from 'hast';

/**
 * Page references in print: a link to a chapter, a section, a figure or a table gets ", p. 31"
 * inside it, so the page number is part of the link's printed text (and of what the read-back
 * checks). The web edition keeps plain links; only the print document is marked.
 */
export interface PageRef {
  /** Print id the link goes to. */
  readonly target: string;
  /** The link's own words, before the page part. */
  readonly text: string;
  /** What identifies the target on its page: a heading's text, or a figure's or table's caption. */
  readonly targetText: string;
  readonly kind: 'heading' | 'caption';
  /** Key of the last recto heading before the target: a blank page inserted there moves the target too. */
  readonly recto: string | undefined;
  /** The element holding the number (filled in for each pass). */
  readonly number: Element;
}

/**
 * Mark every in-document link whose target is a chapter, a heading, a figure or a table (not the
 * contents, not notes, not links inside headings) with an empty page part. Call once per tree.
 */
export function markPageRefs(tree: Root, label: string): PageRef[] {
  const targets = new Map<string, { el: Element; recto: string | undefined }>();
  let recto: string | undefined;
  walk(tree, (el) => {
    if (el.properties['dataRecto'] !== undefined && typeof el.properties['id'] === 'string') recto = el.properties['id'];
    const id = el.properties['id'];
    if (typeof id === 'string' && id !== '') targets.set(id, { el, recto });
  });
  const refs: PageRef[] = [];
  walk(tree, (el, ancestors) => {
    const href = el.properties['href'];
    if (el.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#') || href.length < 2) return;
    if (ancestors.some((a) => /^h[1-6]$/.test(a.tagName) || hasClass(a, 'toc') || hasClass(a, 'endnotes'))) return;
    if (el.properties['dataFootnoteRef'] !== undefined || el.properties['dataFootnoteBackref'] !== undefined) return;
    const found = targets.get(href.slice(1));
    if (found === undefined) return;
    const what = identify(found.el);
    if (what === undefined) return;
    // A chapter's section starts before its title: the title's recto key is the one that moves it.
    const key = what.heading !== undefined ? (typeof what.heading.properties['id'] === 'string' ? what.heading.properties['id'] : found.recto) : found.recto;
    const number = h('span.page-ref-number');
    refs.push({ target: href.slice(1), text: toString(el), targetText: what.text, kind: what.kind, recto: key, number });
    // No break between the label and its number; the number's width is reserved (fillPageRefs).
    el.children.push(h('span.page-ref', [', ', `${label}\u00a0`, number]));
  });
  return refs;
}

/**
 * Write the numbers in. Every number takes the room of `digits` tabular figures (hidden zeros pad
 * it), so filling them in, or changing one, never re-wraps a line: the layout a pass measured holds.
 */
export function fillPageRefs(refs: readonly PageRef[], pages: ReadonlyMap<string, number> | undefined, digits: number): void {
  for (const ref of refs) {
    const page = pages?.get(ref.target);
    const shown = page === undefined ? '' : String(page);
    const pad = '0'.repeat(Math.max(0, digits - shown.length));
    ref.number.children = [...(pad === '' ? [] : [h('span.page-ref-pad', { ariaHidden: 'true' }, pad)]), ...(shown === '' ? [] : [{ type: 'text' as const, value: shown }])];
  }
}

function identify(el: Element): { text: string; kind: PageRef['kind']; heading?: Element } | undefined {
  if (/^h[1-6]$/.test(el.tagName)) return { text: toString(el), kind: 'heading' };
  if (el.tagName === 'section' && hasClass(el, 'chapter')) {
    const title = first(el, (e) => e.tagName === 'h1');
    return title === undefined ? undefined : { text: toString(title), kind: 'heading', heading: title };
  }
  if (el.tagName === 'figure' || el.tagName === 'table') {
    const caption = first(el, (e) => e.tagName === 'figcaption' || e.tagName === 'caption');
    return caption === undefined || toString(caption).trim() === '' ? undefined : { text: toString(caption), kind: 'caption' };
  }
  return undefined;
}

function hasClass(el: Element, name: string): boolean {
  const cls = el.properties['className'];
  return Array.isArray(cls) && cls.includes(name);
}

function first(node: Element, test: (el: Element) => boolean): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (test(child)) return child;
    const inner = first(child, test);
    if (inner !== undefined) return inner;
  }
  return undefined;
}

function walk(node: Root | Element, fn: (el: Element, ancestors: readonly Element[]) => void, ancestors: Element[] = []): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    fn(child, ancestors);
    ancestors.push(child);
    walk(child, fn, ancestors);
    ancestors.pop();
  }
}
