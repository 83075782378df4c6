/** Number text for `:stat` and labels, with the edition's locale. Rounding happens there (survey/rounding.ts), never in the model. */
import type { Locale } from '../../locale/index.js';

/** `pct` is 0..100, e.g. 39.13 → "39%" (en), "39 %" (fr, de). */
export function formatPercent(pct: number, locale: Locale, decimals = 0): string {
  return locale.percent(pct, decimals);
}

export function formatNumber(value: number, locale: Locale, decimals = 0): string {
  return locale.number(value, decimals);
}
