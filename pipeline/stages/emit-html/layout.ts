import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { chapterLabel, type Edition } from '../../model/edition.js';
import { accessibilityStatementSource } from '../assemble/accessibility-statement.js';
import { ASSETS_DIR, CASE_STUDIES_DIR, METHODS_DIR } from './site-paths.js';

export interface PageSpec {
  /** Path of the page inside html/, e.g. "housing/index.html". */
  readonly path: string;
  readonly title: string;
  readonly description: string;
  /** Canonical path below baseUrl, e.g. "housing/". */
  readonly canonical: string;
  readonly main: ElementContent[];
  /** Slug of the current chapter, for aria-current in the navigation. */
  readonly current?: string;
  readonly lang?: string;
  /** og:type: "article" for chapters, "website" for the rest. */
  readonly ogType?: 'article' | 'website';
  /** What the social card says: the kind of page and its title without the edition's name. */
  readonly kind?: string;
  readonly cardTitle?: string;
  /** The page's main content holds the chapter navigation itself (the home page's cards). */
  readonly ownNav?: boolean;
  /** Share the social card of another page (by canonical path), e.g. facet pages their overview's. */
  readonly cardOf?: string;
  /**
   * False for a page that only lists other pages (a facet page): left out of the search index,
   * whose results are then the pages it lists, not a list of them again and again.
   */
  readonly searchable?: boolean;
}

export interface SiteLinks {
  /** File name of the PDF inside html/, when the PDF exists. */
  readonly pdf?: { readonly name: string; readonly size: string };
  /** File name of the EPUB inside html/, when the EPUB exists. */
  readonly epub?: { readonly name: string; readonly size: string };
  /** The data package's ZIP, path inside html/. */
  readonly data?: { readonly path: string; readonly size: string };
  /** Charts have a PNG beside their CSV. */
  readonly png?: boolean;
  /** Pages have a social card (cards/<page>.png). */
  readonly cards?: boolean;
}

/** A page's social card inside html/, e.g. "cards/housing.png"; the home page's is "cards/home.png". */
export function cardPath(spec: PageSpec): string {
  return `cards/${(spec.cardOf ?? spec.canonical).replace(/\/$/, '').replaceAll('/', '-') || 'home'}.png`;
}

/**
 * What pages may load: everything from the site itself, nothing from elsewhere. The search needs
 * its scripts and worker ('self'), its index files (connect-src 'self') and to compile its
 * WebAssembly ('wasm-unsafe-eval'); no inline script, no eval.
 */
export const CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; worker-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; base-uri 'none'; form-action 'none'";

/** The page shell shared by every page: head, skip link, banner, navigation, footer. */
export function page(edition: Edition, spec: PageSpec, links: SiteLinks): Root {
  const { config, locale } = edition;
  const t = locale.t;
  const up = '../'.repeat(spec.path.split('/').length - 1);
  const members = edition.profile === 'members';
  const statement = edition.chapters.find((c) => c.sourcePath === accessibilityStatementSource);
  const head = h('head', [
    h('meta', { charSet: 'utf-8' }),
    h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    h('meta', {
      httpEquiv: 'Content-Security-Policy',
      content: CSP,
    }),
    h('title', spec.title),
    h('meta', { name: 'description', content: spec.description }),
    ...(members ? [h('meta', { name: 'robots', content: 'noindex, nofollow' })] : []),
    h('link', { rel: 'canonical', href: `${config.baseUrl}${spec.canonical}` }),
    // Social cards (Open Graph, and the large-image card for X/Twitter).
    h('meta', { property: 'og:title', content: spec.cardTitle ?? spec.title }),
    h('meta', { property: 'og:description', content: spec.description }),
    h('meta', { property: 'og:type', content: spec.ogType ?? 'website' }),
    h('meta', { property: 'og:url', content: `${config.baseUrl}${spec.canonical}` }),
    h('meta', { property: 'og:site_name', content: config.title }),
    ...(links.cards
      ? [
          h('meta', { property: 'og:image', content: `${config.baseUrl}${cardPath(spec)}` }),
          h('meta', { property: 'og:image:width', content: '1200' }),
          h('meta', { property: 'og:image:height', content: '630' }),
          h('meta', { property: 'og:image:alt', content: `${spec.cardTitle ?? spec.title}: ${config.title}` }),
        ]
      : []),
    h('meta', { name: 'twitter:card', content: 'summary_large_image' }),
    h('link', { rel: 'icon', href: `${up}${ASSETS_DIR}/favicon.svg`, type: 'image/svg+xml' }),
    h('link', { rel: 'stylesheet', href: `${up}${ASSETS_DIR}/site.css` }),
    h('script', { type: 'module', src: `${up}${ASSETS_DIR}/search.js` }),
  ]);
  const banner = h('header', { className: ['site-header'] }, [
    h('a', { className: ['site-title'], href: up || './' }, config.title),
    ...(members ? [h('p', { className: ['members-banner'] }, t('membersBanner'))] : []),
    // Without JavaScript the search box is this link to the contents; assets/search.js adds the form
    // and says what it found with the words given here.
    h(
      'div',
      {
        className: ['site-search'],
        dataSearch: '',
        dataRoot: up || './',
        dataLabel: t('searchEdition'),
        dataUnavailable: t('searchUnavailable'),
        dataNone: t('searchNone', { query: locale.quote('{query}') }),
        dataOne: t('searchOne'),
        dataMany: t('searchMany', { count: '{count}' }),
        dataFirst: t('searchFirst', { count: '{count}' }),
      },
      [h('a', { href: '#site-nav' }, t('contents'))],
    ),
    ...(links.pdf || links.epub
      ? [
          h('nav', { className: ['header-links'], ariaLabel: t('edition') }, [
            ...(links.pdf ? [h('a', { href: `${up}${links.pdf.name}`, className: ['pdf-link'] }, t('downloadPdf', { size: links.pdf.size }))] : []),
            ...(links.pdf && links.epub ? [' '] : []),
            ...(links.epub ? [h('a', { href: `${up}${links.epub.name}`, className: ['epub-link'], type: 'application/epub+zip' }, t('downloadEpub', { size: links.epub.size }))] : []),
          ]),
        ]
      : []),
  ]);
  const nav = h('nav', { className: ['site-nav'], id: 'site-nav', ariaLabel: t('chapters') }, [
    h('h2', { className: ['nav-title'] }, t('contents')),
    h(
      'ol',
      edition.chapters.map((c) =>
        h('li', [
          h(
            'a',
            { href: `${up}${c.slug}/`, ariaCurrent: spec.current === c.slug ? 'page' : undefined },
            chapterLabel(c) === undefined ? [c.frontMatter.title] : [h('span', { className: ['nav-number'] }, chapterLabel(c)), ' ', c.frontMatter.title],
          ),
        ]),
      ),
    ),
    ...(edition.chapters.some((c) => c.frontMatter.caseStudy) ? [h('p', [h('a', { href: `${up}${CASE_STUDIES_DIR}/` }, t('allCaseStudies'))])] : []),
    ...(edition.chapters.some((c) => c.frontMatter.kind === 'method') ? [h('p', [h('a', { href: `${up}${METHODS_DIR}/` }, t('allMethods'))])] : []),
  ]);
  const footer = h('footer', { className: ['site-footer'] }, [
    h('p', [t('footerLine', { title: config.title, publisher: config.publisher, year: String(config.year), licence: config.licence }), ...(config.isbn ? [' ', t('footerIsbn', { isbn: config.isbn })] : [])].join('')),
    ...(config.sampleData ? [h('p', { className: ['sample-notice'] }, t('sampleNoticeWeb'))] : []),
    h('p', [
      t('feedback'),
      h('a', { href: `mailto:${config.contact}` }, config.contact),
      ...(statement ? ['. ', h('a', { href: `${up}${statement.slug}/` }, statement.frontMatter.title)] : []),
    ]),
  ]);
  const body = h('body', [
    h('a', { className: ['skip-link'], href: '#main' }, t('skipToContent')),
    banner,
    h('div', { className: spec.ownNav ? ['layout', 'layout-wide'] : ['layout'] }, [
      h('main', { id: 'main', tabIndex: -1, lang: spec.lang, ...(spec.searchable === false ? {} : { dataPagefindBody: '' }) }, spec.main),
      ...(spec.ownNav ? [] : [nav]),
    ]),
    footer,
  ]);
  return { type: 'root', children: [{ type: 'doctype' }, h('html', { lang: locale.language }, [head, body]) as Element] };
}
