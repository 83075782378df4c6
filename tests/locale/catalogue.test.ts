/** Every catalogue says every interface string, with the same placeholders, and every string is used. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogues } from '../../pipeline/locale/catalogues.js';
import { en } from '../../pipeline/locale/strings/en.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('interface string catalogues', () => {
  for (const [language, strings] of Object.entries(catalogues)) {
    it(`${language}: has exactly the English keys, with their placeholders`, () => {
      expect(Object.keys(strings).sort()).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(en)) {
        const own = (strings as Record<string, string>)[key] ?? '';
        expect(own.trim(), `${language} ${key}`).not.toBe('');
        expect(placeholders(own), `${language} ${key}`).toEqual(placeholders(text));
      }
    });
  }

  it('a language other than English has its own words (not a copy of the English catalogue)', () => {
    for (const [language, strings] of Object.entries(catalogues)) {
      if (language === 'en') continue;
      const same = Object.entries(en).filter(([key, text]) => (strings as Record<string, string>)[key] === text && /[a-z]{4}/.test(text));
      // Names and words spelt alike (Region, Median, Format…) may match; whole sentences may not.
      expect(same.filter(([, text]) => text.split(' ').length > 3), language).toEqual([]);
    }
  });

  it('every key is used by the pipeline (directly, or through the prefix its code builds it from)', () => {
    const root = path.resolve(import.meta.dirname, '../../pipeline');
    const sources: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const p = path.join(dir, name);
        if (statSync(p).isDirectory()) {
          if (p !== path.join(root, 'locale', 'strings')) walk(p);
        } else if (name.endsWith('.ts')) sources.push(readFileSync(p, 'utf8'));
      }
    };
    walk(root);
    const code = sources.join('\n');
    // Keys built at run time from a code: `kind.${kind}`, `region.${code}`, …
    const built = ['kind.', 'region.', 'memberType.', 'award.', 'effort.'];
    const unused = Object.keys(en).filter((key) => !built.some((p) => key.startsWith(p) && code.includes(`\`${p}\${`)) && !code.includes(`'${key}'`));
    expect(unused).toEqual([]);
  });
});
