import { h } from 'hastscript';
import type { Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { keepWordsWhole, pageTurns } from '../../pipeline/stages/emit-pdf/page-turns.js';
import type { PrintedPages } from '../../pipeline/stages/emit-pdf/pdf-pages.js';
import { headlessContent } from '../../pipeline/stages/emit-pdf/opening-pages.js';

const paragraph = (): Root => ({
  type: 'root',
  children: [
    h('h2', { id: 'a--sec' }, 'Section'),
    h('p', 'The tender required the city\u2019s right to audit. Be\u00adfore launch, it was pub\u00adlished in the city\u2019s al\u00adgorithm re\u00adgister, de\u00adscrib\u00ading its pur\u00adpose, data, lim\u00adit\u00ada\u00adtions and a con\u00adtact point.'),
  ],
});

const text = (tree: Root): string => JSON.stringify(tree);

describe('keepWordsWhole', () => {
  it('finds a word split across a page turn when the PDF reads the apostrophe as a modifier letter', () => {
    // pdf.js reads Chromium's right single quote as U+02BC, a letter to \\p{L}: it must not break the match.
    const tree = paragraph();
    const kept = keepWordsWhole(
      tree,
      [{ page: 64, before: 'right to audit. Before launch, it was published in the city\u02bcs al', after: 'gorithm register, describing its purpose, data, limitations and a contact' }],
      new Map([['a--sec', 64]]),
    );
    expect(kept).toBe(1);
    expect(text(tree)).toContain('algorithm re\u00adgister');
  });

  it('reads a turn from the printed pages: last line ends in a hyphen, the next page goes on in lower case', () => {
    const pages: PrintedPages = {
      lines: [
        [{ text: 'Running head', y: 820 }, { text: 'it was published in the city\u02bcs al-', y: 100 }, { text: '64', y: 30 }],
        [{ text: 'Running head', y: 820 }, { text: 'gorithm register, describing', y: 760 }],
      ],
      heights: [842, 842],
      folios: ['64', undefined],
      links: [],
    };
    expect(pageTurns(pages)).toEqual([{ page: 0, before: 'it was published in the city\u02bcs al', after: 'gorithm register, describing' }]);
  });
});

describe('headlessContent', () => {
  // The start of a chapter opening's content stream as Skia writes it: margin boxes first.
  const page = [
    '.23999999 0 0 -.23999999 0 841.91998 cm', 'q', '3.125 0 0 3.125 0 0 cm', '/G3 gs',
    'BT', '/F4 11.3299999 Tf', '1 0 0 -1 489.98438 64 Tm', '<0006> Tj', '5.6187439 0 Td <0033> Tj', 'ET',
    'BT', '/F4 11.3299999 Tf', '1 0 0 -1 573.78125 1081 Tm', '<008f> Tj', 'ET',
    'Q', 'q', '306.25 259.375 1511.81641 2964.5996 re', 'W* n', 'BT', '/F5 32 Tf', '1 0 0 -1 0 60 Tm', '<0006> Tj', 'ET', 'Q', '',
  ].join('\n');

  it('removes the running head in the top margin, keeps the folio and the page area', () => {
    const { content, removed } = headlessContent(page, 841.92);
    expect(removed).toBe(1);
    expect(content).not.toContain('489.98438 64 Tm');
    expect(content).toContain('573.78125 1081 Tm');
    expect(content).toContain('1 0 0 -1 0 60 Tm'); // inside the page area: not a margin box
  });

  it('leaves a stream of another form alone', () => {
    const other = page.replace('q\n3.125 0 0 3.125 0 0 cm\n', 'q\n');
    expect(headlessContent(other, 841.92)).toEqual({ content: other, removed: 0 });
  });
});
