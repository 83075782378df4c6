/** The locale decided once: words, numbers, dates, quotes, countries and the chapter-language rule. */
import { describe, expect, it } from 'vitest';
import { resolveLocale } from '../../pipeline/locale/index.js';

const date = new Date(Date.UTC(2026, 11, 2, 23, 30));

describe('resolveLocale', () => {
  it('formats with the edition’s locale: decimal sign, percent, date and country names', () => {
    const de = resolveLocale({ language: 'de' });
    expect(de.number(47.46, 1)).toBe('47,5');
    expect(de.number(1234)).toBe('1.234');
    expect(de.percent(38.5)).toBe('39\u00a0%');
    expect(de.cell(47.5)).toBe('47,5');
    expect(de.cell(12345)).toBe('12345');
    expect(de.date(date)).toBe('2. Dezember 2026');
    expect(de.countryName('PL')).toBe('Polen');
    expect(de.regionName('Nordic')).toBe('Nordeuropa');
    expect(de.quote('wir')).toBe('„wir“');
    expect(de.hyphenation).toBe('de');
    expect(resolveLocale({ language: 'fr' }).quote('nous')).toBe('«\u00a0nous\u00a0»');
  });

  it('writes English as British English unless edition.yaml names a locale', () => {
    expect(resolveLocale({ language: 'en' }).date(date)).toBe('2 December 2026');
    expect(resolveLocale({ language: 'en', locale: 'en-US' }).date(date)).toBe('December 2, 2026');
    expect(resolveLocale({ language: 'de', locale: 'de-AT' }).date(date)).toBe('2. Dezember 2026');
    expect(resolveLocale({ language: 'de', locale: 'de-CH' }).quote('x')).toBe('«x»');
  });

  it('never falls back to the host’s locale: an unknown tag formats as British English', () => {
    const unknown = resolveLocale({ language: 'zz' });
    expect(unknown.formatTag).toBe('en-GB');
    expect(unknown.number(1234.5, 1)).toBe('1,234.5');
  });

  it('a language without a catalogue keeps its own numbers, dates, quotes, countries and hyphenation, with English words', () => {
    const cs = resolveLocale({ language: 'cs' });
    expect(cs.hasCatalogue).toBe(false);
    expect(cs.t('contents')).toBe('Contents');
    expect(cs.number(47.5, 1)).toBe('47,5');
    expect(cs.date(date)).toBe('2. prosince 2026');
    expect(cs.countryName('DE')).toBe('Německo');
    expect(cs.quote('x')).toBe('„x“');
    expect(cs.hyphenation).toBe('cs');
  });

  it('edition.yaml’s strings override the catalogue, placeholders filled with the locale’s numbers', () => {
    const de = resolveLocale({ language: 'de', strings: { contents: 'Inhaltsverzeichnis', readingTimeOther: '{n} Min. Lesezeit' } });
    expect(de.t('contents')).toBe('Inhaltsverzeichnis');
    expect(de.count('readingTimeOne', 'readingTimeOther', 3)).toBe('3 Min. Lesezeit');
    expect(de.count('readingTimeOne', 'readingTimeOther', 1)).toBe('Lesezeit: 1 Minute');
    expect(de.t('respondents.text', { respondents: 1200, countries: 3, survey: 'U', named: 2, anonymous: 1 })).toContain('1.200 Städte');
  });

  it('decides the chapter-language rule: a chapter’s own lang, else the edition’s language', () => {
    const de = resolveLocale({ language: 'de' });
    expect(de.chapter(undefined)).toMatchObject({ other: false, quotes: de.quotes, hyphenation: 'de' });
    expect(de.chapter('de')).toMatchObject({ other: false });
    const en = de.chapter('en');
    expect(en).toMatchObject({ other: true, tag: 'en', hyphenation: 'en-gb' });
    expect(en.quotes.open).toBe('“');
  });
});
