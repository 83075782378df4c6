import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import type { Chapter, ChapterKind, Edition } from '../../model/edition.js';
import { renderChapterBody } from '../render/chapter-body.js';
import { kindLabels, renderChapterHeader } from '../render/chapter-header.js';
import { scrollRegion } from '../render/figure.js';
import type { PageSpec, SiteLinks } from './layout.js';

/** Reading-order groups of the table of contents. */
const groups: { title: string; kinds: ChapterKind[] }[] = [
  { title: 'Introduction', kinds: ['foreword', 'executive-summary'] },
  { title: 'Voices from cities', kinds: ['essay'] },
  { title: 'Guest essays', kinds: ['guest-essay'] },
  { title: 'Best practices', kinds: ['case-study'] },
  { title: 'Methods and annexes', kinds: ['methodology', 'annex'] },
];

export function indexPage(edition: Edition, links: SiteLinks): PageSpec {
  const { config } = edition;
  const { pdf, data } = links;
  const main: ElementContent[] = [
    h('section', { className: ['cover'], ariaLabelledBy: 'edition-title' }, [
      h('p', { className: ['cover-publisher'] }, `${config.publisher} · ${config.year}`),
      h('h1', { id: 'edition-title' }, config.title),
      ...(config.subtitle ? [h('p', { className: ['cover-subtitle'] }, config.subtitle)] : []),
      h('p', { className: ['cover-intro'] }, config.description),
      h('p', { className: ['cover-downloads'] }, [
        ...(pdf ? [h('a', { className: ['button'], href: pdf.name }, `Download the PDF edition (${pdf.size})`), ' '] : []),
        ...(data ? [h('a', { className: ['button', 'button-secondary'], href: data.path }, `All data of this edition (ZIP, ${data.size})`)] : []),
      ]),
    ]),
    h('section', { className: ['toc'], ariaLabelledBy: 'toc-title' }, [
      h('h2', { id: 'toc-title' }, 'Contents'),
      ...groups.flatMap((g) => {
        const chapters = edition.chapters.filter((c) => g.kinds.includes(c.frontMatter.kind));
        if (chapters.length === 0) return [];
        return [h('h3', g.title), h('ol', { className: ['toc-list'] }, chapters.map((c) => tocEntry(c)))];
      }),
    ]),
  ];
  return { path: 'index.html', title: config.title, description: config.description, canonical: '', main, kind: '', cardTitle: config.subtitle ?? config.title };
}

function tocEntry(c: Chapter): ElementContent {
  const sections = c.headings.filter((x) => x.depth === 2);
  return h('li', { value: c.number }, [
    h('a', { href: `${c.slug}/` }, [h('span', { className: ['toc-number'] }, `${c.number}`), ' ', c.frontMatter.title]),
    h('p', { className: ['toc-summary'] }, c.frontMatter.summary),
    ...(sections.length > 0
      ? [h('ul', { className: ['toc-sections'] }, sections.map((s) => h('li', [h('a', { href: `${c.slug}/#${s.id}` }, s.text)])))]
      : []),
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
    figureLinks: (f) => ({ ...(links.png ? { png: f.csvName.replace(/\.csv$/, '.png') } : {}), ...(data ? { allData: { href: `../${data.path}`, size: data.size } } : {}) }),
  });
  const pager = h('nav', { className: ['pager'], ariaLabel: 'Previous and next chapter' }, [
    prev ? h('a', { rel: 'prev', href: `../${prev.slug}/` }, [h('span', 'Previous: '), prev.frontMatter.title]) : h('span'),
    next ? h('a', { rel: 'next', href: `../${next.slug}/` }, [h('span', 'Next: '), next.frontMatter.title]) : h('span'),
  ]);
  const article = h('article', { className: ['chapter', `kind-${chapter.frontMatter.kind}`] }, [
    ...renderChapterHeader(chapter, 'web', edition.config.language),
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

export function caseStudiesPage(edition: Edition): PageSpec {
  const cases = edition.chapters.filter((c) => c.frontMatter.caseStudy);
  const countries = new Intl.DisplayNames([edition.config.language, 'en'], { type: 'region' });
  const main: ElementContent[] = [
    h('h1', 'Best practices from member cities'),
    h('p', `${cases.length} case studies of cities’ practices, including winners of the Eurocities Awards.`),
    scrollRegion(
      'Case studies by city, country, themes and award',
      h('table', { className: ['data-table', 'case-overview'] }, [
        h('caption', 'Case studies by city, country, themes and award'),
        h('thead', [h('tr', ['Case study', 'City', 'Country', 'Themes', 'Award'].map((t) => h('th', { scope: 'col' }, t)))]),
        h(
          'tbody',
          cases.map((c) => {
            const cs = c.frontMatter.caseStudy;
            if (!cs) return h('tr');
            return h('tr', [
              h('th', { scope: 'row' }, [h('a', { href: `../${c.slug}/` }, c.frontMatter.title)]),
              h('td', cs.city),
              h('td', countries.of(cs.country) ?? cs.country),
              h('td', cs.themes.join(', ')),
              h('td', cs.award ? `${cs.award.year} ${cs.award.category} (${cs.award.result})` : '–'),
            ]);
          }),
        ),
      ]),
    ),
  ];
  return {
    path: 'case-studies/index.html',
    title: `Best practices | ${edition.config.title}`,
    description: `Case studies of ${kindLabels['case-study'].toLowerCase()}s from Eurocities member cities in the ${edition.config.title}.`,
    canonical: 'case-studies/',
    kind: 'Best practices',
    cardTitle: 'Best practices from member cities',
    main,
    current: 'case-studies',
  };
}
