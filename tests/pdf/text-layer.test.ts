import { describe, expect, it } from 'vitest';
import { transformContent } from '../../pipeline/stages/emit-pdf/text-layer.js';

// Content as Skia writes it: "cit<SHY>ies" inside a line, and "di<SHY>" + a visible hyphen at a line end.
const span = '/Span<</ActualText <FEFF00AD> >> BDC\n';
const inside = `BT\n/F1 13.33 Tf\n1 0 0 -1 10 20 Tm\n<0010> Tj\n5.1 0 Td <0011> Tj\n${span}4.2 0 Td <0001> Tj\nEMC\n0 0 Td <0012> Tj\nET\n`;
const lineEnd = `BT\n/F1 13.33 Tf\n1 0 0 -1 10 40 Tm\n<0013> Tj\n${span}6.0 0 Td <0001> Tj\nEMC\nET\nBT\n/F1 13.33 Tf\n1 0 0 -1 630.7 40 Tm\n<00B2> Tj\nET\n`;

describe('transformContent', () => {
  it('drops an invisible soft hyphen inside a line and keeps the move to the next glyph', () => {
    const out = transformContent(inside);
    expect(out).toMatchObject({ inline: 1, lineEnd: 0, remaining: 0 });
    expect(out.content).toBe('BT\n/F1 13.33 Tf\n1 0 0 -1 10 20 Tm\n<0010> Tj\n5.1 0 Td <0011> Tj\n4.2 0 Td 0 0 Td <0012> Tj\nET\n');
  });

  it('marks the visible line-end hyphen as a soft hyphen instead', () => {
    const out = transformContent(lineEnd);
    expect(out).toMatchObject({ inline: 0, lineEnd: 1, remaining: 0 });
    expect(out.content).toBe(`BT\n/F1 13.33 Tf\n1 0 0 -1 10 40 Tm\n<0013> Tj\nET\nBT\n/F1 13.33 Tf\n1 0 0 -1 630.7 40 Tm\n${span}<00B2> Tj\nEMC\nET\n`);
  });

  it('takes the soft hyphen out of a ligature’s ActualText and leaves other ActualText alone', () => {
    const out = transformContent('/Span<</ActualText <FEFF006600AD0066> >> BDC\n<0040> Tj\nEMC\n/Span<</ActualText <FEFF2019> >> BDC\n<0041> Tj\nEMC\n');
    expect(out.content).toBe('/Span<</ActualText <FEFF00660066> >> BDC\n<0040> Tj\nEMC\n/Span<</ActualText <FEFF2019> >> BDC\n<0041> Tj\nEMC\n');
  });

  it('leaves an unexpected form alone and counts it', () => {
    const odd = `${span}<0001> Tj 3 Tz\nEMC\n`;
    expect(transformContent(odd)).toMatchObject({ content: odd, remaining: 1 });
  });
});
