import { h } from 'hastscript';
import { describe, expect, it } from 'vitest';
import type { Chapter } from '../../pipeline/model/edition.js';
import type { PageLine, PrintedPages } from '../../pipeline/stages/emit-pdf/pdf-pages.js';
import type { ChapterDocument } from '../../pipeline/stages/emit-epub/chapter.js';
import { placePageBreaks } from '../../pipeline/stages/emit-epub/page-map.js';
import { toXhtml } from '../../pipeline/stages/emit-epub/xhtml.js';

function doc(slug: string, title: string, body: ReturnType<typeof h>[]): ChapterDocument {
  const section = h('section', [h('h1', title), ...body]);
  return {
    chapter: { slug, frontMatter: { title } } as unknown as Chapter,
    href: `text/${slug}.xhtml`,
    html: h('html', { lang: 'en' }, [h('head', [h('title', title)]), h('body', [section])]),
    section,
    epubOnly: new Set(),
    hasSvg: false,
  };
}

/** A printed A4 page: running head at the top, folio at the foot, body lines between. */
function page(folio: string | undefined, head: string | undefined, body: string[]): { lines: PageLine[]; folio: string | undefined } {
  const lines: PageLine[] = [];
  if (head) lines.push({ text: head, y: 810 });
  body.forEach((text, i) => lines.push({ text, y: 760 - i * 14 }));
  if (folio) lines.push({ text: folio, y: 30 });
  return { lines, folio };
}

function printed(pages: ReturnType<typeof page>[]): PrintedPages {
  return { lines: pages.map((p) => p.lines), folios: pages.map((p) => p.folio), heights: pages.map(() => 842), links: [] };
}

const marker = (n: string) => `<span epub:type="pagebreak" role="doc-pagebreak" id="page-${n}" aria-label="${n}" />`;

describe('page-break markers from the printed pages', () => {
  it('marks where each page with a folio begins, before a heading rather than inside it, and before a word split over the turn', () => {
    const housing = doc('housing', 'Housing under pressure', [
      h('p', 'Housing has moved from the margins of European policy to its centre within a few years.'),
      h('p', ['The Commission now has a portfolio dedicated to housing', h('sup', [h('a', { href: '#fn-1', dataFootnoteRef: '' }, '1')]), ' and has announced a plan.']),
      h('h2', 'Differences across Europe'),
      h('p', 'Affordability is not experienced in the same way everywhere in the union of cities.'),
    ]);
    const climate = doc('climate', 'Climate targets', [h('p', 'Most cities have ambitious climate targets for the year twenty thirty and beyond.')]);
    const pages = printed([
      page(undefined, undefined, ['Eurocities Monitor']), // the cover: no folio, no marker
      page('9', 'Housing under pressure', ['VOICES FROM CITIES', 'Housing under pressure', 'Housing has moved from the margins of European']),
      page('10', 'Housing under pressure', ['1', 'dedicated to housing and has announced a plan.']),
      page('11', 'Housing under pressure', ['Differences across Europe', 'Affordability is not experienced in the same']),
      page('12', 'Climate targets', ['A chart label only the PDF has']),
      page('13', 'Climate targets', ['ate targets for the year twenty thirty and beyond.']),
    ]);
    const list = placePageBreaks([housing, climate], pages);
    expect(list.map((p) => [p.label, p.href])).toEqual([
      ['9', 'text/housing.xhtml#page-9'],
      ['10', 'text/housing.xhtml#page-10'],
      ['11', 'text/housing.xhtml#page-11'],
      ['12', 'text/climate.xhtml#page-12'],
      ['13', 'text/climate.xhtml#page-13'],
    ]);
    const a = toXhtml(housing.html);
    // Page 9 opens with the chapter title (its first line, the kind, is not in the text): the marker goes before the heading, not inside it.
    expect(a).toContain(`<section>${marker('9')}<h1>Housing under pressure</h1>`);
    expect(a).toContain(`portfolio ${marker('10')}dedicated to housing`);
    expect(a).toContain(`${marker('11')}<h2>Differences across Europe</h2>`);
    const b = toXhtml(climate.html);
    // A superscript note number on its own line is skipped; page 10's text is found across the note reference.
    // Page 12 has no line of the text: it opens its chapter, so its marker is at the chapter's start.
    expect(b).toContain(`<section>${marker('12')}<h1>`);
    // Page 13 begins inside "climate", hyphenated across the turn: the marker is before the word.
    expect(b).toContain(`ambitious ${marker('13')}climate targets`);
    expect(list.map((p) => p.how)).toEqual(['later-line', 'later-line', 'first-line', 'chapter', 'first-line']);
  });

  it('writes XHTML: closed empty elements, boolean attributes with a value, xml:lang beside lang', () => {
    const x = toXhtml(h('html', { lang: 'en' }, [h('body', [h('p', { lang: 'fr' }, ['Bonjour', h('br')]), h('nav', { hidden: true }, 'x')])]));
    expect(x).toContain('<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="en" xml:lang="en">');
    expect(x).toContain('<p lang="fr" xml:lang="fr">Bonjour<br /></p>');
    expect(x).toContain('<nav hidden="hidden">x</nav>');
  });
});
