import type { Element } from 'hast';
import { h } from 'hastscript';
import { chapterLabel, type Edition } from '../../model/edition.js';
import { epubLabelsOf } from '../markdown/labels.js';
import { chapterHref, STYLESHEET } from './chapter.js';
import type { PageTarget } from './page-map.js';

export const NAV = 'nav.xhtml';
export const TITLE_PAGE = 'title.xhtml';

/**
 * The navigation document: the contents (chapters and their sections), the landmarks, and the
 * page list of the PDF's printed pages. Landmarks and page list are for reading systems, so they
 * are hidden from the page itself.
 */
export function navDocument(edition: Edition, pages: readonly PageTarget[]): Element {
  const { config } = edition;
  const labels = epubLabelsOf(edition.locale);
  const first = edition.chapters[0];
  const toc = h('nav', { 'epub:type': 'toc', role: 'doc-toc', id: 'toc', ariaLabelledBy: 'toc-title' }, [
    h('h1', { id: 'toc-title' }, labels.contents),
    h('ol', [
      h('li', [h('a', { href: TITLE_PAGE }, labels.titlePage)]),
      ...edition.chapters.map((c) => {
        const label = chapterLabel(c);
        const sections = c.headings.filter((s) => s.depth === 2);
        return h('li', { lang: c.frontMatter.lang }, [
          h('a', { href: chapterHref(c) }, label === undefined ? c.frontMatter.title : `${label} ${c.frontMatter.title}`),
          ...(sections.length > 0 ? [h('ol', sections.map((s) => h('li', [h('a', { href: `${chapterHref(c)}#${s.id}` }, s.text)])))] : []),
        ]);
      }),
    ]),
  ]);
  const landmarks = h('nav', { 'epub:type': 'landmarks', id: 'landmarks', ariaLabelledBy: 'landmarks-title', hidden: true }, [
    h('h2', { id: 'landmarks-title' }, labels.landmarks),
    h('ol', [
      h('li', [h('a', { 'epub:type': 'titlepage', href: TITLE_PAGE }, labels.titlePage)]),
      h('li', [h('a', { 'epub:type': 'toc', href: `${NAV}#toc` }, labels.contents)]),
      ...(first ? [h('li', [h('a', { 'epub:type': 'bodymatter', href: chapterHref(first) }, labels.start)])] : []),
    ]),
  ]);
  const pageList =
    pages.length === 0
      ? []
      : [
          h('nav', { 'epub:type': 'page-list', id: 'page-list', ariaLabelledBy: 'page-list-title', hidden: true }, [
            h('h2', { id: 'page-list-title' }, labels.pageList),
            h('ol', pages.map((p) => h('li', [h('a', { href: p.href }, p.label)]))),
          ]),
        ];
  return h('html', { lang: edition.locale.language }, [
    h('head', [h('meta', { charSet: 'utf-8' }), h('title', labels.contents), h('link', { rel: 'stylesheet', type: 'text/css', href: STYLESHEET })]),
    h('body', [toc, landmarks, ...pageList]),
  ]);
}
