import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { Edition } from '../../model/edition.js';
import { imprint } from '../emit-pdf/front.js';
import { epubLabelsOf } from '../markdown/labels.js';
import { STYLESHEET } from './chapter.js';

/** The title page: title, subtitle, the colophon the PDF prints on its second page, and the members notice. */
export function titleDocument(edition: Edition): Element {
  const { config } = edition;
  const colophon = imprint(edition, edition.buildDate);
  // The colophon's own title and subtitle lines repeat what is just above them here.
  const repeated = (c: ElementContent) => c.type === 'element' && Array.isArray(c.properties['className']) && c.properties['className'].some((n) => n === 'imprint-title' || n === 'imprint-subtitle');
  colophon.children = colophon.children.filter((c) => !repeated(c));
  return h('html', { lang: edition.locale.language }, [
    h('head', [h('meta', { charSet: 'utf-8' }), h('title', epubLabelsOf(edition.locale).titlePage), h('link', { rel: 'stylesheet', type: 'text/css', href: STYLESHEET })]),
    h('body', [
      h('section', { className: ['title-page'], 'epub:type': 'titlepage', ariaLabelledBy: 'title' }, [
        h('p', { className: ['title-publisher'] }, `${config.publisher} · ${config.year}`),
        h('h1', { id: 'title' }, config.title),
        ...(config.subtitle ? [h('p', { className: ['title-subtitle'] }, config.subtitle)] : []),
        ...(edition.profile === 'members' ? [h('p', { className: ['members-banner'] }, edition.locale.t('membersBanner'))] : []),
        colophon,
      ]),
    ]),
  ]);
}
