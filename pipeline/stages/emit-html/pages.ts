import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import { chapterLabel, type Chapter, type Edition } from '../../model/edition.js';
import { parts } from '../assemble/parts.js';
import { renderChapterBody } from '../render/chapter-body.js';
import { kindLabels, renderChapterHeader } from '../render/chapter-header.js';
import { chartSvgs, scrollRegion } from '../render/figure.js';
import { collectionPages, facetHref, facetLinks, type Cell } from './explorer.js';
import type { PageSpec, SiteLinks } from './layout.js';
import { CASE_STUDIES_DIR, INDEX_PAGE, METHODS_DIR, pngName } from './site-paths.js';


/**
 * The home page: the cover (title, subtitle, downloads, search), then the chapters as cards by
 * part. The cards are the page's chapter navigation, so the home page has no second list.
 */
export function indexPage(edition: Edition, links: SiteLinks): PageSpec {
  const { config } = edition;
  const { pdf, epub, data } = links;
  const main: ElementContent[] = [
    h('section', { className: ['cover'], ariaLabelledBy: 'edition-title' }, [
      h('p', { className: ['cover-publisher'] }, `${config.publisher} · ${config.year}`),
      h('h1', { id: 'edition-title' }, config.title),
      ...(config.subtitle ? [h('p', { className: ['cover-subtitle'] }, config.subtitle)] : []),
      h('p', { className: ['cover-intro'] }, config.description),
      h('p', { className: ['cover-downloads'] }, [
        ...(pdf ? [h('a', { className: ['button'], href: pdf.name }, `Download the PDF edition (${pdf.size})`), ' '] : []),
        ...(epub ? [h('a', { className: ['button'], href: epub.name, type: 'application/epub+zip' }, `Download the EPUB edition (${epub.size})`), ' '] : []),
        ...(data ? [h('a', { className: ['button', 'button-secondary'], href: data.path }, `All data of this edition (ZIP, ${data.size})`)] : []),
      ]),
      ...keyFigures(edition),
    ]),
    h('nav', { className: ['toc', 'site-nav-home'], id: 'site-nav', ariaLabel: 'Chapters' }, [
      h('h2', { className: ['sr-only'] }, 'Contents'),
      ...parts.flatMap((g) => {
        const chapters = edition.chapters.filter((c) => g.kinds.includes(c.frontMatter.kind));
        if (chapters.length === 0) return [];
        const id = `part-${g.kinds[0]}`;
        const more =
          g.kinds.includes('case-study') ? [h('p', { className: ['part-more'] }, [h('a', { href: 'case-studies/' }, 'Browse the best practices by theme and country')])]
          : g.kinds.includes('method') ? [h('p', { className: ['part-more'] }, [h('a', { href: 'methods/' }, 'Browse the methods by format, effort and theme')])]
          : [];
        return [h('section', { className: ['part'], ariaLabelledBy: id }, [h('h2', { id }, g.title), ...more, h('ol', { className: ['chapter-cards'] }, chapters.map((c) => chapterCard(c)))])];
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
        h('h2', { id: 'key-figures-title', className: ['key-figures-title'] }, 'Key figures'),
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
    language: edition.config.language,
    figureLinks: (f) => ({ ...(links.png ? { png: pngName(f.csvName) } : {}), ...(data ? { allData: { href: `../${data.path}`, size: data.size } } : {}) }),
  });
  // The pager is the site's chrome: in the edition's language even inside a chapter in another.
  const chromeLang = chapter.frontMatter.lang !== undefined && chapter.frontMatter.lang !== edition.config.language ? edition.config.language : undefined;
  const pager = h('nav', { className: ['pager'], ariaLabel: 'Previous and next chapter', lang: chromeLang }, [
    prev ? h('a', { rel: 'prev', href: `../${prev.slug}/` }, [h('span', 'Previous: '), prev.frontMatter.title]) : h('span'),
    next ? h('a', { rel: 'next', href: `../${next.slug}/` }, [h('span', 'Next: '), next.frontMatter.title]) : h('span'),
  ]);
  const article = h('article', { className: ['chapter', `kind-${chapter.frontMatter.kind}`] }, [
    ...renderChapterHeader(chapter, 'web', edition.config.language, {
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
    lang: chapter.frontMatter.lang,
    ogType: 'article',
    kind: kindLabels[chapter.frontMatter.kind],
    cardTitle: chapter.frontMatter.title,
  };
}

/** The best-practice explorer: case studies by theme and by country. */
export function caseStudiesPages(edition: Edition): PageSpec[] {
  const countries = new Intl.DisplayNames([edition.config.language, 'en'], { type: 'region' });
  const countryName = (code: string) => countries.of(code) ?? code;
  const base = CASE_STUDIES_DIR;
  return collectionPages(
    edition,
    {
      base,
      title: 'Best practices from member cities',
      intro: 'Case studies of cities’ practices, including winners of the Eurocities Awards. Browse them by theme or by country.',
      kind: 'Best practices',
      noun: 'case studies',
      items: edition.chapters.filter((c) => c.frontMatter.caseStudy),
      facets: [
        { key: 'theme', label: 'Theme', heading: (v) => `Best practices on ${v}`, values: (c) => c.frontMatter.caseStudy?.themes ?? [] },
        { key: 'country', label: 'Country', heading: (v) => `Best practices from ${v}`, values: (c) => (c.frontMatter.caseStudy ? [c.frontMatter.caseStudy.country] : []) },
      ],
      details: (c, up) => {
        const cs = c.frontMatter.caseStudy;
        if (!cs) return [];
        const rows: [string, Cell][] = [
          ['City', [`${cs.city}, `, ...facetLinks(up, base, 'country', [cs.country], countryName)]],
          ['Themes', facetLinks(up, base, 'theme', cs.themes)],
        ];
        if (cs.award) rows.push(['Award', [`Eurocities Awards ${cs.award.year}, ${cs.award.category}: ${cs.award.result}`]]);
        return rows;
      },
    },
    (facet, v) => (facet === 'country' ? countryName(v) : v),
  );
}

/** The methods collection: knowledge-sharing methods by format, effort and theme. */
export function methodsPages(edition: Edition): PageSpec[] {
  const base = METHODS_DIR;
  return collectionPages(edition, {
    base,
    title: 'Knowledge-sharing methods',
    intro: 'How cities share knowledge: the how-to, outcomes and pitfalls of each method. Browse them by format, effort and theme.',
    kind: 'Methods',
    noun: 'methods',
    items: edition.chapters.filter((c) => c.frontMatter.method),
    facets: [
      { key: 'format', label: 'Format', heading: (v) => `Methods: ${v}`, values: (c) => (c.frontMatter.method ? [c.frontMatter.method.format] : []) },
      { key: 'effort', label: 'Effort', heading: (v) => `Methods with ${v} effort`, values: (c) => (c.frontMatter.method ? [c.frontMatter.method.effort] : []) },
      { key: 'theme', label: 'Theme', heading: (v) => `Methods on ${v}`, values: (c) => c.frontMatter.method?.themes ?? [] },
    ],
    details: (c, up) => {
      const m = c.frontMatter.method;
      if (!m) return [];
      return [
        ['Format', facetLinks(up, base, 'format', [m.format])],
        ['Duration', [m.duration]],
        ['Participants', [m.participants]],
        ['Effort', facetLinks(up, base, 'effort', [m.effort])],
        ['Themes', facetLinks(up, base, 'theme', m.themes)],
      ];
    },
  });
}
