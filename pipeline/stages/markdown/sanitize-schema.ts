import { defaultSchema, type Options as Schema } from 'rehype-sanitize';

const base = defaultSchema;
const baseAttributes = base.attributes ?? {};

/**
 * Attributes GitHub allows everywhere that a publication has no use for: focus order and form
 * attributes hurt keyboard users; `title` is kept only where Markdown or editors use it (links,
 * images, abbreviations), as a tooltip elsewhere is invisible to most readers and is where
 * mutation-XSS payloads hide (`<p title="</noscript><img onerror…>">`).
 */
const DROPPED_GLOBAL = new Set(['accessKey', 'tabIndex', 'action', 'method', 'encType', 'acceptCharset', 'accept', 'title']);

/**
 * Elements removed with their content, which the HTML parser reads as raw text (code, CSS, or
 * hidden), never as prose. `noscript` and `object` are unwrapped instead: their content is parsed
 * as elements (and sanitized), and an unclosed one would otherwise swallow the rest of the chapter.
 */
const STRIPPED = ['script', 'style', 'template', 'textarea', 'title', 'xmp', 'noembed', 'noframes', 'iframe'];

/**
 * GitHub elements that can fetch from third parties without a protocol check:
 * `source[srcset]` inside `picture` loads any URL. Images come from `img[src]` only.
 */
const DROPPED_TAGS = new Set(['picture', 'source']);

/**
 * The GitHub schema, extended deliberately. Each extension has a test in tests/safety/sanitize-schema.test.ts.
 * 1. figure placeholders: `div[data-monitor-figure]`, filled by the emitters from the model;
 * 2. call-outs, pull quotes, members sections, generated blocks: a fixed list of class names;
 * 3. `aside`, `figure`, `figcaption`, `section` elements for those blocks, `caption` for numbered
 *    tables, and `abbr` (with its `title`) for abbreviations in guest essays;
 * 4. a visible endnotes heading class;
 * 5. `section[aria-label]` for members-only sections;
 * 6. images only from the edition itself: absolute `src` URLs are removed (nothing from third parties);
 * 7. ids are protected before sanitizing (see protect-ids.ts), so clobbering is off here;
 * 8. restrictions: `picture`/`source`, the form and focus attributes above and `title` (except on
 *    `a`, `img` and `abbr`) are dropped, and
 *    `style`, `template`, `iframe` and other raw-text elements go with their content.
 */
export const sanitizeSchema: Schema = {
  ...base,
  tagNames: [...new Set([...(base.tagNames ?? []), 'aside', 'figure', 'figcaption', 'section', 'caption', 'abbr'])].filter((t) => !DROPPED_TAGS.has(t)),
  attributes: {
    ...baseAttributes,
    '*': (baseAttributes['*'] ?? []).filter((a) => !(typeof a === 'string' && DROPPED_GLOBAL.has(a))),
    div: [...(baseAttributes['div'] ?? []), 'dataMonitorFigure', ['className', 'generated', 'respondents', 'questionnaire', 'table-scroll']],
    aside: [['className', 'callout']],
    figure: [['className', 'pullquote']],
    p: [['className', 'callout-title', 'table-source']],
    h2: [['className', 'sr-only', 'endnotes-title']],
    // GitHub's own `['className', 'footnotes']` entry is left out: with two className entries the
    // sanitizer uses the first, and `members-only` was silently removed.
    section: [...withoutClassName(baseAttributes['section']), ['className', 'footnotes', 'members-only'], 'ariaLabel'],
    table: [...(baseAttributes['table'] ?? []), ['className', 'data-table']],
    caption: [],
    source: [],
    a: [...(baseAttributes['a'] ?? []), 'title'],
    img: [...(baseAttributes['img'] ?? []), 'title'],
    abbr: ['title'],
  },
  strip: STRIPPED,
  // An empty list would allow every protocol; a scheme that cannot occur allows relative URLs only.
  protocols: { ...base.protocols, src: ['\u0000'] },
  clobber: [],
  clobberPrefix: '',
};

type AttributeList = NonNullable<NonNullable<Schema['attributes']>[string]>;

function withoutClassName(list: AttributeList | undefined): AttributeList {
  return (list ?? []).filter((a) => (typeof a === 'string' ? a : a[0]) !== 'className');
}
