import type { Element, Root as HastRoot } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import type { FrontMatter, Heading, TableInfo } from '../../model/edition.js';
import type { Audience } from '../../model/figure.js';
import type { SourceFile } from '../../model/source.js';
import { report } from '../../diagnostics/report.js';
import { decodeUtf8 } from '../../diagnostics/utf8.js';
import { validateFrontMatter } from '../validate/frontmatter.js';
import type { ChapterContext } from './context.js';
import { resolveDirectives } from './directives.js';
import { resolveChapterLinks } from './links.js';
import { resolveImages } from './images.js';
import { checkBudgets } from './budgets.js';
import { applyAudience } from './members.js';
import { checkMembersMarkers } from './members-markers.js';
import { anchorsOf, outlineChapter, type ChapterOutline } from './outline.js';
import { inlineReferences } from './references.js';
import { parseMarkdown } from './parse.js';
import { toSafeHast } from './to-hast.js';
import { smartenTree } from './typography.js';
import { checkTableTitles } from './table-titles.js';
import { countWords } from './reading-time.js';

/** A chapter after parsing and validation, before it is rendered (phase A). */
export interface PreparedChapter {
  readonly sourcePath: string;
  readonly file: VFile;
  readonly frontMatter: FrontMatter;
  readonly slug: string;
  readonly tree: Root;
  readonly outline: ChapterOutline;
}

/**
 * Parse a chapter, validate its front matter and outline it. Members-only passages are removed
 * here for a public build, before anything reads them. Returns the file (with its messages) always.
 */
export function prepareChapter(source: SourceFile, profile: Audience, membersLabel: string): { file: VFile; chapter: PreparedChapter | undefined } {
  const decoded = decodeUtf8(source.bytes);
  const file = new VFile({ path: source.path, value: decoded.text });
  if (decoded.error) {
    report(file, 'markdown-encoding', 'The file is not valid UTF-8', decoded.error);
    return { file, chapter: undefined };
  }
  const parsed = parseMarkdown(file);
  if (!parsed) return { file, chapter: undefined };
  const frontMatter = validateFrontMatter(file, parsed.frontMatter);
  if (!frontMatter) return { file, chapter: undefined };
  const slug = frontMatter.slug ?? fileSlug(source.path);
  // Same checks in both editions, on the whole chapter, before anything is removed.
  checkMembersMarkers(parsed.tree, file);
  checkBudgets(parsed.tree, file);
  const everyAnchor = anchorsOf(parsed.tree, slug);
  applyAudience(parsed.tree, profile, membersLabel, file);
  const outline = outlineChapter(parsed.tree, file, slug, everyAnchor);
  return { file, chapter: { sourcePath: source.path, file, frontMatter, slug, tree: parsed.tree, outline } };
}

export interface RenderedContent {
  readonly content: HastRoot;
  readonly headings: readonly Heading[];
  readonly tables: readonly TableInfo[];
  readonly wordCount: number;
}

/** Resolve links and directives, set typography, convert and sanitize (phase B). */
export async function renderChapterContent(chapter: PreparedChapter, ctx: ChapterContext): Promise<RenderedContent> {
  const { tree, file } = chapter;
  const definitions = inlineReferences(tree);
  resolveChapterLinks(tree, file, ctx, definitions);
  resolveImages(tree, file, ctx);
  resolveDirectives(tree, file, ctx);
  smartenTree(tree, ctx.locale.chapter(chapter.frontMatter.lang).quotes);
  checkTableTitles(tree, file);
  const headingIds = new Set(chapter.outline.headings.map((h) => h.id));
  const { hast, tables } = await toSafeHast(tree, ctx.labels, headingIds, ctx.number);
  return { content: hast, headings: collectHeadings(hast), tables, wordCount: countWords(hast) };
}

export function fileSlug(path: string): string {
  const base = path.split('/').pop() ?? path;
  return base.replace(/\.md$/, '');
}

function collectHeadings(tree: HastRoot): Heading[] {
  const headings: Heading[] = [];
  visit(tree, 'element', (node: Element) => {
    const depth = /^h([2-6])$/.exec(node.tagName)?.[1];
    const id = node.properties['id'];
    if (!depth || typeof id !== 'string' || id === 'footnote-label' || id.startsWith('user-content-')) return;
    headings.push({ id, depth: Number(depth), text: hastToString(node).trim() });
  });
  return headings;
}
