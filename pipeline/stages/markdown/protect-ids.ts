import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

export const CLOBBER_PREFIX = 'user-content-';

const HEADINGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6', 'h1']);

/**
 * Keep the ids the pipeline generated (headings, footnotes, the notes label) and prefix every
 * other `id` and `name`, so raw HTML from authors cannot clobber DOM globals or our own anchors.
 * Also drops protocol-relative image sources (`//host/x.png`): the sanitizer sees no scheme in
 * them and lets relative URLs through, but the browser fetches them from a third party.
 */
export function protectIds(tree: Root, headingIds: ReadonlySet<string>): void {
  visit(tree, 'element', (node: Element) => {
    const props = node.properties;
    if (props['src'] !== undefined && props['src'] !== null && isNetworkPath(String(props['src']))) delete props['src'];
    for (const key of ['id', 'name'] as const) {
      const value = props[key];
      if (value === undefined || value === null) continue;
      const text = String(Array.isArray(value) ? value.join(' ') : value);
      if (key === 'id' && isOwnId(node, text, headingIds)) continue;
      props[key] = CLOBBER_PREFIX + text;
    }
    for (const key of ['ariaDescribedBy', 'ariaLabelledBy'] as const) {
      const value = props[key];
      if (value === undefined || value === null) continue;
      const ids = Array.isArray(value) ? value.map(String) : String(value).split(/\s+/);
      if (node.tagName === 'a' && ids.every((i) => i === 'footnote-label')) continue;
      props[key] = ids.map((i) => CLOBBER_PREFIX + i);
    }
  });
}

function isOwnId(node: Element, id: string, headingIds: ReadonlySet<string>): boolean {
  if (HEADINGS.has(node.tagName)) return headingIds.has(id) || id === 'footnote-label';
  if (node.tagName === 'li') return /^fn-[\w-]+$/.test(id);
  if (node.tagName === 'a') return /^fnref-[\w-]+$/.test(id) && node.properties['dataFootnoteRef'] !== undefined;
  return false;
}

/**
 * True for URLs a browser resolves to another host although they name no scheme: after the URL
 * parser's clean-up (tabs and newlines removed, C0 and spaces trimmed, `\\` read as `/`), they
 * start with `//`.
 */
function isNetworkPath(url: string): boolean {
  const cleaned = url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  return /^[/\\]{2}/.test(cleaned);
}
