import { createRequire } from 'node:module';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { hyphenationOf, type TextConventions } from '../../locale/index.js';

const require = createRequire(import.meta.url);

type Hyphenator = (word: string) => string;

const hyphenators = new Map<string, Hyphenator | undefined>();

/** The hyphenator for `hyphen` patterns (locale/conventions.ts picks them), or undefined without. */
function hyphenatorFor(id: string | undefined): Hyphenator | undefined {
  if (id === undefined) return undefined;
  if (!hyphenators.has(id)) {
    try {
      const mod = require(`hyphen/${id}`) as { hyphenateSync(text: string, options?: object): string };
      const words = new Map<string, string>();
      hyphenators.set(id, (word) => {
        let out = words.get(word);
        if (out === undefined) {
          out = mod.hyphenateSync(word, { minWordLength: 6 });
          words.set(word, out);
        }
        return out;
      });
    } catch {
      hyphenators.set(id, undefined);
    }
  }
  return hyphenators.get(id);
}

/** Elements whose text must keep its exact letters: headings, code, graphics, numbers, links shown as URLs. */
const skipTags = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'code', 'pre', 'kbd', 'samp', 'var', 'svg', 'math', 'script', 'style', 'title', 'abbr']);
const urlLike = /:\/\/|^www\.|@|\/|\p{L}\.\p{L}/u;
const numeric = /^[\s\d.,%‰+\-−–—()€$£/:]*$/u;

/**
 * Insert soft hyphens into running text (Chromium on Linux has no hyphenation dictionaries).
 * Works in place on a tree the caller owns; `lang` attributes inside switch patterns.
 */
export function hyphenateTree(tree: Root | Element, text: Pick<TextConventions, 'hyphenation'>): void {
  visit(tree, hyphenatorFor(text.hyphenation));
}

function visit(node: Root | Element, hyphenate: Hyphenator | undefined): void {
  let current = hyphenate;
  if (node.type === 'element') {
    if (skipTags.has(node.tagName) || node.properties['translate'] === 'no' || hasClass(node, 'nohyphenate')) return;
    if (node.tagName === 'a' && looksLikeUrl(node)) return;
    if ((node.tagName === 'td' || node.tagName === 'th') && numeric.test(textOf(node))) return;
    const lang = node.properties['lang'];
    if (typeof lang === 'string' && lang !== '') current = hyphenatorFor(hyphenationOf(lang));
  }
  for (const child of node.children as (RootContent | ElementContent)[]) {
    if (child.type === 'element') visit(child, current);
    else if (child.type === 'text' && current !== undefined) child.value = hyphenateText(child.value, current);
  }
}

function hyphenateText(text: string, hyphenate: Hyphenator): string {
  return text.replace(/\S+/g, (token) => (urlLike.test(token) ? token : token.replace(/\p{L}{6,}/gu, (word) => (isAcronym(word) ? word : hyphenate(word)))));
}

const isAcronym = (word: string): boolean => word === word.toUpperCase();

function looksLikeUrl(a: Element): boolean {
  const text = textOf(a).trim();
  return urlLike.test(text) && !/\s/.test(text);
}

function hasClass(node: Element, name: string): boolean {
  const cls = node.properties['className'];
  return Array.isArray(cls) && cls.includes(name);
}

function textOf(node: Element): string {
  let out = '';
  for (const child of node.children) {
    if (child.type === 'text') out += child.value;
    else if (child.type === 'element') out += textOf(child);
  }
  return out;
}
