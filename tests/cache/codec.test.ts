import fc from 'fast-check';
import { serialize as v8Serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { deserialize, serialize } from '../../pipeline/cache/codec.js';

describe('cache codec', () => {
  it('stores a page’s HTML as UTF-8, half the bytes V8 would write for it', () => {
    const html = `<p>The city’s plan</p>${'<p>Wohnungsbau in München</p>'.repeat(200)}`;
    const bytes = serialize(html);
    expect(deserialize(bytes)).toBe(html);
    expect(bytes.byteLength).toBe(1 + Buffer.byteLength(html, 'utf8'));
    expect(v8Serialize(html).byteLength).toBeGreaterThan(1.9 * bytes.byteLength);
  });

  it('gives back every string as it was, lone surrogates included', () => {
    for (const text of ['', 'a', '\u0001', '\uFEFF', '\uD800', 'x\uDC00y', '😀', '\u00FF\u0100']) expect(deserialize(serialize(text))).toBe(text);
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => deserialize(serialize(text)) === text));
  });

  it('keeps other values as the structured-clone serializer does', () => {
    const value = { title: 'Paris', seen: new Set([1]), by: new Map([['a', 2]]), when: new Date(Date.UTC(2026, 11, 3)), bytes: new Uint8Array([1, 2]), none: undefined };
    expect(deserialize(serialize(value))).toEqual(value);
    expect(deserialize(serialize(['<p>’</p>']))).toEqual(['<p>’</p>']);
    // A structured-clone value starts with its version tag, never with the UTF-8 tag.
    fc.assert(fc.property(fc.anything(), (value) => serialize(value)[0] === 0xff || typeof value === 'string'));
  });
});
