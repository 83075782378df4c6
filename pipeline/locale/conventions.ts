/**
 * The one table of language conventions keyed by BCP 47 tag: hyphenation patterns (the `hyphen`
 * package) and quotation marks. Everything that turns a language tag into a convention reads it here.
 */

export interface Quotes {
  readonly open: string;
  readonly close: string;
  readonly openInner: string;
  readonly closeInner: string;
}

const NBSP = '\u00a0';
const english: Quotes = { open: '“', close: '”', openInner: '‘', closeInner: '’' };
const german: Quotes = { open: '„', close: '“', openInner: '‚', closeInner: '‘' };
const guillemets: Quotes = { open: '«', close: '»', openInner: '“', closeInner: '”' };

/** By primary language; a region (de-CH, fr-CH) may differ below. */
const quotesByLanguage: Record<string, Quotes> = {
  en: english,
  de: german,
  cs: german,
  sk: german,
  sl: german,
  lt: german,
  et: german,
  is: german,
  pl: { open: '„', close: '”', openInner: '«', closeInner: '»' },
  ro: { open: '„', close: '”', openInner: '«', closeInner: '»' },
  hu: { open: '„', close: '”', openInner: '»', closeInner: '«' },
  hr: { open: '„', close: '“', openInner: '‚', closeInner: '‘' },
  bg: { open: '„', close: '“', openInner: '‚', closeInner: '‘' },
  fr: { open: `«${NBSP}`, close: `${NBSP}»`, openInner: '“', closeInner: '”' },
  es: guillemets,
  it: guillemets,
  pt: guillemets,
  ca: guillemets,
  el: guillemets,
  nb: guillemets,
  no: guillemets,
  lv: guillemets,
  nl: english,
  ga: english,
  mt: english,
  sv: { open: '”', close: '”', openInner: '’', closeInner: '’' },
  fi: { open: '”', close: '”', openInner: '’', closeInner: '’' },
  da: { open: '»', close: '«', openInner: '›', closeInner: '‹' },
};
const quotesByTag: Record<string, Quotes> = {
  'de-ch': guillemets,
  'fr-ch': guillemets,
};

/** Tag → `hyphen` pattern module. English editions of the Monitor are British. */
const patternIds: Record<string, string> = {
  en: 'en-gb', 'en-gb': 'en-gb', 'en-us': 'en-us', de: 'de', 'de-de': 'de', 'de-at': 'de', 'de-ch': 'de-ch-1901',
  fr: 'fr', es: 'es', it: 'it', nl: 'nl', pl: 'pl', pt: 'pt', 'pt-br': 'pt', sv: 'sv', da: 'da', fi: 'fi',
  nb: 'nb', nn: 'nn', no: 'no', cs: 'cs', sk: 'sk', sl: 'sl', hr: 'hr', hu: 'hu', ro: 'ro', bg: 'bg',
  el: 'el-monoton', et: 'et', lt: 'lt', lv: 'lv', ca: 'ca', eu: 'eu', gl: 'gl', ga: 'ga', cy: 'cy',
  is: 'is', uk: 'uk', ru: 'ru', sr: 'sr', tr: 'tr', mk: 'mk', sq: 'sq',
};

/** "de-AT" → "de". */
export function primaryOf(tag: string): string {
  return tag.toLowerCase().split('-')[0] ?? 'en';
}

export function quotesOf(tag: string): Quotes {
  return quotesByTag[tag.toLowerCase()] ?? quotesByLanguage[primaryOf(tag)] ?? english;
}

/** The `hyphen` pattern id for a tag, or undefined when there are none. */
export function hyphenationOf(tag: string): string | undefined {
  const lower = tag.toLowerCase();
  return patternIds[lower] ?? patternIds[primaryOf(lower)];
}

/** What running text in one language needs: its tag, quotes and hyphenation patterns. */
export interface TextConventions {
  readonly tag: string;
  readonly quotes: Quotes;
  readonly hyphenation: string | undefined;
}

export function conventionsOf(tag: string): TextConventions {
  return { tag, quotes: quotesOf(tag), hyphenation: hyphenationOf(tag) };
}
