import { describe, expect, it } from 'vitest';
import type { PrintedPages } from '../../pipeline/stages/emit-pdf/pdf-pages.js';
import { verifyContents, type ExpectedEntry } from '../../pipeline/stages/emit-pdf/verify-toc.js';

// Two case studies with the same section titles; pages as a reader would read them.
const expected: ExpectedEntry[] = [
  { title: 'Ljubljana', chapter: 0, level: 1 },
  { title: 'The challenge', chapter: 0, level: 2 },
  { title: 'Hamburg', chapter: 1, level: 1 },
  { title: 'The challenge', chapter: 1, level: 2 },
];

function pages(overrides: { numbers?: string[]; targets?: number[] } = {}): PrintedPages {
  const numbers = overrides.numbers ?? ['3', '4', '5', '6'];
  const targets = overrides.targets ?? [2, 3, 4, 5];
  const titles = ['Ljubljana', 'The challenge', 'Hamburg', 'The challenge'];
  const body: PrintedPages['lines'] = [
    [{ text: 'Contents', y: 780 }],
    [],
    [{ text: '1 Ljubljana', y: 700 }, { text: 'Ljubljana started…', y: 660 }],
    [{ text: 'Ljubljana', y: 810 }, { text: 'The challenge', y: 700 }, { text: 'Text.', y: 680 }],
    [{ text: '2 Hamburg', y: 700 }],
    [{ text: 'Hamburg', y: 810 }, { text: 'The challenge', y: 500 }, { text: 'Text.', y: 480 }],
  ];
  return {
    lines: body.map((lines, i) => (i >= 2 ? [...lines, { text: String(i + 1), y: 30 }] : lines)),
    heights: body.map(() => 842),
    folios: body.map((_, i) => (i >= 2 ? String(i + 1) : undefined)),
    links: titles.map((title, i) => ({ page: 0, text: `${i % 2 === 0 ? `${i / 2 + 1} ` : ''}${title} ${numbers[i]}`, target: targets[i] ?? 0, targetY: undefined })),
  };
}

describe('verifyContents', () => {
  it('accepts contents that agree with the pages', () => {
    expect(verifyContents(pages(), expected)).toMatchObject({ checked: 4, problems: [] });
  });

  it('catches a planted wrong page number', () => {
    const { problems } = verifyContents(pages({ numbers: ['3', '4', '5', '4'] }), expected);
    expect(problems).toEqual(['contents entry 4 "The challenge" (page 1) says p. 4, but its link goes to the page numbered 6']);
  });

  it('catches a same-titled section of another chapter (number and link agree, chapter wrong)', () => {
    const { problems } = verifyContents(pages({ numbers: ['3', '4', '5', '4'], targets: [2, 3, 4, 3] }), expected);
    expect(problems).toEqual(['contents entry 4 "The challenge" (page 1) links to page 4, outside its chapter (pages 5–6)']);
  });

  it('catches a link to a page where the heading is not printed', () => {
    const { problems } = verifyContents(pages({ numbers: ['3', '3', '5', '6'], targets: [2, 2, 4, 5] }), expected);
    expect(problems).toEqual(['contents entry 2 "The challenge" (page 1): its heading is not printed where its link goes (page 3)']);
  });

  it('checks the heading at the link destination, not anywhere on the page', () => {
    const printed = pages();
    const links = printed.links.map((l, i) => (i === 3 ? { ...l, targetY: 790 } : l));
    expect(verifyContents({ ...printed, links }, expected).problems).toHaveLength(1);
  });

  it('catches a missing entry and entries out of order', () => {
    const printed = pages();
    expect(verifyContents({ ...printed, links: printed.links.slice(0, 3) }, expected).problems[0]).toMatch(/should have 4 entries/);
    const swapped = [printed.links[0], printed.links[2], printed.links[1], printed.links[3]].flatMap((l) => (l ? [l] : []));
    expect(verifyContents({ ...printed, links: swapped }, expected).problems[0]).toMatch(/out of order/);
  });
});
