import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { resolveLocale } from '../../pipeline/locale/index.js';
import { backCover, cover, imprint, tableOfContents } from '../../pipeline/stages/emit-pdf/front.js';
import { makeEdition } from './fixture.js';

const date = new Date('2026-12-02T10:00:00Z');

describe('front and back matter of the print edition', () => {
  it('prints the year once on the cover when the title already carries it', () => {
    const edition = makeEdition();
    const withYear = { ...edition, config: { ...edition.config, title: 'Eurocities Monitor 2026' } };
    expect(toString(cover(withYear)).match(/2026/g)).toHaveLength(1);
    expect(toString(cover(edition)).match(/2026/g)).toHaveLength(1);
  });

  it('shows the logo and cover image named in edition.yaml, from the edition’s own files', () => {
    const edition = makeEdition();
    const logoBytes = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>');
    const withImages = {
      ...edition,
      config: { ...edition.config, logo: 'images/logo.svg', coverImage: { path: 'images/cover.png', alt: 'A tram on a bridge' } },
      media: new Map([['images/logo.svg', logoBytes], ['images/cover.png', new Uint8Array([137, 80, 78, 71])]]),
    };
    const html = toHtml(cover(withImages));
    expect(html).toContain(`src="data:image/svg+xml;base64,${Buffer.from(logoBytes).toString('base64')}" alt="Eurocities"`);
    expect(html).toContain('src="data:image/png;base64,iVBORw==" alt="A tram on a bridge"');
    expect(toHtml(backCover(withImages))).toContain('alt="Eurocities"');
  });

  it('has a colophon with a suggested citation, the identifiers given, copyright and licence', () => {
    const edition = makeEdition();
    const text = toString(imprint({ ...edition, config: { ...edition.config, issn: '2940-1234', doi: '10.1234/monitor.2026' } }, date)).replace(/\s+/g, ' ');
    expect(text).toContain('Eurocities (2026). Eurocities Monitor: The state of Europe’s cities. Eurocities. https://doi.org/10.1234/monitor.2026');
    expect(text).toContain('ISBN978-0-00-000000-0');
    expect(text).toContain('ISSN2940-1234');
    expect(text).toContain('© 2026 Eurocities. Licence: CC BY 4.0.');
    expect(text).toContain('Illustrative sample edition with synthetic survey data');
    expect(text).toContain('2 December 2026');
  });

  it('writes dates in the edition’s locale, British English for en, never the host’s', () => {
    const formatDate = (settings: { language: string; locale?: string }, d: Date) => resolveLocale(settings).date(d);
    expect(formatDate({ language: 'en', locale: undefined }, date)).toBe('2 December 2026');
    expect(formatDate({ language: 'en', locale: 'en-US' }, date)).toBe('December 2, 2026');
    expect(formatDate({ language: 'fr', locale: undefined }, date)).toBe('2 décembre 2026');
    expect(formatDate({ language: 'de', locale: 'de-AT' }, date)).toBe('2. Dezember 2026');
  });

  it('has a back cover with the blurb, the address, the contact and the licence', () => {
    const edition = makeEdition();
    const text = toString(backCover({ ...edition, config: { ...edition.config, blurb: 'What Europe’s cities think.' } }));
    expect(text).toContain('What Europe’s cities think.');
    expect(text).toContain('https://monitor.example.org/2026/');
    expect(text).toContain('monitor@example.org');
    expect(text).toContain('CC BY 4.0');
  });

  it('opens each run of chapters of one part with the part’s title in the contents, as a plain line', () => {
    const edition = makeEdition({ chapters: 3 });
    const toc = tableOfContents(edition.chapters.map((chapter) => ({ chapter, key: chapter.slug })), undefined, edition.locale);
    const html = toHtml(toc);
    // The contents as lines, in document order: part titles as they are, entries indented.
    const lines: string[] = [];
    const walk = (node: Element): void => {
      const classes = (node.properties['className'] as string[] | undefined) ?? [];
      if (classes.includes('toc-part')) lines.push(toString(node));
      else if (classes.includes('toc-title')) lines.push(`  ${toString(node)}`);
      else for (const child of node.children) if (child.type === 'element') walk(child);
    };
    walk(toc);
    const [foreword, ...essays] = edition.chapters;
    expect(lines[0]).toBe('Introduction');
    expect(lines.filter((l) => !l.startsWith('  '))).toEqual(['Introduction', 'Voices from cities']);
    expect(lines.indexOf('Voices from cities')).toBeLessThan(lines.indexOf(`  ${essays[0]?.frontMatter.title}`));
    expect(lines.indexOf('Voices from cities')).toBeGreaterThan(lines.indexOf(`  ${foreword?.frontMatter.title}`));
    // A part title is not a link: the contents keep one link per chapter and section.
    expect(html).not.toMatch(/<a[^>]*>[^<]*Voices from cities/);
  });
});
