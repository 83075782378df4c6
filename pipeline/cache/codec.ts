import { createHash } from 'node:crypto';
import { deserialize as v8Deserialize, serialize as v8Serialize } from 'node:v8';

/**
 * A cached value as bytes and back: Node's structured-clone serializer, which keeps Maps, Sets,
 * Dates, typed arrays and undefined as they were (the model uses all of them).
 *
 * A string on its own (a web page's HTML) is stored as UTF-8 after one tag byte instead. V8 writes
 * a string with any character beyond Latin-1 (a typographic apostrophe will do) as UTF-16, twice
 * the bytes: the 20× bench edition's pages took 105 MB in the cache, read and decoded on every
 * rebuild. A structured-clone value always starts with 0xFF (its version tag), so the tag cannot be
 * mistaken. A string that UTF-8 cannot carry (a lone surrogate) goes through V8 as before.
 */
const UTF8_TAG = 0x01;

export function serialize(value: unknown): Uint8Array {
  if (typeof value === 'string' && wellFormed(value)) {
    const bytes = Buffer.allocUnsafe(1 + Buffer.byteLength(value, 'utf8'));
    bytes[0] = UTF8_TAG;
    bytes.write(value, 1, 'utf8');
    return bytes;
  }
  return v8Serialize(value);
}

/** Whether UTF-8 can carry the text (String.prototype.isWellFormed: Node 20, not yet in TypeScript's ES2022 library). */
const wellFormed = (text: string): boolean => (text as string & { isWellFormed(): boolean }).isWellFormed();

export function deserialize(bytes: Uint8Array): unknown {
  if (bytes[0] === UTF8_TAG) return Buffer.from(bytes.buffer, bytes.byteOffset + 1, bytes.byteLength - 1).toString('utf8');
  return v8Deserialize(bytes);
}

/**
 * The canonical text of a value, for cache keys and fingerprints only (never read back). Not v8's
 * bytes: those depend on how V8 happens to store a value, e.g. "abc" is written as one-byte or
 * two-byte text depending on the string it was cut from, so equal values could hash apart.
 * Key order follows construction order, which the pure stages keep stable.
 */
export function encode(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
    const raw = this[key];
    if (raw instanceof Date) return { '\u0000date': raw.toISOString() };
    if (v instanceof Set) return { '\u0000set': [...v] };
    if (v instanceof Map) return { '\u0000map': [...v] };
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
