import { createHash } from 'node:crypto';
import { deserialize as v8Deserialize, serialize as v8Serialize } from 'node:v8';

/**
 * A cached value as bytes and back: Node's structured-clone serializer, which keeps Maps, Sets,
 * Dates, typed arrays and undefined as they were (the model uses all of them).
 */
export function serialize(value: unknown): Uint8Array {
  return v8Serialize(value);
}

export function deserialize(bytes: Uint8Array): unknown {
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
