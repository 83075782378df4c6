/**
 * The edition's locale, resolved once from edition.yaml's `language` (and optional `locale` and
 * `strings`) and carried on the model: interface strings, quotes, hyphenation, numbers, dates,
 * country names, and the rule for a chapter in another language. Stages take it from the model;
 * no other module turns a language tag into a convention.
 */
import { roundHalfUp } from '../stages/survey/rounding.js';
import { catalogueFor } from './catalogues.js';
import { conventionsOf, primaryOf, type Quotes, type TextConventions } from './conventions.js';
import type { StringKey, Strings } from './strings/en.js';

export { hyphenationOf } from './conventions.js';
export type { Quotes, TextConventions } from './conventions.js';
export type { StringKey, Strings } from './strings/en.js';

export type Vars = Readonly<Record<string, string | number>>;

export interface Locale extends TextConventions {
  /** The edition's language as edition.yaml gives it: `<html lang>` and the PDF's /Lang. */
  readonly language: string;
  /** Its primary language subtag ("de" for de-AT), for tools that know languages only. */
  readonly primary: string;
  /** The tag numbers and dates are formatted with (`locale`, else the language; `en` is en-GB). */
  readonly formatTag: string;
  /** Interface strings after edition.yaml's `strings:` overrides. */
  readonly strings: Strings;
  /** False when the language has no catalogue and its interface strings are English. */
  readonly hasCatalogue: boolean;
  /** An interface string with its `{name}` values filled in (numbers formatted for the locale). */
  t(key: StringKey, vars?: Vars): string;
  /** `one` for a count of 1 in languages that say so, else `other`. */
  count(one: StringKey, other: StringKey, n: number, vars?: Vars): string;
  /** 1234.5 → "1,234.5" (en), "1.234,5" (de): grouped, rounded half up to `digits`. */
  number(value: number, digits?: number): string;
  /** 0..100 → "39%", "39 %". */
  percent(pct: number, digits?: number): string;
  /** A number as a data table shows it: every digit it has, the locale's decimal sign, no grouping. */
  cell(value: number): string;
  /** "2 December 2026", "2. Dezember 2026" (UTC, so the host's time zone never shows). */
  date(date: Date): string;
  /** ISO 3166 code → the country's name in the edition's language. */
  countryName(code: string): string;
  /** A region of data/cities.csv ("Nordic") in the edition's language; unknown ones as written. */
  regionName(code: string): string;
  /** A member type (full, associate, partner) as a group label. */
  memberTypeName(code: string): string;
  /** Text in the edition's quotation marks. */
  quote(text: string): string;
  compare(a: string, b: string): number;
  /**
   * The chapter-language rule, decided here only: a chapter's text follows its own `lang`, else
   * the edition's language. `other` says the chapter needs a `lang` attribute of its own.
   */
  chapter(lang: string | undefined): ChapterLanguage;
}

export interface ChapterLanguage extends TextConventions {
  readonly other: boolean;
}

export interface LocaleSettings {
  readonly language: string;
  readonly locale?: string | undefined;
  /** edition.yaml's `strings:`, already checked against the catalogue's keys. */
  readonly strings?: Readonly<Record<string, string>> | undefined;
}

/** A tag Intl knows, else its primary language, else British English: never the host's locale. */
function supported(tag: string): string {
  for (const candidate of [tag, primaryOf(tag)]) {
    try {
      if (Intl.NumberFormat.supportedLocalesOf([candidate]).length > 0) return candidate;
    } catch {
      // an invalid tag: try the next
    }
  }
  return 'en-GB';
}

export function resolveLocale(settings: LocaleSettings): Locale {
  const { language } = settings;
  const formatTag = supported(settings.locale ?? (primaryOf(language) === 'en' && !language.includes('-') ? 'en-GB' : language));
  const text = conventionsOf(settings.locale ?? language);
  const catalogue = catalogueFor(language);
  const strings: Strings = { ...catalogue.strings, ...(settings.strings as Partial<Strings> | undefined) };
  const numbers = new Map<string, Intl.NumberFormat>();
  const numberFormat = (style: 'decimal' | 'percent', digits: number, grouping = true): Intl.NumberFormat => {
    const key = `${style}|${digits}|${grouping}`;
    let f = numbers.get(key);
    if (!f) numbers.set(key, (f = new Intl.NumberFormat([formatTag, 'en-GB'], { style, minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: grouping })));
    return f;
  };
  const dates = new Intl.DateTimeFormat([formatTag, 'en-GB'], { dateStyle: 'long', timeZone: 'UTC' });
  const regions = new Intl.DisplayNames([formatTag, 'en-GB'], { type: 'region', fallback: 'code' });
  const collator = new Intl.Collator([formatTag, 'en-GB']);
  const plural = new Intl.PluralRules([formatTag, 'en-GB']);
  const number = (value: number, digits = 0): string => numberFormat('decimal', digits).format(roundHalfUp(value, digits));
  const fill = (template: string, vars: Vars | undefined): string =>
    vars === undefined ? template : template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const v = vars[name];
      return v === undefined ? whole : typeof v === 'number' ? number(v) : v;
    });
  const t = (key: StringKey, vars?: Vars): string => fill(strings[key], vars);
  const quotes: Quotes = text.quotes;
  return {
    ...text,
    language,
    primary: primaryOf(language),
    formatTag,
    strings,
    hasCatalogue: catalogue.own,
    t,
    count: (one, other, n, vars) => t(plural.select(n) === 'one' ? one : other, { n, count: n, ...vars }),
    number,
    percent: (pct, digits = 0) => numberFormat('percent', digits).format(roundHalfUp(pct, digits) / 100),
    cell: (value) => {
      const digits = Math.min(20, (String(value).split('.')[1] ?? '').length);
      return numberFormat('decimal', digits, false).format(value);
    },
    date: (date) => dates.format(date),
    countryName: (code) => regions.of(code) ?? code,
    regionName: (code) => (strings as Readonly<Record<string, string>>)[`region.${code}`] ?? code,
    memberTypeName: (code) => (strings as Readonly<Record<string, string>>)[`memberType.${code}`] ?? code,
    quote: (s) => `${quotes.open}${s}${quotes.close}`,
    compare: (a, b) => collator.compare(a, b),
    chapter: (lang) => {
      const same = lang === undefined || lang.toLowerCase() === language.toLowerCase() || lang.toLowerCase() === text.tag.toLowerCase();
      return same ? { ...text, other: false } : { ...conventionsOf(lang), other: true };
    },
  };
}
