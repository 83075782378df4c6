import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import type { VFile } from 'vfile';
import { formatDate, type Chapter, type EditionConfig, type Heading } from '../../model/edition.js';
import { ACCESSIBILITY_SLUGS } from '../emit-html/site-paths.js';
import { frontMatterSchema } from '../validate/frontmatter-schema.js';
import { countWords, readingMinutes } from '../markdown/reading-time.js';

/** Marks the generated chapter, so the web footer can link to it. */
export const accessibilityStatementSource = 'generated/accessibility-statement';

export interface StatementInput {
  readonly config: EditionConfig;
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
  const { config, chapters } = input;
  const taken = new Set(chapters.map((c) => c.slug));
  const [first, second] = ACCESSIBILITY_SLUGS;
  const slug = taken.has(first) ? second : first;
  const id = (name: string) => `${slug}--${name}`;
  const figures = chapters.flatMap((c) => c.figures);
  const date = formatDate(config, input.buildDate);
  const skips = headingSkips(input.files, chapters);

  const sections: [string, string, ElementContent[]][] = [
    [
      id('status'),
      'Conformance status',
      [
        h('p', [
          `The web and PDF editions of the ${config.title} aim to meet the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA, `,
          'the level that the European standard EN 301 549 and the Web Accessibility Directive (EU) 2016/2102 require for web pages and downloadable documents. ',
          'The PDF edition also aims at PDF/UA-1 (ISO 14289-1).',
        ]),
        h('p', 'The editions are partially conformant: the limitations listed below are known and not yet resolved.'),
      ],
    ],
    [
      id('checks'),
      'How the editions are checked',
      [
        h('ul', [
          h('li', 'Every page of the web edition is checked in a headless Chromium browser with axe-core against the WCAG 2.0 and 2.1 rules of levels A and AA, together with tests for keyboard use, focus visibility, landmarks, heading order, language of parts and reduced motion.'),
          h('li', 'The PDF edition is checked with the publishing pipeline’s audit (monitor audit) against the machine-checkable conditions of PDF/UA-1 in the Matterhorn Protocol: tagging, document language, title, alternative text of figures, heading levels, table headers and bookmarks.'),
          h(
            'li',
            figures.length === 0
              ? 'This edition has no charts.'
              : `All ${figures.length} charts in this edition have a text alternative written by their authors, a source note with the question wording, base and number of respondents, and their data as a table and a CSV file.`,
          ),
        ]),
        h('p', 'Automated checks find only part of the barriers people meet. No review by people with disabilities or by accessibility experts is recorded for this edition.'),
      ],
    ],
    [
      id('limitations'),
      'Known limitations',
      [
        h('ul', [
          h('li', 'Charts are images with one text alternative each; the bars, dots and labels inside them are hidden from assistive technology. Their exact values are in the data table below each chart on the web and in its CSV download.'),
          h('li', 'The PDF edition does not repeat the data tables of the charts; it gives the address of each chart’s CSV file in the web edition instead.'),
          h('li', 'In the PDF edition, the running headers and page numbers are printed outside the document’s tags and are not marked as artifacts: the browser engine that prints the PDF (Chromium) does not allow it. Screen readers usually skip them, but some PDF checkers report them as untagged content.'),
          ...skips.map((title) => h('li', `In “${title}”, a heading skips a level, which makes the outline harder to follow with a screen reader.`)),
        ]),
      ],
    ],
    [
      id('feedback'),
      'Feedback and contact',
      [
        h('p', [
          'If you meet a barrier in either edition, or need its content in another format, write to ',
          h('a', { href: `mailto:${config.contact}` }, config.contact),
          '. Say which page or chapter you were reading and what went wrong.',
        ]),
      ],
    ],
    [id('date'), 'Date of this statement', [h('p', `This statement was generated with the edition on ${date}, the date of its build.`)]],
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
      title: 'Accessibility statement',
      kind: 'annex',
      summary: `How accessible the ${config.title} is, what is known not to work, and how to tell us about a barrier.`,
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
