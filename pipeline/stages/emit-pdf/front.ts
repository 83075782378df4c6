import { h } from 'hastscript';
import type { Element, ElementContent } from 'hast';
import { contentTypeOf } from '../../assets/content-type.js';
import type { Locale } from '../../locale/index.js';
import { chapterLabel, type Chapter, type Edition, type EditionConfig } from '../../model/edition.js';
import { partOf } from '../assemble/parts.js';
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


/** An edition image (path relative to chapters/) as a data: URL, or undefined if the build has no such file. */
function editionImage(edition: Edition, rel: string | undefined): string | undefined {
  if (rel === undefined) return undefined;
  const bytes = edition.media.get(rel);
  return bytes === undefined ? undefined : `data:${contentTypeOf(rel)};base64,${Buffer.from(bytes).toString('base64')}`;
}

/** The publisher as the covers show it: the logo (named by its alt text) or the name. */
function publisherMark(edition: Edition, className: string): Element {
  const logo = editionImage(edition, edition.config.logo);
  return logo === undefined
    ? h(`p.${className}`, edition.config.publisher)
    : h(`p.${className}`, [h('img.cover-logo', { src: logo, alt: edition.config.publisher })]);
}

/** Page 1. Not a heading: the cover would otherwise become a bookmark of its own. */
export function cover(edition: Edition): Element {
  const { config, locale } = edition;
  const image = editionImage(edition, config.coverImage?.path);
  return h('section.cover', { ariaLabel: locale.t('cover') }, [
    publisherMark(edition, 'cover-publisher'),
    h('p.cover-title', config.title),
    config.subtitle === undefined ? null : h('p.cover-subtitle', config.subtitle),
    image === undefined ? null : h('p.cover-image', [h('img', { src: image, alt: config.coverImage?.alt ?? '' })]),
    // The year once: not again when the title already carries it ("Eurocities Monitor 2026").
    config.title.includes(String(config.year)) ? h('p.cover-spacer') : h('p.cover-year', String(config.year)),
    config.sampleData ? h('p.cover-sample', locale.t('coverSample')) : null,
    edition.profile === 'members' ? h('p.cover-profile', locale.t('coverMembers')) : null,
  ]);
}

/** "© 2026 Eurocities", unless edition.yaml gives its own line. */
export function copyrightLine(config: EditionConfig): string {
  return config.copyright ?? `© ${config.year} ${config.publisher}`;
}

/**
 * How to cite the edition, built from its own facts: author (the publisher), year, title and
 * subtitle, publisher, and the DOI when there is one, else the web edition's address.
 */
export function suggestedCitation(config: EditionConfig): (ElementContent | string)[] {
  const title = config.subtitle === undefined ? config.title : `${config.title}: ${config.subtitle}`;
  const link = config.doi === undefined ? config.baseUrl : `https://doi.org/${config.doi}`;
  return [`${config.publisher} (${config.year}). `, h('cite', title), `. ${config.publisher}. `, link];
}

/** Page 2: the colophon. */
export function imprint(edition: Edition, date: Date): Element {
  const { config, locale } = edition;
  const t = locale.t;
  const row = (term: string, value: string | Element): Element[] => [h('dt', term), h('dd', value)];
  return h('section.imprint', { ariaLabel: t('imprint') }, [
    config.sampleData ? h('p.sample-notice', t('sampleNoticePdf')) : null,
    h('p.imprint-title', documentTitle(edition)),
    config.subtitle === undefined ? null : h('p.imprint-subtitle', config.subtitle),
    h('p.imprint-label', t('suggestedCitation')),
    h('p.imprint-citation', suggestedCitation(config)),
    h('dl.imprint-facts', [
      ...row(t('imprint.publisher'), config.publisher),
      ...row(t('imprint.published'), locale.date(date)),
      ...(config.isbn === undefined ? [] : row('ISBN', config.isbn)),
      ...(config.issn === undefined ? [] : row('ISSN', config.issn)),
      ...(config.doi === undefined ? [] : row('DOI', h('a', { href: `https://doi.org/${config.doi}` }, config.doi))),
      ...row(t('imprint.online'), h('a', { href: config.baseUrl }, config.baseUrl)),
      ...(config.formats?.includes('epub') ? row(t('imprint.epub'), h('a', { href: `${config.baseUrl}${config.slug}.epub` }, `${config.baseUrl}${config.slug}.epub`)) : []),
      ...row(t('imprint.contact'), config.contact),
      ...row(t('imprint.edition'), edition.profile === 'members' ? t('membersEdition') : t('publicEdition')),
    ]),
    h('p.imprint-copyright', [copyrightLine(config), '. ', t('licenceLine', { licence: config.licence })]),
  ]);
}

/** The last page: publisher, blurb, where to read and write, licence; the same colour as the cover. */
export function backCover(edition: Edition): Element {
  const { config, locale } = edition;
  const t = locale.t;
  return h('section.back-cover', { ariaLabel: t('backCover') }, [
    h('p.back-title', documentTitle(edition)),
    h('p.back-blurb', config.blurb ?? config.description),
    config.sampleData ? h('p.back-sample', t('backSample')) : null,
    h('dl.back-facts', [
      h('dt', t('back.online')), h('dd', config.baseUrl),
      h('dt', t('back.contact')), h('dd', config.contact),
      h('dt', t('back.licence')), h('dd', `${copyrightLine(config)}. ${config.licence}`),
      ...(config.isbn === undefined ? [] : [h('dt', 'ISBN'), h('dd', config.isbn)]),
    ]),
    publisherMark(edition, 'back-publisher'),
  ]);
}

/**
 * The contents: chapters and their h2 sections, each linking to its heading, with a page column
 * of fixed width so filling in the numbers never moves a line (pass 2 then rarely shifts).
 */
export function tableOfContents(entries: readonly TocChapter[], pages: ReadonlyMap<string, number> | undefined, locale: Locale): Element {
  const pageCell = (key: string): Element => h('span.toc-page', pages?.get(key)?.toString() ?? '');
  const entry = (key: string, number: string, title: string): Element =>
    h('a.toc-entry', { href: `#${key}` }, [h('span.toc-number', number), h('span.toc-title', title), pageCell(key)]);
  return h('section.toc', [
    h('h1#contents', { dataRecto: '' }, locale.t('contents')),
    h(
      'ol.toc-list',
      entries.flatMap(({ chapter, key }, i) => {
        const sections = chapter.headings.filter((heading) => heading.depth === 2);
        // Each run of chapters of one part opens with the part's title (not a link, not a heading:
        // the contents' links and the bookmarks stay one per chapter and section).
        const part = partOf(chapter.frontMatter.kind);
        const previous = entries[i - 1];
        const opensPart = part !== undefined && (previous === undefined || partOf(previous.chapter.frontMatter.kind) !== part);
        return [
          ...(opensPart ? [h('li.toc-part', locale.t(part))] : []),
          h('li.toc-chapter', [
            entry(key, chapterLabel(chapter) ?? '', chapter.frontMatter.title),
            sections.length === 0 ? null : h('ol.toc-sections', sections.map((s) => h('li', entry(printId(chapter.slug, s.id), '', s.text)))),
          ]),
        ];
      }),
    ),
  ]);
}
