/** Locale-aware number text for `:stat` and labels. Rounding happens here, never in the model. */
import { roundHalfUp } from './rounding.js';

function locale(language: string): string {
  try {
    return Intl.NumberFormat.supportedLocalesOf([language]).length > 0 ? language : 'en';
  } catch {
    return 'en';
  }
}

/**
 * `pct` is 0..100, e.g. 39.13 → "39%" (en), "39 %" (fr, de). Rounded by the one rule in
 * rounding.ts before Intl sees it: Intl would round pct/100, whose binary value can sit just
 * below a half and round the other way.
 */
export function formatPercent(pct: number, language: string, decimals = 0): string {
  return new Intl.NumberFormat(locale(language), {
    style: 'percent',
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(roundHalfUp(pct, decimals) / 100);
}

export function formatNumber(value: number, language: string, decimals = 0): string {
  return new Intl.NumberFormat(locale(language), {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(roundHalfUp(value, decimals));
}
