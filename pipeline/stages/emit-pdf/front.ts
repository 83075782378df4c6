import { h } from 'hastscript';
import type { Element } from 'hast';
import type { Chapter, Edition } from '../../model/edition.js';
import { printId } from './chapter-print.js';

export interface TocChapter {
  readonly chapter: Chapter;
  /** Key (id) of the chapter's title heading. */
  readonly key: string;
}

export function documentTitle(edition: Edition): string {
  const { title, year } = edition.config;
  return title.includes(String(year)) ? title : `${title} ${year}`;
}

export const sampleNotice =
  'Illustrative sample edition with synthetic survey data: the survey results, cities’ answers and figures in this edition are invented for demonstration and describe no real city or survey.';

/** Page 1. Not a heading: the cover would otherwise become a bookmark of its own. */
export function cover(edition: Edition): Element {
  const { config } = edition;
  return h('section.cover', { ariaLabel: 'Cover' }, [
    h('p.cover-publisher', config.publisher),
    h('p.cover-title', config.title),
    config.subtitle === undefined ? null : h('p.cover-subtitle', config.subtitle),
    h('p.cover-year', String(config.year)),
    config.sampleData ? h('p.cover-sample', 'Sample edition · synthetic survey data') : null,
    edition.profile === 'members' ? h('p.cover-profile', 'Members’ edition: not for public distribution') : null,
  ]);
}

/** Page 2: imprint (colophon). */
export function imprint(edition: Edition, date: Date): Element {
  const { config } = edition;
  const row = (term: string, value: string | Element): Element[] => [h('dt', term), h('dd', value)];
  return h('section.imprint', { ariaLabel: 'Imprint' }, [
    config.sampleData ? h('p.sample-notice', sampleNotice) : null,
    h('p.imprint-title', documentTitle(edition)),
    config.subtitle === undefined ? null : h('p.imprint-subtitle', config.subtitle),
    h('dl.imprint-facts', [
      ...row('Publisher', config.publisher),
      ...row('Year', String(config.year)),
      ...row('Licence', config.licence),
      ...(config.isbn === undefined ? [] : row('ISBN', config.isbn)),
      ...row('Online edition', h('a', { href: config.baseUrl }, config.baseUrl)),
      ...row('Contact', config.contact),
      ...row('Edition', edition.profile === 'members' ? 'Members’ edition' : 'Public edition'),
      ...row('Built', date.toISOString().slice(0, 10)),
    ]),
  ]);
}

/**
 * The contents: chapters and their h2 sections, each linking to its heading, with a page column
 * of fixed width so filling in the numbers never moves a line (pass 2 then rarely shifts).
 */
export function tableOfContents(entries: readonly TocChapter[], pages: ReadonlyMap<string, number> | undefined): Element {
  const pageCell = (key: string): Element => h('span.toc-page', pages?.get(key)?.toString() ?? '');
  const entry = (key: string, number: string, title: string): Element =>
    h('a.toc-entry', { href: `#${key}` }, [h('span.toc-number', number), h('span.toc-title', title), pageCell(key)]);
  return h('section.toc', [
    h('h1#contents', { dataRecto: '' }, 'Contents'),
    h(
      'ol.toc-list',
      entries.map(({ chapter, key }) => {
        const sections = chapter.headings.filter((heading) => heading.depth === 2);
        return h('li.toc-chapter', [
          entry(key, String(chapter.number), chapter.frontMatter.title),
          sections.length === 0 ? null : h('ol.toc-sections', sections.map((s) => h('li', entry(printId(chapter.slug, s.id), '', s.text)))),
        ]);
      }),
    ),
  ]);
}
