/** Number formatting for labels, with the edition's locale (never the host's). */
import type { Locale } from '../../locale/index.js';
import { roundHalfUp } from '../survey/rounding.js';

/** 38.64 → "39%" (en), "39 %" (fr): the one rounding rule (survey/rounding.ts), then Intl. */
export function percent(pct: number, locale: Locale, digits = 0): string {
  return locale.percent(pct, digits);
}

export function decimal(value: number, locale: Locale, digits: number): string {
  return locale.number(value, digits);
}

/** Positions carried in specs (bar ends, label anchors): one decimal is finer than a pixel. */
export function round1(value: number): number {
  return roundHalfUp(value, 1);
}

export function roundTo(value: number, digits: number): number {
  return roundHalfUp(value, digits);
}

/** "n = 88", with the locale's digit grouping. */
export function nEquals(n: number, locale: Locale): string {
  return `n = ${locale.number(n)}`;
}
