import type { Root, Yaml } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import { report } from '../../diagnostics/report.js';
import { findDeepHtml } from './html-depth.js';

/** Chapters larger than this are refused rather than risk an unbounded parse. */
export const MAX_CHAPTER_BYTES = 2_000_000;
/** Deeper nesting of lists, quotes or `:::` directives than this is refused: it is never intended, and costly to parse. */
export const MAX_NESTING = 64;
/**
 * Square brackets per block (paragraph or table) and per chapter. The parser's cost grows with the
 * square of the brackets in one block (100 KB of `[` takes over a minute), so both are capped far
 * above what prose needs: a paragraph with 500 links is not one.
 */
export const MAX_BRACKETS_PER_BLOCK = 500;
export const MAX_BRACKETS = 100_000;
/**
 * Lines in one paragraph. The Markdown parser merges a paragraph's lines with one array splice per
 * line, so its cost grows with the square of the lines (22,000 lines took 105 s); a real
 * paragraph has a few dozen. List items and table rows start new blocks and are not counted.
 */
export const MAX_PARAGRAPH_LINES = 2_000;
/**
 * Runs of `*` or `_` (emphasis delimiters) per block. The parser matches each closing run against
 * every opening run before it, quadratic again: 10,000 `a* ` took 8.5 s, 2 MB of them hours.
 */
export const MAX_EMPHASIS_PER_BLOCK = 2_000;
/**
 * Blocks (paragraphs, list items, headings…) per chapter. Each costs the parser and every tree
 * pass a node or more; 60,000 one-word paragraphs took 46 s, mostly in garbage collection. A
 * 2 MB chapter of real prose has a few thousand.
 */
export const MAX_BLOCKS = 20_000;

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective).freeze();

export interface ParsedMarkdown {
  readonly tree: Root;
  readonly frontMatter: Yaml | undefined;
}

/** Markdown text → mdast, after guarding size and depth. Problems go on `file`. */
export function parseMarkdown(file: VFile): ParsedMarkdown | undefined {
  const text = String(file.value);
  if (Buffer.byteLength(text) > MAX_CHAPTER_BYTES) {
    report(file, 'markdown-too-large', `The chapter is ${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB; the limit is ${MAX_CHAPTER_BYTES / 1e6} MB`, { line: 1, column: 1 });
    return undefined;
  }
  const guard = findPathology(text);
  if (guard) {
    report(file, guard.rule, guard.reason, guard.place);
    return undefined;
  }
  const tree = parser.parse(file);
  const deepHtml = findDeepHtml(tree, MAX_NESTING);
  if (deepHtml) {
    report(file, 'markdown-too-deep', `Raw HTML elements are nested more than ${MAX_NESTING} levels deep (Markdown lists, quotes and directives around them count too)`, deepHtml);
    return undefined;
  }
  const first = tree.children[0];
  return { tree, frontMatter: first?.type === 'yaml' ? first : undefined };
}

interface Pathology {
  readonly rule: 'markdown-too-deep' | 'markdown-too-complex';
  readonly reason: string;
  readonly place: { line: number; column: number };
}

/**
 * One cheap pass over the lines that catches pathological input before the parser sees it:
 * - list and quote nesting: the markers (`-`, `*`, `+`, `1.`, `1)`, `>`) that open a line, and its
 *   indentation (a list level needs at least 2 columns);
 * - `:::` container directives opened and not yet closed;
 * - square brackets in one block (lines up to a blank line) and in the whole chapter.
 */
export function findPathology(text: string): Pathology | undefined {
  let line = 1;
  let start = 0;
  let directives = 0;
  let blockBrackets = 0;
  let brackets = 0;
  let paragraphLines = 0;
  let blockEmphasis = 0;
  let blocks = 0;
  let blank = true;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let width = 0;
    let markers = 0;
    let listMarker = false;
    let i = start;
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 32) width += 1;
      else if (c === 9) width += 4 - (width % 4);
      else if (c === 62 || c === 45 || c === 42 || c === 43) {
        markers += 1; // > - * +
        if (c !== 62) listMarker = true;
      }
      else if (c >= 48 && c <= 57) {
        // An ordered-list marker: up to 9 digits, then "." or ")".
        let j = i;
        while (j < end && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
        const after = text.charCodeAt(j);
        if (after !== 46 && after !== 41) break;
        markers += 1;
        listMarker = true;
        i = j;
      } else break;
    }
    if (markers > MAX_NESTING || width / 2 > MAX_NESTING) {
      return { rule: 'markdown-too-deep', reason: `Lists or quotes are nested more than ${MAX_NESTING} levels deep`, place: { line, column: 1 } };
    }
    const rest = text.slice(i, end);
    if (/^:{3,}[A-Za-z]/.test(rest)) directives += 1;
    else if (/^:{3,}\s*$/.test(rest)) directives = Math.max(0, directives - 1);
    if (directives > MAX_NESTING) {
      return { rule: 'markdown-too-deep', reason: `\`:::\` directives are nested more than ${MAX_NESTING} levels deep`, place: { line, column: 1 } };
    }
    if (markers === 0 && rest.trim() === '') {
      blockBrackets = 0; // a blank line ends the block
      blockEmphasis = 0;
    }
    const isBlank = markers === 0 && rest.trim() === '';
    if (!isBlank && (blank || listMarker)) {
      blocks += 1;
      if (blocks > MAX_BLOCKS) {
        return { rule: 'markdown-too-complex', reason: `More than ${MAX_BLOCKS.toLocaleString('en')} paragraphs, list items and other blocks in one chapter: split the chapter`, place: { line, column: 1 } };
      }
    }
    blank = isBlank;
    if (listMarker || rest.trim() === '') paragraphLines = 0;
    else if (!rest.includes('|')) paragraphLines += 1;
    if (paragraphLines > MAX_PARAGRAPH_LINES) {
      return { rule: 'markdown-too-complex', reason: `More than ${MAX_PARAGRAPH_LINES} lines in one paragraph: leave a blank line between paragraphs`, place: { line, column: 1 } };
    }
    // Scan this line only: searching the whole rest of the text for the next `[` from every line
    // made a long chapter with few brackets quadratic.
    for (let k = i; k < end; k++) {
      const c = text.charCodeAt(k);
      if ((c === 42 || c === 95) && text.charCodeAt(k - 1) !== c) {
        blockEmphasis += 1; // * or _, once per run
        if (blockEmphasis > MAX_EMPHASIS_PER_BLOCK) {
          return { rule: 'markdown-too-complex', reason: `More than ${MAX_EMPHASIS_PER_BLOCK} runs of * or _ in one paragraph or table`, place: { line, column: k - start + 1 } };
        }
      }
      if (c !== 91) continue;
      blockBrackets += 1;
      brackets += 1;
      if (blockBrackets > MAX_BRACKETS_PER_BLOCK) {
        return { rule: 'markdown-too-complex', reason: `More than ${MAX_BRACKETS_PER_BLOCK} square brackets in one paragraph or table`, place: { line, column: k - start + 1 } };
      }
      if (brackets > MAX_BRACKETS) {
        return { rule: 'markdown-too-complex', reason: `More than ${MAX_BRACKETS} square brackets in the chapter`, place: { line, column: k - start + 1 } };
      }
    }
    start = end + 1;
    line += 1;
  }
  return undefined;
}
