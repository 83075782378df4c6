import type { Root, Text } from 'mdast';
import { visitParents } from 'unist-util-visit-parents';
import type { Quotes } from '../../locale/index.js';

const OPENING_CONTEXT = /[\s([{\u2014\u2013/-]/;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;
const DIGIT = /\d/;

/**
 * Typographic quotes (the text's language's, from the locale), apostrophes, dashes and ellipses, on text nodes only
 * (never in code). Context carries across inline nodes so `"*word*"` still pairs correctly.
 * Linear in the length of the text: pieces are collected in an array and joined once, and the
 * previous character is tracked in a variable (reading the last character of a growing string
 * flattens it every time, which made a 400 KB paragraph take minutes).
 */
export function smartenText(value: string, q: Quotes, before = ' '): string {
  const out: string[] = [];
  let prev = before;
  const emit = (piece: string): void => {
    out.push(piece);
    prev = piece[piece.length - 1] ?? prev;
  };
  for (let i = 0; i < value.length; i++) {
    const c = value[i] as string;
    const next = value[i + 1] ?? ' ';
    if (c === '"') {
      emit(OPENING_CONTEXT.test(prev) ? q.open : q.close);
    } else if (c === "'") {
      if (LETTER_OR_DIGIT.test(prev) && LETTER.test(next)) emit('’');
      else if (DIGIT.test(next) && OPENING_CONTEXT.test(prev) && DIGIT.test(value[i + 2] ?? '')) emit('’'); // ’26
      else emit(OPENING_CONTEXT.test(prev) ? q.openInner : q.closeInner);
    } else if (c === '-' && next === '-' && value[i + 2] === '-') {
      emit('—');
      i += 2;
    } else if (c === '-' && next === '-') {
      emit('–');
      i += 1;
    } else if (c === '-' && prev === ' ' && next === ' ') {
      emit('–');
    } else if (c === '.' && next === '.' && value[i + 2] === '.') {
      emit('…');
      i += 2;
    } else {
      out.push(c);
      prev = c;
    }
  }
  return out.join('');
}

const SKIP = new Set(['inlineCode', 'code', 'html', 'yaml']);

export function smartenTree(tree: Root, quotes: Quotes): void {
  let last = ' ';
  let lastBlock: unknown;
  visitParents(tree, 'text', (node: Text, ancestors) => {
    if (ancestors.some((a) => SKIP.has(a.type))) return;
    const block = ancestors.find((a) => a.type === 'paragraph' || a.type === 'heading' || a.type === 'tableCell');
    if (block !== lastBlock) {
      last = ' ';
      lastBlock = block;
    }
    node.value = smartenText(node.value, quotes, last);
    last = node.value[node.value.length - 1] ?? last;
  });
}
