/**
 * Reading the consent-to-be-named column. Survey exports write it as a number (1/2, 1/0) or as a
 * word (Y/N, yes/no, true/false, ja/nein, oui/non, sí/no, tak/nie). The codebook's `consent`
 * codes are tried first, as numbers or text; then the common yes/no words and 1/0, ignoring case.
 */
export type ConsentCode = number | string;

const yes = new Set(['y', 'yes', 'true', 'j', 'ja', 'oui', 'o', 'si', 'sí', 's', 'tak', 't', 'named']);
const no = new Set(['n', 'no', 'false', 'nein', 'non', 'nie', 'anonymous']);

function same(raw: string, code: ConsentCode): boolean {
  if (typeof code === 'number') return raw !== '' && Number(raw) === code;
  return raw.toLowerCase() === code.trim().toLowerCase();
}

/** true: may be named; false: anonymous; undefined: not a consent answer. */
export function readConsent(raw: string, codes: { named: ConsentCode; anonymous: ConsentCode }): boolean | undefined {
  const s = raw.trim();
  if (s === '') return undefined;
  if (same(s, codes.named)) return true;
  if (same(s, codes.anonymous)) return false;
  const word = s.toLowerCase();
  if (yes.has(word) || (s !== '' && Number(s) === 1)) return true;
  if (no.has(word) || (s !== '' && Number(s) === 0)) return false;
  return undefined;
}
