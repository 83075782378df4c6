import type { Html, Parent, Root, RootContent } from 'mdast';
import type { Point } from 'unist';

/** Elements that never have content (no closing tag). */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'frame', 'basefont', 'bgsound']);
/**
 * Elements whose end tag may be left out: the HTML parser closes them when a sibling starts, so
 * they do not nest into themselves. Not counting them keeps `<p>one<p>two` from looking deep.
 */
const SELF_CLOSING_SIBLINGS = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'rt', 'rp', 'rb', 'rtc', 'caption']);
/** Elements whose content is text to the HTML parser, not tags. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

interface Tag {
  readonly name: string;
  readonly closing: boolean;
  readonly index: number;
}

/**
 * The tags of an HTML fragment, in one forward pass (each character is read once: a regular
 * expression would rescan to the end from every `<` that is never closed). Comments are skipped;
 * quoted attribute values may hold `>`.
 */
function* tags(html: string): Generator<Tag> {
  let i = html.indexOf('<');
  while (i !== -1 && i < html.length) {
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      if (end === -1) return;
      i = html.indexOf('<', end + 3);
      continue;
    }
    const closing = html[i + 1] === '/';
    let j = i + (closing ? 2 : 1);
    const nameStart = j;
    while (j < html.length && /[A-Za-z0-9-]/.test(html[j] as string)) j++;
    if (j === nameStart || !/[A-Za-z]/.test(html[nameStart] as string)) {
      i = html.indexOf('<', i + 1);
      continue;
    }
    const name = html.slice(nameStart, j).toLowerCase();
    // Find the tag's end, skipping quoted attribute values.
    let quote: string | undefined;
    for (; j < html.length; j++) {
      const c = html[j];
      if (quote) {
        if (c === quote) quote = undefined;
      } else if ((c === '"' || c === "'") && html[j - 1] === '=') quote = c;
      else if (c === '>') break;
    }
    if (j >= html.length) return; // never closed: the parser reads it as text
    yield { name, closing, index: i };
    i = html.indexOf('<', j + 1);
  }
}

/**
 * Raw HTML nesting, counted like the Markdown nesting it sits in. All raw HTML of a chapter is
 * parsed as one stream, so depth carries from one HTML node to the next; a Markdown ancestor
 * (list, quote, directive) counts one level. One linear scan of the tags, before the HTML parser
 * and the tree converters (which recurse, and overflow the stack on 2,000 nested `<div>`s) see it.
 * Returns the start of the tag that crosses `limit`.
 */
export function findDeepHtml(tree: Root, limit: number): Point | undefined {
  let depth = 0;
  let raw: string | undefined;
  let found: Point | undefined;

  const scan = (node: Html, ancestors: number): Point | undefined => {
    const start = node.position?.start;
    for (const tag of tags(node.value)) {
      if (raw !== undefined) {
        if (tag.closing && tag.name === raw) {
          raw = undefined;
          depth = Math.max(0, depth - 1);
        }
        continue;
      }
      if (VOID.has(tag.name) || SELF_CLOSING_SIBLINGS.has(tag.name)) continue;
      if (tag.closing) {
        depth = Math.max(0, depth - 1);
        continue;
      }
      // `<div/>` opens a div all the same: the HTML parser ignores the slash on non-void elements.
      if (RAW_TEXT.has(tag.name)) raw = tag.name;
      depth += 1;
      if (depth + ancestors > limit) {
        if (!start) return { line: 1, column: 1 };
        const before = node.value.slice(0, tag.index);
        const newline = before.lastIndexOf('\n');
        const line = start.line + (before.match(/\n/g)?.length ?? 0);
        return { line, column: newline === -1 ? start.column + tag.index : tag.index - newline };
      }
    }
    return undefined;
  };

  const walk = (parent: Parent, ancestors: number): void => {
    for (const child of parent.children as RootContent[]) {
      if (found) return;
      if (child.type === 'html') found = scan(child, ancestors);
      else if ('children' in child) walk(child as Parent, child.type === 'paragraph' || child.type === 'heading' ? ancestors : ancestors + 1);
    }
  };
  walk(tree, 0);
  return found;
}
