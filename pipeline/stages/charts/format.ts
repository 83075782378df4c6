/** Number formatting for labels, in the edition's language. Intl is deterministic per ICU build. */
import { roundHalfUp } from '../survey/rounding.js';

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

/** 38.64 → "39%" (en), "39 %" (fr): the one rounding rule (survey/rounding.ts), then Intl. */
export function percent(pct: number, language: string, digits = 0): string {
  return formatter(language, 'percent', digits).format(roundHalfUp(pct, digits) / 100);
}

export function decimal(value: number, language: string, digits: number): string {
  return formatter(language, 'decimal', digits).format(roundHalfUp(value, digits));
}

/** Positions carried in specs (bar ends, label anchors): one decimal is finer than a pixel. */
export function round1(value: number): number {
  return roundHalfUp(value, 1);
}

export function roundTo(value: number, digits: number): number {
  return roundHalfUp(value, digits);
}

/** "n = 88", with the language's digit grouping. */
export function nEquals(n: number, language: string): string {
  return `n = ${decimal(n, language, 0)}`;
}
