/** Number formatting for labels, in the edition's language. Intl is deterministic per ICU build. */

const cache = new Map<string, Intl.NumberFormat>();

function formatter(language: string, style: 'percent' | 'decimal', digits: number): Intl.NumberFormat {
  const key = `${language}|${style}|${digits}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(language, { style, minimumFractionDigits: digits, maximumFractionDigits: digits });
    cache.set(key, f);
  }
  return f;
}

/** 38.64 → "39%" (en), "39 %" (fr). */
export function percent(pct: number, language: string, digits = 0): string {
  return formatter(language, 'percent', digits).format(pct / 100);
}

export function decimal(value: number, language: string, digits: number): string {
  return formatter(language, 'decimal', digits).format(value);
}

/** Percentages carried in specs and tables: one decimal, so the table is what is plotted. */
export function round1(value: number): number {
  const r = Math.round(value * 10) / 10;
  return Object.is(r, -0) ? 0 : r;
}

export function roundTo(value: number, digits: number): number {
  const f = 10 ** digits;
  const r = Math.round(value * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

/** "n = 88", with the language's digit grouping. */
export function nEquals(n: number, language: string): string {
  return `n = ${decimal(n, language, 0)}`;
}
