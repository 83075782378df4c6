/** A tiny windows-1250 encoder for tests (TextEncoder only writes UTF-8). */
const table: Record<string, number> = {
  'ą': 0xb9, 'ć': 0xe6, 'ę': 0xea, 'ł': 0xb3, 'ń': 0xf1, 'ó': 0xf3, 'ś': 0x9c, 'ź': 0x9f, 'ż': 0xbf,
  'Ą': 0xa5, 'Ć': 0xc6, 'Ę': 0xca, 'Ł': 0xa3, 'Ń': 0xd1, 'Ó': 0xd3, 'Ś': 0x8c, 'Ź': 0x8f, 'Ż': 0xaf,
  'ö': 0xf6, 'Ö': 0xd6, 'ä': 0xe4, 'ü': 0xfc, 'ă': 0xe3, 'â': 0xe2, 'î': 0xee, 'ş': 0xba, 'ţ': 0xfe,
};

export function encodeCp1250(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else if (table[ch] !== undefined) out.push(table[ch]!);
    else throw new Error(`no windows-1250 byte for ${ch} in the test table`);
  }
  return Uint8Array.from(out);
}
