/**
 * Bytes → text for survey CSVs. UTF-8 (with or without BOM) unless another encoding is declared;
 * undeclared non-UTF-8 bytes are an error that names the first bad byte's line and column.
 */
import type { Point } from 'unist';

export const supportedEncodings = ['utf-8', 'windows-1250', 'windows-1252', 'iso-8859-1', 'iso-8859-2', 'iso-8859-15'] as const;
export type Encoding = (typeof supportedEncodings)[number];

export type Decoded = { ok: true; text: string } | { ok: false; reason: string; place: Point };

const bom = [0xef, 0xbb, 0xbf] as const;

function hasBom(bytes: Uint8Array): boolean {
  return bytes[0] === bom[0] && bytes[1] === bom[1] && bytes[2] === bom[2];
}

/** Normalise the codebook spelling ("UTF8", "cp1250", "Windows-1250") to a supported label. */
export function normaliseEncoding(raw: string): Encoding | undefined {
  const s = raw.trim().toLowerCase().replace(/_/g, '-');
  const aliases: Record<string, Encoding> = {
    'utf-8': 'utf-8', utf8: 'utf-8', 'utf-8-bom': 'utf-8', 'utf-8-sig': 'utf-8',
    'windows-1250': 'windows-1250', cp1250: 'windows-1250', 'cp-1250': 'windows-1250',
    'windows-1252': 'windows-1252', cp1252: 'windows-1252', 'cp-1252': 'windows-1252',
    'iso-8859-1': 'iso-8859-1', latin1: 'iso-8859-1', 'latin-1': 'iso-8859-1',
    'iso-8859-2': 'iso-8859-2', latin2: 'iso-8859-2', 'latin-2': 'iso-8859-2',
    'iso-8859-15': 'iso-8859-15', latin9: 'iso-8859-15',
  };
  return aliases[s];
}

/**
 * Decode `bytes`. A UTF-8 BOM always wins (Excel's "CSV UTF-8"); it is stripped, as is a BOM
 * character that survived decoding. Declared single-byte encodings never fail.
 */
export function decodeBytes(bytes: Uint8Array, encoding: Encoding | undefined): Decoded {
  if (hasBom(bytes)) return decodeUtf8(bytes.subarray(3), 3, bytes);
  if (encoding === undefined || encoding === 'utf-8') return decodeUtf8(bytes, 0, bytes);
  // WHATWG maps iso-8859-1 to windows-1252, which is a superset for printable text.
  const text = new TextDecoder(encoding).decode(bytes);
  return { ok: true, text: stripBomChar(text) };
}

function stripBomChar(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function decodeUtf8(body: Uint8Array, skipped: number, all: Uint8Array): Decoded {
  try {
    return { ok: true, text: stripBomChar(new TextDecoder('utf-8', { fatal: true }).decode(body)) };
  } catch {
    const bad = firstInvalidUtf8(body) + skipped;
    const place = bytePlace(all, bad, skipped);
    const hex = (all[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return {
      ok: false,
      reason: `File is not valid UTF-8: byte 0x${hex} at ${place.line}:${place.column}. It was probably saved by Excel in a Windows code page (windows-1250 for Central European, windows-1252 for Western European text)`,
      place,
    };
  }
}

/** Index of the first byte that does not start or continue a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let len: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c < 0x80) { i++; continue; }
    else if (c >= 0xc2 && c <= 0xdf) len = 2;
    else if (c >= 0xe0 && c <= 0xef) { len = 3; if (c === 0xe0) lo = 0xa0; if (c === 0xed) hi = 0x9f; }
    else if (c >= 0xf0 && c <= 0xf4) { len = 4; if (c === 0xf0) lo = 0x90; if (c === 0xf4) hi = 0x8f; }
    else return i;
    for (let k = 1; k < len; k++) {
      const d = b[i + k];
      const min = k === 1 ? lo : 0x80;
      const max = k === 1 ? hi : 0xbf;
      if (d === undefined || d < min || d > max) return i;
    }
    i += len;
  }
  return b.length;
}

/** Line and 1-based character column of byte `index`, counting characters of the valid prefix. */
function bytePlace(bytes: Uint8Array, index: number, start: number): Point {
  let line = 1;
  let lineStart = start;
  for (let i = start; i < index; i++) {
    if (bytes[i] === 0x0a) { line++; lineStart = i + 1; }
  }
  const prefix = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, index)).replace(/\r$/, '');
  return { line, column: prefix.length + 1 };
}
