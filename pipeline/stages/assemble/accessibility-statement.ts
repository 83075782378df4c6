import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import type { VFile } from 'vfile';
import type { Locale } from '../../locale/index.js';
import type { Chapter, EditionConfig, Heading } from '../../model/edition.js';
import { ACCESSIBILITY_SLUGS } from '../emit-html/site-paths.js';
import { frontMatterSchema } from '../validate/frontmatter-schema.js';
import { countWords, readingMinutes } from '../markdown/reading-time.js';

/** Marks the generated chapter, so the web footer can link to it. */
export const accessibilityStatementSource = 'generated/accessibility-statement';

export interface StatementInput {
  readonly config: EditionConfig;
  /** The statement is written in the edition's language, from its catalogue. */
  readonly locale: Locale;
  readonly buildDate: Date;
  /** The edition's chapters, in order; the statement comes after them. */
  readonly chapters: readonly Chapter[];
  /** Every source file with its messages: heading-level warnings become known limitations. */
  readonly files: readonly VFile[];
}

/**
 * The accessibility statement the Web Accessibility Directive asks for, as the edition's last
 * annex, so both editions render it. It states what the build knows (figures, their text
 * alternatives and data, heading warnings) and the checks the project runs, never results it
 * did not measure. Pure: the date comes in as buildDate.
 */
export function accessibilityStatement(input: StatementInput): Chapter {
  const { config, chapters, locale } = input;
  const t = locale.t;
  const taken = new Set(chapters.map((c) => c.slug));
  const [first, second] = ACCESSIBILITY_SLUGS;
  const slug = taken.has(first) ? second : first;
  const id = (name: string) => `${slug}--${name}`;
  const figures = chapters.flatMap((c) => c.figures);
  const date = locale.date(input.buildDate);
  const skips = headingSkips(input.files, chapters);

  const sections: [string, string, ElementContent[]][] = [
    [id('status'), t('statement.status'), [h('p', t('statement.statusAim', { edition: config.title })), h('p', t('statement.partial'))]],
    [
      id('checks'),
      t('statement.checks'),
      [
        h('ul', [
          h('li', t('statement.checkWeb')),
          h('li', t('statement.checkPdf')),
          h('li', figures.length === 0 ? t('statement.noCharts') : t('statement.charts', { count: figures.length })),
        ]),
        h('p', t('statement.automated')),
      ],
    ],
    [
      id('limitations'),
      t('statement.limitations'),
      [
        h('ul', [
          h('li', t('statement.limitCharts')),
          h('li', t('statement.limitTables')),
          h('li', t('statement.limitArtifacts')),
          ...skips.map((title) => h('li', t('statement.limitHeading', { title: locale.quote(title) }))),
        ]),
      ],
    ],
    [
      id('feedback'),
      t('statement.feedback'),
      [h('p', [t('statement.feedbackBefore'), h('a', { href: `mailto:${config.contact}` }, config.contact), t('statement.feedbackAfter')])],
    ],
    [id('date'), t('statement.date'), [h('p', t('statement.dateText', { date }))]],
  ];

  const children: Element[] = sections.flatMap(([hid, title, body]) => [h('h2', { id: hid }, title), ...(body as Element[])]);
  const content: Root = { type: 'root', children };
  const headings: Heading[] = sections.map(([hid, title]) => ({ id: hid, depth: 2, text: title }));
  const wordCount = countWords(content);
  return {
    sourcePath: accessibilityStatementSource,
    slug,
    number: chapters.length + 1,
    // A statement, not a chapter: unnumbered, like the front matter.
    label: null,
    // Through the schema, so the statement has every field and default a chapter has.
    frontMatter: frontMatterSchema.parse({
      title: t('statement.title'),
      kind: 'annex',
      summary: t('statement.summary', { edition: config.title }),
      slug,
      numbered: false,
    }),
    content,
    headings,
    figures: [],
    tables: [],
    wordCount,
    readingMinutes: readingMinutes(wordCount),
  };
}

/** Titles of the built chapters whose sources have a heading-level warning. */
function headingSkips(files: readonly VFile[], chapters: readonly Chapter[]): string[] {
  const bySource = new Map(chapters.map((c) => [c.sourcePath, c.frontMatter.title]));
  const out: string[] = [];
  for (const file of files) {
    if (!file.messages.some((m) => m.ruleId === 'heading-skip')) continue;
    const title = [...bySource].find(([source]) => file.path === source || file.path.endsWith(`/${source}`))?.[1];
    if (title !== undefined && !out.includes(title)) out.push(title);
  }
  return out;
}
