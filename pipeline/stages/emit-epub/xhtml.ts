import type { Element, ElementContent, Root, RootContent } from 'hast';
import { find, html } from 'property-information';
import type { Element as XElement, ElementContent as XContent, Root as XRoot } from 'xast';
import { toXml } from 'xast-util-to-xml';

export const XHTML_NS = 'http://www.w3.org/1999/xhtml';
export const EPUB_NS = 'http://www.idpf.org/2007/ops';

/**
 * A hast `<html>` element as an XHTML content document: XML declaration, doctype, the XHTML and
 * EPUB namespaces, and `xml:lang` beside every `lang`. hast-util-to-html writes HTML (bare boolean
 * attributes, unclosed void elements), which an XML parser refuses, so the tree goes through xast.
 * Raw nodes are the chart SVGs, already XML.
 */
export function toXhtml(document: Element): string {
  const root = convert(document) as XElement;
  root.attributes = { xmlns: XHTML_NS, 'xmlns:epub': EPUB_NS, ...root.attributes };
  const tree: XRoot = {
    type: 'root',
    children: [{ type: 'instruction', name: 'xml', value: 'version="1.0" encoding="UTF-8"' }, { type: 'text', value: '\n' }, { type: 'doctype', name: 'html' }, { type: 'text', value: '\n' }, root],
  };
  return toXml(tree, { allowDangerousXml: true, closeEmptyElements: true }) + '\n';
}

function convert(node: ElementContent | RootContent | Root): XContent | undefined {
  if (node.type === 'text') return { type: 'text', value: node.value };
  if (node.type === 'raw') return { type: 'raw', value: node.value } as unknown as XContent;
  if (node.type !== 'element') return undefined; // comments and doctypes of the content are dropped
  const attributes: Record<string, string> = {};
  for (const [prop, value] of Object.entries(node.properties)) {
    if (value === undefined || value === null || value === false) continue;
    const info = find(html, prop);
    attributes[info.attribute] = Array.isArray(value) ? value.join(info.commaSeparated ? ', ' : ' ') : value === true ? info.attribute : String(value);
  }
  if (attributes['lang'] !== undefined) attributes['xml:lang'] = attributes['lang'];
  const source = node.tagName === 'template' && node.content ? node.content.children : node.children;
  const children = source.map(convert).filter((c): c is XContent => c !== undefined);
  return { type: 'element', name: node.tagName, attributes, children };
}
