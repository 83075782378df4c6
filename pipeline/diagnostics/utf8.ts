/** Decode UTF-8 strictly; on failure, say where the first invalid byte is (1-based line and column). */
export function decodeUtf8(bytes: Uint8Array): { text: string; error?: { line: number; column: number } } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    return { text: new TextDecoder('utf-8').decode(bytes), error: firstInvalid(bytes) };
  }
}

function firstInvalid(bytes: Uint8Array): { line: number; column: number } {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] as number;
    const size = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 ? 2 : 0;
    let ok = size > 0 && i + size <= bytes.length;
    if (ok && size > 1) {
      try {
        decoder.decode(bytes.subarray(i, i + size));
      } catch {
        ok = false;
      }
    }
    if (!ok) {
      const column = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, i)).length + 1;
      return { line, column };
    }
    if (b === 0x0a) {
      line += 1;
      lineStart = i + 1;
    }
    i += size;
  }
  return { line, column: 1 };
}
