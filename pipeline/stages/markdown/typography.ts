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

/**
 * Typographic quotes, apostrophes, dashes and ellipses for the given language, on text nodes only
 * (never in code). Context carries across inline nodes so `"*word*"` still pairs correctly.
 */
export function smartenText(value: string, language: string, before = ' '): string {
  const q = quotesFor(language);
  let out = '';
  let prev = before;
  for (let i = 0; i < value.length; i++) {
    const c = value[i] as string;
    const next = value[i + 1] ?? ' ';
    if (c === '"') {
      out += OPENING_CONTEXT.test(prev) ? q.open : q.close;
    } else if (c === "'") {
      if (/[\p{L}\p{N}]/u.test(prev) && /[\p{L}]/u.test(next)) out += '’';
      else if (/\d/.test(next) && OPENING_CONTEXT.test(prev) && /\d/.test(value[i + 2] ?? '')) out += '’'; // ’26
      else out += OPENING_CONTEXT.test(prev) ? q.openInner : q.closeInner;
    } else if (c === '-' && next === '-' && value[i + 2] === '-') {
      out += '—';
      i += 2;
    } else if (c === '-' && next === '-') {
      out += '–';
      i += 1;
    } else if (c === '-' && prev === ' ' && next === ' ') {
      out += '–';
    } else if (c === '.' && next === '.' && value[i + 2] === '.') {
      out += '…';
      i += 2;
    } else {
      out += c;
    }
    prev = out[out.length - 1] ?? prev;
  }
  return out;
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
