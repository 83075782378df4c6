import type { Chapter } from '../../model/edition.js';

/**
 * A CSS string literal for any text: backslash, quotes, `<` (so `</style>` cannot end the
 * style element) and control characters become escapes.
 */
export function cssString(value: string): string {
  let out = '"';
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '"' || char === '\\' || char === '<' || char === '>' || char === '&' || code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029) {
      out += `\\${code.toString(16)} `;
    } else {
      out += char;
    }
  }
  return `${out}"`;
}

export const pageName = (chapter: Chapter): string => `ch${chapter.number}`;
export const chapterClass = (chapter: Chapter): string => `chapter-${chapter.number}`;

/**
 * One named page per chapter, so the running header can carry the chapter title (Chromium has
 * no string-set). The chapter title stands at the outer corner of both verso and recto, so every
 * page tells the reader which chapter it belongs to. A blank verso may carry its chapter's class
 * but never its page: it stays on the `blank` page, with no head and no folio.
 */
export function chapterPageCss(chapters: readonly Chapter[]): string {
  const rules: string[] = [];
  for (const chapter of chapters) {
    const name = pageName(chapter);
    rules.push(
      `.${chapterClass(chapter)}:not(.blank-page){page:${name}}`,
      `@page ${name}:left{@top-left{content:${cssString(chapter.frontMatter.title)}}}`,
      `@page ${name}:right{@top-right{content:${cssString(chapter.frontMatter.title)}}}`,
    );
  }
  return rules.join('\n');
}
