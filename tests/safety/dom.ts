import type { Element, Root } from 'hast';
import { fromParse5 } from 'hast-util-from-parse5';
import { parse } from 'parse5';
import { visit } from 'unist-util-visit';

/** Parse an output page the way a browser would and list what could run, load or navigate. */
export function dangers(html: string): string[] {
  const tree = fromParse5(parse(html)) as Root;
  const found: string[] = [];
  visit(tree, 'element', (node: Element) => {
    const tag = node.tagName;
    // The site's own search script and favicon, from its own assets folder, are the only exceptions.
    const own = (url: unknown, file: string) => typeof url === 'string' && /^(?:\.\.\/)*assets\//.test(url) && url.endsWith(`assets/${file}`);
    if (tag === 'script' && own(node.properties['src'], 'search.js') && node.children.length === 0) return;
    if (tag === 'link' && String(node.properties['rel']) === 'icon' && own(node.properties['href'], 'favicon.svg')) return;
    if (['script', 'iframe', 'object', 'embed', 'base', 'form', 'frame', 'frameset', 'applet', 'portal', 'video', 'audio', 'source', 'picture'].includes(tag)) found.push(`<${tag}>`);
    if (tag === 'style') found.push('<style>');
    if (tag === 'meta' && node.properties['httpEquiv'] !== undefined && !String(node.properties['httpEquiv']).match(/content-security-policy/i)) found.push('<meta http-equiv>');
    if (tag === 'link' && !['stylesheet', 'canonical'].includes(String(node.properties['rel']))) found.push(`<link rel=${String(node.properties['rel'])}>`);
    for (const [key, value] of Object.entries(node.properties)) {
      if (/^on/i.test(key)) found.push(`${tag}[${key}]`);
      if (key === 'style') found.push(`${tag}[style]`);
      if (['href', 'src', 'action', 'formAction', 'poster', 'data', 'srcSet', 'xLinkHref', 'ping'].includes(key)) {
        const url = String(value).replace(/[\u0000-\u0020]/g, '').toLowerCase();
        if (/^(?:javascript|vbscript|data|file):/.test(url) && !(tag === 'img' && url.startsWith('data:image/'))) found.push(`${tag}[${key}=${url.slice(0, 40)}]`);
        if (key !== 'href' && /^(?:https?:)?\/\//.test(url)) found.push(`${tag}[${key}=${url.slice(0, 40)}] (third party)`);
      }
    }
  });
  return found;
}

/** Every `id` and `name` in a page. */
export function idsAndNames(html: string): string[] {
  const tree = fromParse5(parse(html)) as Root;
  const out: string[] = [];
  visit(tree, 'element', (node: Element) => {
    for (const key of ['id', 'name']) {
      const v = node.properties[key];
      if (v !== undefined && v !== null) out.push(String(v));
    }
  });
  return out;
}
