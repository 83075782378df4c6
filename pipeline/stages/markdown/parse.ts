import type { Root, Yaml } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import { report } from '../../diagnostics/report.js';

/** Chapters larger than this are refused rather than risk an unbounded parse. */
export const MAX_CHAPTER_BYTES = 2_000_000;
/** Deeper nesting of lists or quotes than this is refused: it is never intended, and costly to parse. */
export const MAX_NESTING = 64;

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
  const deep = findDeepNesting(text);
  if (deep) {
    report(file, 'markdown-too-deep', `Lists or quotes are nested more than ${MAX_NESTING} levels deep`, deep);
    return undefined;
  }
  const tree = parser.parse(file);
  const first = tree.children[0];
  return { tree, frontMatter: first?.type === 'yaml' ? first : undefined };
}

/**
 * A cheap line scan for nesting depth: indentation (a list level needs at least 2 columns)
 * and quote markers. Catches pathological input before the parser sees it.
 */
function findDeepNesting(text: string): { line: number; column: number } | undefined {
  let line = 1;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let width = 0;
    let quotes = 0;
    let markers = 0;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 32) width += 1;
      else if (c === 9) width += 4 - (width % 4);
      else if (c === 62) quotes += 1; // >
      else if (c === 45 || c === 42 || c === 43) markers += 1; // - * +
      else break;
    }
    if (quotes > MAX_NESTING || width / 2 > MAX_NESTING || markers > MAX_NESTING) return { line, column: 1 };
    start = end + 1;
    line += 1;
  }
  return undefined;
}
