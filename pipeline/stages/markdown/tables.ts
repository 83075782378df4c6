import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import type { TableInfo } from '../../model/edition.js';

const CAPTION = /^Table:\s*/;
const SOURCE = /^Sources?:\s/;

/**
 * Number the chapter's tables ("Table 3.1") and turn a paragraph "Table: caption" written just
 * before a table into its <caption>. Tables are wrapped so wide ones scroll on small screens.
 */
export function numberTables(tree: Root, chapterNumber: number | string, label: string): TableInfo[] {
  const tables: TableInfo[] = [];
  walk(tree);
  return tables;

  function walk(parent: Root | Element): void {
    const children = parent.children as ElementContent[];
    for (let i = 0; i < children.length; i++) {
      const node = children[i];
      if (!node || node.type !== 'element') continue;
      if (node.tagName !== 'table') {
        walk(node);
        continue;
      }
      const number = `${chapterNumber}.${tables.length + 1}`;
      const id = `table-${number.replace('.', '-')}`;
      tables.push({ id, number });
      const previous = previousElement(children, i);
      let captionText: ElementContent[] = [];
      if (previous && previous.node.tagName === 'p' && CAPTION.test(toString(previous.node))) {
        captionText = stripPrefix(previous.node.children);
        children.splice(previous.index, 1);
        i -= 1;
      }
      node.properties = { ...node.properties, id };
      markHeaderCells(node);
      const numberLabel: Element = { type: 'element', tagName: 'strong', properties: {}, children: [{ type: 'text', value: `${label} ${number}` }] };
      // A table that brings its own caption (generated blocks) gets the number in front of it.
      const own = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'caption');
      if (own !== undefined) own.children.unshift(numberLabel, { type: 'text', value: ' ' });
      else node.children.unshift({ type: 'element', tagName: 'caption', properties: {}, children: [numberLabel, ...(captionText.length ? [{ type: 'text' as const, value: ' ' }, ...captionText] : [])] });
      const box: Element = { type: 'element', tagName: 'div', properties: { className: ['table-scroll'] }, children: [node] };
      children[i] = box;
      // "Source: …" written just after the table is its source note, kept with it.
      const next = nextElement(children, i);
      if (next && next.node.tagName === 'p' && SOURCE.test(toString(next.node))) {
        next.node.properties = { ...next.node.properties, className: ['table-source'] };
        box.children.push(next.node);
        children.splice(next.index, 1);
      }
    }
  }
}

function previousElement(children: ElementContent[], index: number): { node: Element; index: number } | undefined {
  for (let j = index - 1; j >= 0; j--) {
    const c = children[j];
    if (!c) continue;
    if (c.type === 'text' && c.value.trim() === '') continue;
    return c.type === 'element' ? { node: c, index: j } : undefined;
  }
  return undefined;
}

function nextElement(children: ElementContent[], index: number): { node: Element; index: number } | undefined {
  for (let j = index + 1; j < children.length; j++) {
    const c = children[j];
    if (!c) continue;
    if (c.type === 'text' && c.value.trim() === '') continue;
    return c.type === 'element' ? { node: c, index: j } : undefined;
  }
  return undefined;
}

function stripPrefix(children: ElementContent[]): ElementContent[] {
  const copy = [...children];
  const first = copy[0];
  if (first && first.type === 'text') copy[0] = { ...first, value: first.value.replace(CAPTION, '') };
  return copy;
}

/** Column headers say so, for screen readers and for the PDF's TH tags. */
function markHeaderCells(table: Element): void {
  for (const section of table.children) {
    if (section.type !== 'element' || section.tagName !== 'thead') continue;
    for (const row of section.children) {
      if (row.type !== 'element') continue;
      for (const cell of row.children) {
        if (cell.type === 'element' && cell.tagName === 'th') cell.properties = { ...cell.properties, scope: 'col' };
      }
    }
  }
}
