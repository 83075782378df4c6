import { describe, expect, it } from 'vitest';
import type { PrintedPages } from '../../pipeline/stages/emit-pdf/pdf-pages.js';
import { verifyPageRefs, type ExpectedRef } from '../../pipeline/stages/emit-pdf/verify-page-refs.js';

// One contents entry, then two page references; pages as a reader would read them.
const refs: ExpectedRef[] = [
  { target: 'a--fig-1', text: 'Figure 1.1', targetText: 'Figure 1.1 Share of cities reporting rising costs', kind: 'caption' },
  { target: 'chapter-b', text: 'the housing essay', targetText: 'Housing', kind: 'heading' },
];

function pages(numbers: string[] = ['4', '5'], targets: number[] = [3, 4]): PrintedPages {
  const body: PrintedPages['lines'] = [
    [{ text: 'Contents', y: 780 }],
    [{ text: 'As Figure 1.1, p. 4 shows, and the housing essay, p. 5 argues', y: 700 }],
    [],
    [{ text: 'Figure 1.1 Share of cities report-', y: 700 }, { text: 'ing rising costs', y: 688 }],
    [{ text: 'Housing', y: 700 }, { text: 'Text.', y: 660 }],
  ];
  return {
    lines: body.map((lines, i) => [...lines, { text: String(i + 1), y: 30 }]),
    heights: body.map(() => 842),
    folios: body.map((_, i) => String(i + 1)),
    links: [
      { page: 0, text: 'Housing 5', target: 4, targetY: undefined },
      { page: 1, text: '1', target: 2, targetY: undefined }, // a note reference: not a page reference
      { page: 1, text: `Figure 1.1, p. ${numbers[0]}`, target: targets[0] ?? 0, targetY: undefined },
      { page: 1, text: `the housing essay, p. ${numbers[1]}`, target: targets[1] ?? 0, targetY: undefined },
    ],
  };
}

describe('verifyPageRefs', () => {
  it('accepts references that agree with the pages', () => {
    expect(verifyPageRefs(pages(), refs, 'p.', 1)).toEqual({ checked: 2, problems: [] });
  });

  it('catches a planted wrong number', () => {
    expect(verifyPageRefs(pages(['4', '4']), refs, 'p.', 1).problems).toEqual([
      'the reference "the housing essay" on page 2 says p. 4, but its link goes to the page numbered 5',
    ]);
  });

  it('catches a link to a page that does not show its target', () => {
    expect(verifyPageRefs(pages(['3', '5'], [2, 4]), refs, 'p.', 1).problems).toEqual([
      'the reference "Figure 1.1" on page 2: "Figure 1.1 Share of cities reporting rising costs" is not printed on the page its link goes to (page 3)',
    ]);
  });

  it('catches a reference printed without its page number, or not at all', () => {
    const printed = pages();
    const links = printed.links.map((l, i) => (i === 2 ? { ...l, text: 'Figure 1.1' } : l));
    expect(verifyPageRefs({ ...printed, links }, refs, 'p.', 1).problems).toEqual([
      'the reference "Figure 1.1" to "Figure 1.1 Share of cities reporting rising costs" is not printed as a link with its page number',
    ]);
    const bare = printed.links.map((l, i) => (i === 3 ? { ...l, text: 'the housing essay, p.' } : l));
    expect(verifyPageRefs({ ...printed, links: bare }, refs, 'p.', 1).problems).toContain('the reference "the housing essay" on page 2 has no page number');
  });
});

describe('the rule of a wrong page reference', () => {
  it('is pdf-page-ref, with the catalogue hint', async () => {
    const { PdfEmitError } = await import('../../pipeline/stages/emit-pdf/errors.js');
    const { catalogue } = await import('../../pipeline/diagnostics/catalogue.js');
    const error = new PdfEmitError('pdf-page-ref', 'Page references disagree with the pages');
    expect(error.ruleId).toBe('pdf-page-ref');
    expect(error.hint).toBe(catalogue['pdf-page-ref'].hint);
  });
});

describe('the measuring document', () => {
  it('prints each chart as its empty svg of the same size, and leaves the tree as it was', async () => {
    const { serialize } = await import('../../pipeline/stages/emit-pdf/print-html.js');
    const svg = '<svg width="640" height="294" viewBox="0 0 640 294"><g><text>62%</text></g></svg>';
    const tree = { type: 'root' as const, children: [{ type: 'element' as const, tagName: 'div', properties: {}, children: [{ type: 'raw', value: svg } as never] }] };
    expect(serialize(tree, { chartBoxes: true })).toBe('<div><svg width="640" height="294" viewBox="0 0 640 294"></svg></div>');
    expect(serialize(tree)).toBe(`<div>${svg}</div>`);
  });
});
