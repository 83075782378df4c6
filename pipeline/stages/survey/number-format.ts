/** Locale-aware number text for `:stat` and labels. Rounding happens here, never in the model. */

function locale(language: string): string {
  try {
    return Intl.NumberFormat.supportedLocalesOf([language]).length > 0 ? language : 'en';
  } catch {
    return 'en';
  }
}

/** `pct` is 0..100, e.g. 39.13 → "39%" (en), "39 %" (fr, de). */
export function formatPercent(pct: number, language: string, decimals = 0): string {
  return new Intl.NumberFormat(locale(language), {
    style: 'percent',
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(pct / 100);
}

export function formatNumber(value: number, language: string, decimals = 0): string {
  return new Intl.NumberFormat(locale(language), {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);
}
