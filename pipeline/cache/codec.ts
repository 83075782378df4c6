import { createHash } from 'node:crypto';

const SET = '\u0000set';
const MAP = '\u0000map';
const DATE = '\u0000date';

/**
 * JSON that keeps Sets, Maps and Dates (the model uses all three), so a cached value reads back
 * as the same shape. Key order follows construction order, which the pure stages keep stable.
 */
export function encode(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
    const raw = this[key];
    if (raw instanceof Date) return { [DATE]: raw.toISOString() };
    if (v instanceof Set) return { [SET]: [...v] };
    if (v instanceof Map) return { [MAP]: [...v] };
    return v;
  });
}

export function decode(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      if (SET in o) return new Set(o[SET] as unknown[]);
      if (MAP in o) return new Map(o[MAP] as [unknown, unknown][]);
      if (DATE in o) return new Date(o[DATE] as string);
    }
    return v;
  });
}

export function sha256(...parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    hash.update(part);
    hash.update('\u0000');
  }
  return hash.digest('hex');
}

/** A content hash of any model value. */
export function fingerprint(value: unknown): string {
  return value === undefined ? 'undefined' : sha256(encode(value));
}
