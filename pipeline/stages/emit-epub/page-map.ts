import type { Element, ElementContent, Text } from 'hast';
import { toString } from 'hast-util-to-string';
import { h } from 'hastscript';
import type { PrintedPages } from '../emit-pdf/pdf-pages.js';
import type { ChapterDocument } from './chapter.js';

/** One entry of the page list: the printed page's folio and where its marker is. */
export interface PageTarget {
  readonly label: string;
  readonly href: string;
  /** How the marker was placed: at the page's first words, at a later line of it, or by its chapter. */
  readonly how: 'first-line' | 'later-line' | 'chapter' | 'after-previous';
}

/** Margin band (points) of running heads and folios, as in pdf-pages.ts. */
const marginBand = 57;
/** A line's text must be at least this long (letters and digits) to be looked for. */
const minSnippet = 12;
/** At most this much of a line is looked for: enough to be unique, short enough to survive layout. */
const maxSnippet = 48;

/** Letters and digits only, lower case: what a PDF line and the XHTML text have in common. */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{Ll}\p{Lu}\p{Lt}\p{Lo}\p{Nd}]/gu, '');
}

interface Slot {
  readonly node: Text;
  readonly offset: number;
  /** Elements from the chapter section down to the text's parent. */
  readonly ancestors: readonly Element[];
}

interface Index {
  /** Every chapter's normalized text, one after another. */
  text: string;
  /** For each character of `text`, the place in the tree it came from. */
  slots: Slot[];
  /** Start of each chapter in `text`, and the end as the last entry. */
  starts: number[];
  /** Header rows of tables: printed again on each page a table runs onto, so never a page's start. */
  repeated: Set<string>;
}

/**
 * Page-break markers where each printed page of the PDF begins, so a reader can cite "p. 17" from
 * either edition. Each page's first body lines (running head and folio left out) are looked for in
 * the chapter text, in reading order, letters and digits only (hyphenation, ligatures and
 * typography differ between the two). A page none of whose lines is found gets its marker at its
 * chapter's start when it opens the chapter, else right after the previous page's.
 * Edits the documents in place; returns the page list in order.
 */
export function placePageBreaks(docs: readonly ChapterDocument[], pages: PrintedPages): PageTarget[] {
  const index = buildIndex(docs);
  const titles = docs.map((d) => normalize(d.chapter.frontMatter.title));
  const ops: { at: Place; label: string }[] = [];
  const targets: PageTarget[] = [];
  let cursor = 0;
  let lastSlot: Slot | undefined;
  let lastDoc = -1;
  const seen = new Set<string>();
  pages.lines.forEach((lines, p) => {
    const label = pages.folios[p];
    if (label === undefined || seen.has(label)) return;
    const height = pages.heights[p] ?? 0;
    const body = lines.filter((l) => l.y >= marginBand && l.y <= height - marginBand);
    const head = lines.filter((l) => (l.y < marginBand || l.y > height - marginBand) && l.text !== label).map((l) => normalize(l.text)).find((t) => t.length >= 4);
    const chapter = head === undefined ? -1 : titles.findIndex((t, i) => t.startsWith(head) && (index.starts[i + 1] ?? 0) > cursor);
    const from = chapter >= 0 ? Math.max(cursor, index.starts[chapter] ?? 0) : cursor;
    const to = chapter >= 0 ? (index.starts[chapter + 1] ?? index.text.length) : index.text.length;
    let found: { at: number; line: number } | undefined;
    for (let i = 0; i < body.length && found === undefined; i++) {
      if (index.repeated.has(normalize(body[i]?.text ?? ''))) continue;
      for (const variant of snippets(body[i]?.text ?? '')) {
        const at = index.text.indexOf(variant, from);
        if (at >= 0 && at + variant.length <= to) {
          found = { at, line: i };
          break;
        }
      }
    }
    let how: PageTarget['how'];
    let slot: Slot | undefined;
    let docIndex: number;
    if (found) {
      slot = wordStart(index.slots[found.at] as Slot);
      cursor = found.at + 1;
      docIndex = chapterAt(index, found.at);
      how = found.line === 0 ? 'first-line' : 'later-line';
    } else if (chapter >= 0 && chapter !== lastDoc && (index.starts[chapter] ?? 0) >= cursor) {
      docIndex = chapter;
      cursor = index.starts[chapter] ?? cursor;
      how = 'chapter';
    } else {
      slot = lastSlot;
      docIndex = Math.max(lastDoc, 0);
      how = 'after-previous';
    }
    const doc = docs[docIndex];
    if (doc === undefined) return;
    seen.add(label);
    lastDoc = docIndex;
    if (slot) lastSlot = slot;
    const first = doc.section.children.find((c): c is Element => c.type === 'element');
    ops.push({ at: slot ? placement(slot) : first ? { before: first, parent: doc.section } : { into: doc.section }, label });
    targets.push({ label, href: `${doc.href}#${pageId(label)}`, how });
  });
  apply(ops);
  return targets;
}

export function pageId(label: string): string {
  return `page-${label}`;
}

/** The line as looked for: whole, and without a list number or letter the PDF prints but the text lacks. */
function snippets(line: string): string[] {
  const out = [normalize(line), normalize(line.replace(/^\s*(\d+|[a-z]|[ivx]+)[.)]\s+/i, ''))].map((s) => s.slice(0, maxSnippet));
  return [...new Set(out)].filter((s) => s.length >= minSnippet);
}

function buildIndex(docs: readonly ChapterDocument[]): Index {
  const index: Index = { text: '', slots: [], starts: [], repeated: new Set() };
  const parts: string[] = [];
  for (const doc of docs) {
    index.starts.push(index.slots.length);
    const visit = (el: Element, ancestors: Element[]): void => {
      // Note references are printed raised, on a line of their own as the PDF is read: left out.
      if (doc.epubOnly.has(el) || el.properties['ariaHidden'] === 'true' || el.properties['dataFootnoteRef'] !== undefined) return;
      if (el.tagName === 'thead') index.repeated.add(normalize(toString(el)));
      for (const child of el.children) {
        if (child.type === 'element') visit(child, [...ancestors, child]);
        else if (child.type === 'text') {
          for (let i = 0; i < child.value.length; i++) {
            const n = normalize(child.value[i] as string);
            for (const c of n) {
              parts.push(c);
              index.slots.push({ node: child, offset: i, ancestors });
            }
          }
        }
      }
    };
    visit(doc.section, [doc.section]);
  }
  index.starts.push(index.slots.length);
  index.text = parts.join('');
  return index;
}

function chapterAt(index: Index, at: number): number {
  let i = 0;
  while ((index.starts[i + 1] ?? Infinity) <= at) i++;
  return i;
}

/** A page that begins inside a word (hyphenated across the page turn) is marked before the word. */
function wordStart(slot: Slot): Slot {
  let offset = slot.offset;
  while (offset > 0 && /[\p{L}\p{N}\u00AD-]/u.test(slot.node.value[offset - 1] as string)) offset--;
  return { ...slot, offset };
}

/** Elements whose accessible name is their text: a marker inside would add its page number to it. */
const named = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'button', 'label', 'summary', 'dt', 'th']);
/** Elements that must come first in their parent (or hold no text): the marker goes before the parent. */
const leading = new Set(['figcaption', 'caption', 'thead', 'legend']);

type Place = Slot | { before: Element; parent: Element } | { into: Element };

function placement(slot: Slot): Place {
  const chain = slot.ancestors;
  const cut = chain.findIndex((el, i) => i > 0 && (named.has(el.tagName) || leading.has(el.tagName)));
  if (cut === -1) return slot;
  const el = chain[cut] as Element;
  const row = chain[cut - 1] as Element;
  // A row header names its row: the marker goes at the start of the row's first data cell.
  if (el.tagName === 'th' && row.tagName === 'tr' && chain[cut - 2]?.tagName !== 'thead') {
    const cell = row.children.find((c): c is Element => c.type === 'element' && c.tagName === 'td');
    if (cell) return { into: cell };
  }
  let at = cut;
  // Climb while the element must lead its parent (a caption in its table, a figcaption in its figure).
  while (at > 1 && (leading.has((chain[at] as Element).tagName) || ['table', 'figure', 'thead', 'tr'].includes((chain[at - 1] as Element).tagName))) at--;
  return { before: chain[at] as Element, parent: chain[at - 1] as Element };
}

function marker(label: string): Element {
  return h('span', { 'epub:type': 'pagebreak', role: 'doc-pagebreak', id: pageId(label), ariaLabel: label });
}

function apply(ops: readonly { at: Place; label: string }[]): void {
  const byText = new Map<Text, { offset: number; label: string; parent: Element }[]>();
  const into = new Map<Element, string[]>();
  for (const op of ops) {
    if ('into' in op.at) {
      into.set(op.at.into, [...(into.get(op.at.into) ?? []), op.label]);
      continue;
    }
    if ('before' in op.at) {
      const { before, parent } = op.at;
      const i = parent.children.indexOf(before as ElementContent);
      parent.children.splice(i < 0 ? 0 : i, 0, marker(op.label));
      continue;
    }
    const parent = op.at.ancestors[op.at.ancestors.length - 1] as Element;
    const list = byText.get(op.at.node) ?? [];
    list.push({ offset: op.at.offset, label: op.label, parent });
    byText.set(op.at.node, list);
  }
  for (const [node, list] of byText) {
    const parent = list[0]?.parent as Element;
    const pieces: ElementContent[] = [];
    let from = 0;
    for (const { offset, label } of list.sort((a, b) => a.offset - b.offset)) {
      if (offset > from) pieces.push({ type: 'text', value: node.value.slice(from, offset) });
      pieces.push(marker(label));
      from = offset;
    }
    if (from < node.value.length) pieces.push({ type: 'text', value: node.value.slice(from) });
    const i = parent.children.indexOf(node);
    if (i >= 0) parent.children.splice(i, 1, ...pieces);
  }
  for (const [cell, labels] of into) cell.children.unshift(...labels.map(marker));
}
