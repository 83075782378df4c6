/**
 * The one strict UTF-8 decoder of the pipeline (chapters, survey CSVs). On failure it names the
 * first byte that does not start or continue a well-formed sequence, as a 1-based line and a
 * column in characters of the valid text before it, which is what an editor's status bar shows.
 */

export interface Utf8Error {
  readonly line: number;
  readonly column: number;
  /** The offending byte, for the message ("byte 0x9C"). */
  readonly byte: number;
}

const BOM = [0xef, 0xbb, 0xbf] as const;

/** Decode strictly; a leading BOM is dropped. On failure `text` is the lossy decoding, for display. */
export function decodeUtf8(bytes: Uint8Array): { text: string; error?: Utf8Error } {
  const start = bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2] ? 3 : 0;
  const body = bytes.subarray(start);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body) };
  } catch {
    const bad = firstInvalidUtf8(body);
    return { text: new TextDecoder('utf-8').decode(body), error: { ...placeOf(body, bad), byte: body[bad] ?? 0 } };
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
function placeOf(bytes: Uint8Array, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++) {
    if (bytes[i] === 0x0a) { line++; lineStart = i + 1; }
  }
  const prefix = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(lineStart, index)).replace(/\r$/, '');
  return { line, column: prefix.length + 1 };
}
