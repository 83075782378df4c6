import { describe, expect, it } from 'vitest';
import { numberChapters } from '../../pipeline/stages/assemble/numbering.js';

describe('chapter numbering per kind', () => {
  it('leaves the foreword and executive summary unnumbered and counts chapters from 1 after them', () => {
    const out = numberChapters([{ kind: 'foreword' }, { kind: 'executive-summary' }, { kind: 'essay' }, { kind: 'case-study' }, { kind: 'annex' }]);
    expect(out).toEqual([
      { label: null, prefix: 'F' },
      { label: null, prefix: 'ES' },
      { label: '1', prefix: '1' },
      { label: '2', prefix: '2' },
      { label: '3', prefix: '3' },
    ]);
  });
  it('follows `numbered:` in the front matter over the kind, and keeps unnumbered prefixes distinct', () => {
    const out = numberChapters([{ kind: 'foreword', numbered: true }, { kind: 'essay', numbered: false }, { kind: 'annex', numbered: false }, { kind: 'annex', numbered: false }, { kind: 'essay' }]);
    expect(out.map((n) => n.label)).toEqual(['1', null, null, null, '2']);
    expect(out.map((n) => n.prefix)).toEqual(['1', 'E', 'A', 'A2', '2']);
  });
});
