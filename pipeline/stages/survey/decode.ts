/**
 * Bytes → text for survey CSVs. UTF-8 (with or without BOM) unless another encoding is declared;
 * undeclared non-UTF-8 bytes are an error that names the first bad byte's line and column.
 */
import type { Point } from 'unist';
import { decodeUtf8 } from '../../diagnostics/utf8.js';

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
  if (hasBom(bytes) || encoding === undefined || encoding === 'utf-8') return strictUtf8(bytes);
  // WHATWG maps iso-8859-1 to windows-1252, which is a superset for printable text.
  const text = new TextDecoder(encoding).decode(bytes);
  return { ok: true, text: stripBomChar(text) };
}

function stripBomChar(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function strictUtf8(bytes: Uint8Array): Decoded {
  const decoded = decodeUtf8(bytes);
  if (!decoded.error) return { ok: true, text: stripBomChar(decoded.text) };
  const { line, column, byte } = decoded.error;
  const hex = byte.toString(16).toUpperCase().padStart(2, '0');
  return {
    ok: false,
    reason: `File is not valid UTF-8: byte 0x${hex} at ${line}:${column}. It was probably saved by Excel in a Windows code page (windows-1250 for Central European, windows-1252 for Western European text)`,
    place: { line, column },
  };
}
