import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import { chapterLabel, type Chapter, type Edition } from '../../model/edition.js';
import { parts } from '../assemble/parts.js';
import { renderChapterBody } from '../render/chapter-body.js';
import { renderChapterHeader } from '../render/chapter-header.js';
import { kindLabel } from '../markdown/labels.js';
import { chartSvgs, scrollRegion } from '../render/figure.js';
import { collectionPages, facetHref, facetLinks, type Cell } from './explorer.js';
import type { PageSpec, SiteLinks } from './layout.js';
import { CASE_STUDIES_DIR, INDEX_PAGE, METHODS_DIR, pngName } from './site-paths.js';


/**
 * The home page: the cover (title, subtitle, downloads, search), then the chapters as cards by
 * part. The cards are the page's chapter navigation, so the home page has no second list.
 */
export function indexPage(edition: Edition, links: SiteLinks): PageSpec {
  const { config, locale } = edition;
  const t = locale.t;
  const { pdf, epub, data } = links;
  const main: ElementContent[] = [
    h('section', { className: ['cover'], ariaLabelledBy: 'edition-title' }, [
      h('p', { className: ['cover-publisher'] }, `${config.publisher} · ${config.year}`),
      h('h1', { id: 'edition-title' }, config.title),
      ...(config.subtitle ? [h('p', { className: ['cover-subtitle'] }, config.subtitle)] : []),
      h('p', { className: ['cover-intro'] }, config.description),
      h('p', { className: ['cover-downloads'] }, [
        ...(pdf ? [h('a', { className: ['button'], href: pdf.name }, t('downloadPdfEdition', { size: pdf.size })), ' '] : []),
        ...(epub ? [h('a', { className: ['button'], href: epub.name, type: 'application/epub+zip' }, t('downloadEpubEdition', { size: epub.size })), ' '] : []),
        ...(data ? [h('a', { className: ['button', 'button-secondary'], href: data.path }, t('allData', { size: data.size }))] : []),
      ]),
      ...keyFigures(edition),
    ]),
    h('nav', { className: ['toc', 'site-nav-home'], id: 'site-nav', ariaLabel: t('chapters') }, [
      h('h2', { className: ['sr-only'] }, t('contents')),
      ...parts.flatMap((g) => {
        const chapters = edition.chapters.filter((c) => g.kinds.includes(c.frontMatter.kind));
        if (chapters.length === 0) return [];
        const id = `part-${g.kinds[0]}`;
        const more =
          g.kinds.includes('case-study') ? [h('p', { className: ['part-more'] }, [h('a', { href: 'case-studies/' }, t('browseCaseStudies'))])]
          : g.kinds.includes('method') ? [h('p', { className: ['part-more'] }, [h('a', { href: 'methods/' }, t('browseMethods'))])]
          : [];
        return [h('section', { className: ['part'], ariaLabelledBy: id }, [h('h2', { id }, t(g.key)), ...more, h('ol', { className: ['chapter-cards'] }, chapters.map((c) => chapterCard(c)))])];
      }),
    ]),
  ];
  return { path: INDEX_PAGE, title: config.title, description: config.description, canonical: '', main, kind: '', cardTitle: config.subtitle ?? config.title, ownNav: true };
}

/**
 * The edition's key figures on the cover: the first headline-tiles chart of the edition, the very
 * drawing its chapter shows (so the numbers are the same), linked to it.
 */
function keyFigures(edition: Edition): ElementContent[] {
  for (const chapter of edition.chapters) {
    const figure = chapter.figures.find((f) => f.kind === 'tiles');
    if (!figure) continue;
    return [
      h('section', { className: ['key-figures', 'chart'], ariaLabelledBy: 'key-figures-title' }, [
        h('h2', { id: 'key-figures-title', className: ['key-figures-title'] }, edition.locale.t('keyFigures')),
        ...chartSvgs(figure, 'web'),
        h('p', { className: ['key-figures-source'] }, [h('a', { href: `${chapter.slug}/#${figure.id}` }, `${figure.caption} (${chapter.frontMatter.title})`)]),
      ]),
    ];
  }
  return [];
}

function chapterCard(c: Chapter): ElementContent {
  const label = chapterLabel(c);
  return h('li', { className: ['chapter-card', `kind-${c.frontMatter.kind}`] }, [
    h('h3', [h('a', { href: `${c.slug}/` }, label === undefined ? [c.frontMatter.title] : [h('span', { className: ['toc-number'] }, label), ' ', c.frontMatter.title])]),
    h('p', { className: ['chapter-card-summary'] }, c.frontMatter.summary),
    ...(c.frontMatter.caseStudy ? [h('p', { className: ['chapter-card-meta'] }, `${c.frontMatter.caseStudy.city} · ${c.frontMatter.caseStudy.themes.join(', ')}`)] : []),
  ]);
}

export function chapterPage(edition: Edition, chapter: Chapter, links: SiteLinks = {}): PageSpec {
  const i = edition.chapters.indexOf(chapter);
  const prev = edition.chapters[i - 1];
  const next = edition.chapters[i + 1];
  const data = links.data;
  const body = renderChapterBody(chapter, 'web', {
    baseUrl: edition.config.baseUrl,
    locale: edition.locale,
    figureLinks: (f) => ({ ...(links.png ? { png: pngName(f.csvName) } : {}), ...(data ? { allData: { href: `../${data.path}`, size: data.size } } : {}) }),
  });
  // The pager is the site's chrome: in the edition's language even inside a chapter in another.
  const { locale } = edition;
  const text = locale.chapter(chapter.frontMatter.lang);
  const chromeLang = text.other ? locale.language : undefined;
  const pager = h('nav', { className: ['pager'], ariaLabel: locale.t('pager'), lang: chromeLang }, [
    prev ? h('a', { rel: 'prev', href: `../${prev.slug}/` }, [h('span', locale.t('previous')), prev.frontMatter.title]) : h('span'),
    next ? h('a', { rel: 'next', href: `../${next.slug}/` }, [h('span', locale.t('next')), next.frontMatter.title]) : h('span'),
  ]);
  const article = h('article', { className: ['chapter', `kind-${chapter.frontMatter.kind}`] }, [
    ...renderChapterHeader(chapter, 'web', locale, {
      theme: (t) => `../${facetHref('case-studies', 'theme', t)}`,
      country: (code) => `../${facetHref('case-studies', 'country', code)}`,
      method: {
        theme: (v) => `../${facetHref('methods', 'theme', v)}`,
        format: (v) => `../${facetHref('methods', 'format', v)}`,
        effort: (v) => `../${facetHref('methods', 'effort', v)}`,
      },
    }),
    h('div', { className: ['chapter-body'] }, body.children as ElementContent[]),
  ]);
  return {
    path: `${chapter.slug}/index.html`,
    title: `${chapter.frontMatter.title} | ${edition.config.title}`,
    description: chapter.frontMatter.summary,
    canonical: `${chapter.slug}/`,
    main: [article, pager],
    current: chapter.slug,
    lang: text.other ? text.tag : undefined,
    ogType: 'article',
    kind: kindLabel(locale, chapter.frontMatter.kind),
    cardTitle: chapter.frontMatter.title,
  };
}

/** The best-practice explorer: case studies by theme and by country. */
export function caseStudiesPages(edition: Edition): PageSpec[] {
  const { locale } = edition;
  const t = locale.t;
  const countryName = locale.countryName;
  const base = CASE_STUDIES_DIR;
  return collectionPages(
    edition,
    {
      base,
      title: t('cases.title'),
      intro: t('cases.intro'),
      kind: t('cases.kind'),
      browse: t('cases.browse'),
      all: (count) => t('cases.all', { count }),
      breadcrumb: t('allCaseStudies'),
      facetDescription: (count, heading) => t('cases.facetDescription', { count, edition: edition.config.title, heading }),
      items: edition.chapters.filter((c) => c.frontMatter.caseStudy),
      facets: [
        { key: 'theme', label: t('facet.theme'), heading: (v) => t('cases.byTheme', { value: v }), values: (c) => c.frontMatter.caseStudy?.themes ?? [] },
        { key: 'country', label: t('facet.country'), heading: (v) => t('cases.byCountry', { value: v }), values: (c) => (c.frontMatter.caseStudy ? [c.frontMatter.caseStudy.country] : []) },
      ],
      details: (c, up) => {
        const cs = c.frontMatter.caseStudy;
        if (!cs) return [];
        const rows: [string, Cell][] = [
          [t('fact.city'), [`${cs.city}, `, ...facetLinks(up, base, 'country', [cs.country], countryName)]],
          [t('fact.themes'), facetLinks(up, base, 'theme', cs.themes)],
        ];
        if (cs.award) rows.push([t('cases.award'), [t('cases.awardLine', { year: String(cs.award.year), category: cs.award.category, result: t(`award.${cs.award.result}`) })]]);
        return rows;
      },
    },
    (facet, v) => (facet === 'country' ? countryName(v) : v),
  );
}

/** The methods collection: knowledge-sharing methods by format, effort and theme. */
export function methodsPages(edition: Edition): PageSpec[] {
  const base = METHODS_DIR;
  const { locale } = edition;
  const t = locale.t;
  const effort = (v: string) => (locale.strings as Readonly<Record<string, string>>)[`effort.${v}`] ?? v;
  return collectionPages(
    edition,
    {
      base,
      title: t('methods.title'),
      intro: t('methods.intro'),
      kind: t('methods.kind'),
      browse: t('methods.browse'),
      all: (count) => t('methods.all', { count }),
      breadcrumb: t('allMethods'),
      facetDescription: (count, heading) => t('methods.facetDescription', { count, edition: edition.config.title, heading }),
      items: edition.chapters.filter((c) => c.frontMatter.method),
      facets: [
        { key: 'format', label: t('facet.format'), heading: (v) => t('methods.byFormat', { value: v }), values: (c) => (c.frontMatter.method ? [c.frontMatter.method.format] : []) },
        { key: 'effort', label: t('facet.effort'), heading: (v) => t('methods.byEffort', { value: v }), values: (c) => (c.frontMatter.method ? [c.frontMatter.method.effort] : []) },
        { key: 'theme', label: t('facet.theme'), heading: (v) => t('methods.byTheme', { value: v }), values: (c) => c.frontMatter.method?.themes ?? [] },
      ],
      details: (c, up) => {
        const m = c.frontMatter.method;
        if (!m) return [];
        return [
          [t('fact.format'), facetLinks(up, base, 'format', [m.format])],
          [t('fact.duration'), [m.duration]],
          [t('fact.participants'), [m.participants]],
          [t('fact.effort'), facetLinks(up, base, 'effort', [m.effort], effort)],
          [t('fact.themes'), facetLinks(up, base, 'theme', m.themes)],
        ];
      },
    },
    (facet, v) => (facet === 'effort' ? effort(v) : v),
  );
}
