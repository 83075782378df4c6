import { defaultSchema, type Options as Schema } from 'rehype-sanitize';

const base = defaultSchema;
const baseAttributes = base.attributes ?? {};

/** Attributes GitHub allows that a publication has no use for and that hurt keyboard users. */
const DROPPED_GLOBAL = new Set(['accessKey', 'tabIndex', 'action', 'method', 'encType', 'acceptCharset', 'accept']);

/**
 * The GitHub schema, extended deliberately. Each extension has a test in tests/markdown/sanitize.test.ts.
 * 1. figure placeholders: `div[data-monitor-figure]`, filled by the emitters from the model;
 * 2. call-outs, pull quotes, members sections, generated blocks: a fixed list of class names;
 * 3. `aside`, `figure`, `figcaption`, `section` elements for those blocks, `caption` for numbered
 *    tables, and `abbr` (with its `title`) for abbreviations in guest essays;
 * 4. a visible endnotes heading class;
 * 5. `section[aria-label]` for members-only sections;
 * 6. images only from the edition itself: absolute `src` URLs are removed (nothing from third parties);
 * 7. ids are protected before sanitizing (see protect-ids.ts), so clobbering is off here.
 */
export const sanitizeSchema: Schema = {
  ...base,
  tagNames: [...new Set([...(base.tagNames ?? []), 'aside', 'figure', 'figcaption', 'section', 'caption', 'abbr'])],
  attributes: {
    ...baseAttributes,
    '*': (baseAttributes['*'] ?? []).filter((a) => !(typeof a === 'string' && DROPPED_GLOBAL.has(a))),
    div: [...(baseAttributes['div'] ?? []), 'dataMonitorFigure', ['className', 'generated', 'respondents', 'questionnaire', 'table-scroll']],
    aside: [['className', 'callout']],
    figure: [['className', 'pullquote']],
    p: [['className', 'callout-title']],
    h2: [['className', 'sr-only', 'endnotes-title']],
    section: [...(baseAttributes['section'] ?? []), ['className', 'footnotes', 'members-only'], 'ariaLabel'],
    table: [...(baseAttributes['table'] ?? []), ['className', 'data-table']],
    caption: [],
  },
  // An empty list would allow every protocol; a scheme that cannot occur allows relative URLs only.
  protocols: { ...base.protocols, src: ['\u0000'] },
  clobber: [],
  clobberPrefix: '',
};
