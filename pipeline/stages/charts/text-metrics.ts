/**
 * Text widths without a canvas. Vega's fallback guesses 0.8 em per character, about 60% too wide
 * for Source Sans 3, which truncates labels and wastes space. This table of approximate advance
 * widths (em) for Source Sans 3 errs slightly wide, so text still never overlaps. Deterministic:
 * the same text always measures the same, on any machine.
 */

const narrow = new Set([...`il.,:;'|!() `]);
const semiNarrow = new Set([...'fjrtI-/[]"']);
const wideLower = new Set([...'mw']);
const wideUpper = new Set([...'MW%']);

function charWidth(c: string): number {
  if (c === ' ') return 0.22;
  if (narrow.has(c)) return 0.26;
  if (semiNarrow.has(c)) return 0.34;
  if (wideLower.has(c)) return 0.78;
  if (wideUpper.has(c)) return 0.86;
  if (c >= '0' && c <= '9') return 0.52;
  if (c >= 'a' && c <= 'z') return 0.52;
  if (c >= 'A' && c <= 'Z') return 0.62;
  return 0.6;
}

/** Width in px of `text` at `fontSize` px. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const c of text) em += charWidth(c);
  return Math.ceil(em * fontSize * (bold ? 1.06 : 1));
}

interface TextItem {
  readonly text?: unknown;
  readonly fontSize?: number;
  readonly fontWeight?: string | number;
}

/** For `vega.textMetrics.width`. */
export function vegaTextWidth(item: TextItem, text?: unknown): number {
  const value = text ?? item.text;
  const s = Array.isArray(value) ? value.map(String).reduce((a, b) => (a.length >= b.length ? a : b), '') : value == null ? '' : String(value);
  const size = item.fontSize ?? 11;
  const w = item.fontWeight;
  return textWidth(s, size, w === 'bold' || (typeof w === 'number' && w >= 600) || w === '600' || w === '700');
}
