import type { Root, Text } from 'mdast';
import { visitParents } from 'unist-util-visit-parents';

interface Quotes {
  readonly open: string;
  readonly close: string;
  readonly openInner: string;
  readonly closeInner: string;
}

const NBSP = '\u00a0';
const quotesByLanguage: Record<string, Quotes> = {
  en: { open: '“', close: '”', openInner: '‘', closeInner: '’' },
  de: { open: '„', close: '“', openInner: '‚', closeInner: '‘' },
  pl: { open: '„', close: '”', openInner: '«', closeInner: '»' },
  cs: { open: '„', close: '“', openInner: '‚', closeInner: '‘' },
  fr: { open: `«${NBSP}`, close: `${NBSP}»`, openInner: '“', closeInner: '”' },
  es: { open: '«', close: '»', openInner: '“', closeInner: '”' },
  it: { open: '«', close: '»', openInner: '“', closeInner: '”' },
  pt: { open: '«', close: '»', openInner: '“', closeInner: '”' },
  nl: { open: '“', close: '”', openInner: '‘', closeInner: '’' },
  sv: { open: '”', close: '”', openInner: '’', closeInner: '’' },
  fi: { open: '”', close: '”', openInner: '’', closeInner: '’' },
};

export function quotesFor(language: string): Quotes {
  const primary = language.toLowerCase().split('-')[0] ?? 'en';
  return quotesByLanguage[primary] ?? (quotesByLanguage['en'] as Quotes);
}

const OPENING_CONTEXT = /[\s([{\u2014\u2013/-]/;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;
const DIGIT = /\d/;

/**
 * Typographic quotes, apostrophes, dashes and ellipses for the given language, on text nodes only
 * (never in code). Context carries across inline nodes so `"*word*"` still pairs correctly.
 * Linear in the length of the text: pieces are collected in an array and joined once, and the
 * previous character is tracked in a variable (reading the last character of a growing string
 * flattens it every time, which made a 400 KB paragraph take minutes).
 */
export function smartenText(value: string, language: string, before = ' '): string {
  const q = quotesFor(language);
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

export function smartenTree(tree: Root, language: string): void {
  let last = ' ';
  let lastBlock: unknown;
  visitParents(tree, 'text', (node: Text, ancestors) => {
    if (ancestors.some((a) => SKIP.has(a.type))) return;
    const block = ancestors.find((a) => a.type === 'paragraph' || a.type === 'heading' || a.type === 'tableCell');
    if (block !== lastBlock) {
      last = ' ';
      lastBlock = block;
    }
    node.value = smartenText(node.value, language, last);
    last = node.value[node.value.length - 1] ?? last;
  });
}
