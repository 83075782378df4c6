import { resolveLocale } from '../../pipeline/locale/index.js';
import { h } from 'hastscript';
import type { Element, ElementContent, Root } from 'hast';
import type { Chapter, ChapterKind, Edition, EditionConfig, Heading } from '../../pipeline/model/edition.js';
import type { Figure } from '../../pipeline/model/figure.js';
import { frontMatterSchema } from '../../pipeline/stages/validate/frontmatter-schema.js';

/** A synthetic edition for print tests: real structure (headings, figures, footnotes), invented text. */
export interface FixtureOptions {
  readonly chapters?: number;
  readonly sectionsPerChapter?: number;
  readonly paragraphsPerSection?: number;
  /** Extra nodes appended to chapter 1's body (e.g. hostile markup for the isolation test). */
  readonly extra?: readonly ElementContent[];
  readonly sampleData?: boolean;
  /** Give every chapter the same section titles and web ids, as case studies have ("The challenge"…). */
  readonly repeatedSections?: boolean;
  /** Cross-references in every chapter after the first: to a figure and a chapter elsewhere, to a section of its own. */
  readonly crossRefs?: boolean;
}

const repeatedTitles = ['The challenge', 'The solution', 'Impact', 'Lessons and pitfalls', 'Transferability'];

const words = (
  'the cities network survey housing mobility climate transition municipal budget residents neighbourhood affordable ' +
  'investment cooperation governance infrastructure participation administration sustainability renovation European ' +
  'metropolitan Kraków Łódź Győr Brno Plzeň Timișoara Iași Bursa Eskişehir Ålborg København resilience procurement'
).split(' ');

function sentence(seed: number, length: number): string {
  const out: string[] = [];
  for (let i = 0; i < length; i++) out.push(words[(seed * 7 + i * 13) % words.length] ?? 'city');
  const text = out.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function paragraph(seed: number): Element {
  return h('p', Array.from({ length: 6 }, (_, i) => sentence(seed + i, 12 + ((seed + i) % 9))).join(' '));
}

const smallSvg = (label: string): string =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 160" role="img" aria-label="${label}"><title>${label}</title>` +
  `<g aria-hidden="true"><rect x="10" y="20" width="300" height="30" fill="#0b4f8a"/><rect x="10" y="70" width="180" height="30" fill="#5b8fc7"/>` +
  `<text x="320" y="40" font-size="14">62%</text><text x="200" y="90" font-size="14">38%</text></g></svg>`;

export const chapterTitle = (n: number): string => `Chapter ${n}: ${['Housing “for all”', 'Urban mobility & <transport>', 'Climate \\ energy', 'Digital transition', 'Culture'][(n - 1) % 5]}`;

export function makeChapter(n: number, options: FixtureOptions = {}): Chapter {
  const slug = `chapter-${n}`;
  const sections = options.sectionsPerChapter ?? 3;
  const paras = options.paragraphsPerSection ?? 3;
  const headings: Heading[] = [];
  const children: ElementContent[] = [];
  const figures: Figure[] = [];
  for (let s = 1; s <= sections; s++) {
    const repeated = options.repeatedSections === true ? repeatedTitles[(s - 1) % repeatedTitles.length] : undefined;
    const id = repeated === undefined ? `${slug}--section-${s}` : repeated.toLowerCase().replace(/\s+/g, '-');
    const text = repeated ?? `Section ${n}.${s} findings`;
    headings.push({ id, depth: 2, text });
    children.push(h('h2', { id }, text));
    for (let p = 0; p < paras; p++) children.push(paragraph(n * 100 + s * 10 + p));
    if (s === 1) {
      const figureId = `fig-${n}-1`;
      figures.push({
        id: figureId,
        number: `${n}.1`,
        caption: `Share of cities reporting rising costs (chapter ${n})`,
        alt: `Bar chart: 62% of cities report rising costs, 38% do not (chapter ${n}).`,
        chapterSlug: slug,
        csvName: `figure-${n}-1.csv`,
        audience: 'public',
        kind: 'ranked-bars',
        svg: smallSvg(`Bar chart: 62% of cities report rising costs (chapter ${n}).`),
        table: { columns: [{ key: 'a', label: 'Answer' }, { key: 'p', label: '%', numeric: true }], rows: [['Yes', 62], ['No', 38]], notes: [] },
        csv: 'Answer,%\nYes,62\nNo,38\n',
        sourceNote: `Eurocities Pulse 2026 (synthetic), Q${n}: Have costs risen? Base: all responding cities (n = 88).`,
        notes: [],
      });
      children.push(h('div', { dataMonitorFigure: figureId }));
      children.push(h('p', ['A claim with a note', h('sup', [h('a', { href: '#fn-1', id: 'fnref-1', dataFootnoteRef: true, ariaDescribedBy: ['footnote-label'] }, '1')]), ' in the text.']));
    }
    if (s === 2 && options.crossRefs === true && n > 1) {
      const own = headings[0]?.id ?? '';
      children.push(
        h('p', [
          'As ', h('a', { href: '../chapter-1/#fig-1-1' }, 'Figure 1.1'), ' shows, and as ',
          h('a', { href: `../chapter-${n - 1}/` }, 'the previous chapter'), ' argues at length (see also ',
          h('a', { href: `#${own}` }, 'the first section'), '), costs rise.',
        ]),
      );
    }
    if (s === 2) {
      children.push(h('h3', { id: `${id}--detail` }, `Detail ${n}.${s}`));
      children.push(paragraph(n * 1000 + s));
    }
  }
  if (n === 1 && options.extra) children.push(...options.extra);
  children.push(
    h('section', { dataFootnotes: true, className: ['footnotes'] }, [
      h('h2', { id: 'footnote-label', className: ['sr-only', 'endnotes-title'] }, 'Notes'),
      h('ol', [h('li', { id: 'fn-1' }, [h('p', [`Source for chapter ${n}: municipal statistics, https://example.org/report-${n}.`, ' ', h('a', { href: '#fnref-1', dataFootnoteBackref: '', ariaLabel: 'Back to reference 1', className: ['data-footnote-backref'] }, '↩')])])]),
    ]),
  );
  const content: Root = { type: 'root', children };
  const kind: ChapterKind = n === 1 ? 'foreword' : 'essay';
  return {
    sourcePath: `chapters/${slug}.md`,
    slug,
    number: n,
    frontMatter: frontMatterSchema.parse({
      title: chapterTitle(n),
      kind,
      summary: `What the ${n}th chapter finds, in one sentence.`,
      authors: [{ name: `Author ${n}`, role: 'Policy advisor', organisation: 'Eurocities' }],
    }),
    content,
    headings,
    figures,
    tables: [],
    wordCount: 1000,
    readingMinutes: 5,
  };
}

export function makeEdition(options: FixtureOptions = {}): Edition {
  const count = options.chapters ?? 4;
  const config: EditionConfig = {
    title: 'Eurocities Monitor',
    subtitle: 'The state of Europe’s cities',
    year: 2026,
    slug: 'eurocities-monitor-2026',
    publisher: 'Eurocities',
    language: 'en',
    baseUrl: 'https://monitor.example.org/2026/',
    licence: 'CC BY 4.0',
    isbn: '978-0-00-000000-0',
    contact: 'monitor@example.org',
    keywords: ['cities', 'Europe', 'survey'],
    description: 'The annual report of Europe’s cities, with survey results and best practices.',
    sampleData: options.sampleData ?? true,
    survey: { minBase: 30, default: undefined },
    chapters: Array.from({ length: count }, (_, i) => `chapter-${i + 1}.md`),
  };
  return {
    config,
    locale: resolveLocale(config),
    profile: 'public',
    media: new Map(),
    chapters: Array.from({ length: count }, (_, i) => makeChapter(i + 1, options)),
    buildDate: new Date('2026-03-01T00:00:00Z'),
  };
}
