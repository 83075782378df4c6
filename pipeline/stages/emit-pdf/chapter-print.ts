import { h } from 'hastscript';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { Locale } from '../../locale/index.js';
import type { Chapter } from '../../model/edition.js';
import { renderChapterBody } from '../render/chapter-body.js';
import { renderChapterHeader } from '../render/chapter-header.js';
import { hyphenateTree } from './hyphenate.js';
import { chapterClass } from './page-css.js';
import { decodeUrlPart } from '../markdown/url.js';

export interface PrintChapter {
  readonly section: Element;
  /** Id of the chapter's title heading: its TOC entry and recto key. */
  readonly titleKey: string;
}

export interface ChapterContext {
  readonly baseUrl: string;
  readonly locale: Locale;
  /** src as written → data: URL; any other image is dropped rather than fetched. */
  readonly images: ReadonlyMap<string, string>;
}

/** One chapter as printed: the shared header and body, endnotes, hyphenation, its named page. */
export function printChapter(chapter: Chapter, ctx: ChapterContext): PrintChapter {
  // Both renderers return fresh trees (the body is a structuredClone of the model), so editing is safe.
  const header = renderChapterHeader(chapter, 'print', ctx.locale);
  const body = renderChapterBody(chapter, 'print', { baseUrl: ctx.baseUrl, locale: ctx.locale });
  const titleKey = markTitle(header, chapter);
  endnotes(body, chapter.slug);
  inlineImages(body, ctx.images);
  scopeIds({ type: 'root', children: header }, body, chapter.slug, titleKey);
  const text = ctx.locale.chapter(chapter.frontMatter.lang);
  hyphenateTree(body, text);
  return {
    titleKey,
    section: h(
      'section',
      {
        className: ['chapter', `chapter-${chapter.frontMatter.kind}`, chapterClass(chapter)],
        id: chapterAnchor(chapter.slug),
        lang: text.other ? text.tag : undefined,
      },
      [...header, h('div.chapter-body', body.children as ElementContent[])],
    ),
  };
}

/** Give the title heading an id (its TOC target) and mark it as starting a right-hand page. */
function markTitle(header: Element[], chapter: Chapter): string {
  const title = findFirst(header, (el) => el.tagName === 'h1');
  if (title === undefined) {
    const made = h('h1', { id: `${chapter.slug}--title`, dataRecto: '' }, chapter.frontMatter.title);
    header.unshift(made);
    return `${chapter.slug}--title`;
  }
  const own = title.properties['id'];
  const id = typeof own === 'string' && own !== '' ? printId(chapter.slug, own) : `${chapter.slug}--title`;
  title.properties['id'] = id;
  title.properties['dataRecto'] = '';
  return id;
}

/** A chapter's id in the one print document: `<slug>--<id>` (web ids repeat across chapters). */
export function printId(slug: string, id: string): string {
  return id.startsWith(`${slug}--`) ? id : `${slug}--${id}`;
}

/** The in-document anchor a chapter link points to (`../<slug>/` is the chapter's own section). */
export function chapterAnchor(slug: string): string {
  return `chapter-${slug}`;
}

const idLists = ['ariaDescribedBy', 'ariaLabelledBy', 'ariaControls', 'ariaOwns', 'headers', 'htmlFor'] as const;
const webChapterLink = /^\.\.\/([^/#?]+)\/(?:#(.*))?$/;

/**
 * Ids repeat across chapters on the web, where each chapter is its own page ("the-challenge" in
 * every case study). In the one print document they must be unique, or links, bookmarks and the
 * contents all go to the first one: every id gets the chapter slug as prefix, and links follow.
 * Links to other chapters (`../<slug>/#id`, the web form) become in-document anchors too.
 */
function scopeIds(header: Root, body: Root, slug: string, titleKey: string): void {
  for (const tree of [header, body]) {
    walkElements(tree, (el) => {
      const id = el.properties['id'];
      if (typeof id === 'string' && id !== '') el.properties['id'] = printId(slug, id);
      for (const name of idLists) {
        const refs = el.properties[name];
        if (Array.isArray(refs)) el.properties[name] = refs.map((r) => printId(slug, String(r)));
      }
      const href = el.properties['href'];
      if (el.tagName !== 'a' || typeof href !== 'string') return;
      if (href === '#top') el.properties['href'] = `#${titleKey}`;
      else if (href.startsWith('#') && href.length > 1) el.properties['href'] = `#${printId(slug, fragment(href.slice(1)))}`;
      else {
        const m = webChapterLink.exec(href);
        if (m === null) return;
        const target = m[1] as string;
        const anchor = m[2] ? fragment(m[2]) : undefined;
        el.properties['href'] = `#${anchor === undefined || anchor === 'top' ? chapterAnchor(target) : printId(target, anchor)}`;
      }
    });
  }
}

/**
 * remark-gfm footnotes become the chapter's endnotes. Their ids (`fn-1`, `fnref-1`,
 * `footnote-label`) are unique per chapter page on the web but collide in one print document,
 * so they get the chapter slug as prefix, with the links and aria-describedby that point at
 * them. The visually hidden "Notes" heading would become a bookmark: it turns into a paragraph.
 */
function endnotes(body: Root, slug: string): void {
  const renamed = new Map<string, string>();
  walkElements(body, (el) => {
    const id = el.properties['id'];
    if (typeof id === 'string' && /^(fn-|fnref-|footnote-label$)/.test(id)) {
      renamed.set(id, `${slug}--${id}`);
      el.properties['id'] = `${slug}--${id}`;
    }
  });
  walkElements(body, (el) => {
    const href = el.properties['href'];
    if (typeof href === 'string' && href.startsWith('#')) el.properties['href'] = `#${renamed.get(href.slice(1)) ?? href.slice(1)}`;
    const refs = el.properties['ariaDescribedBy'];
    if (Array.isArray(refs)) el.properties['ariaDescribedBy'] = refs.map((r) => renamed.get(String(r)) ?? r);
  });
  const section = findFirst(body.children, (el) => el.properties['dataFootnotes'] !== undefined || hasClass(el, 'footnotes'));
  if (section === undefined) return;
  section.properties['className'] = ['endnotes'];
  section.children = section.children.map((child) =>
    child.type === 'element' && /^h[1-6]$/.test(child.tagName)
      ? h('p.endnotes-label', { id: child.properties['id'] }, child.children)
      : child,
  );
}

function hasClass(el: Element, name: string): boolean {
  const cls = el.properties['className'];
  return Array.isArray(cls) && cls.includes(name);
}

function inlineImages(body: Root, images: ReadonlyMap<string, string>): void {
  walkElements(body, (el) => {
    if (el.tagName !== 'img') return;
    const src = el.properties['src'];
    const data = typeof src === 'string' ? images.get(src) : undefined;
    // Unknown sources are removed, not left for Chromium to try (interception would refuse them anyway).
    el.properties['src'] = data;
    delete el.properties['srcSet'];
  });
}

function findFirst(nodes: readonly (RootContent | ElementContent)[], test: (el: Element) => boolean): Element | undefined {
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    if (test(node)) return node;
    const inner = findFirst(node.children, test);
    if (inner !== undefined) return inner;
  }
  return undefined;
}

export function walkElements(node: Root | Element, fn: (el: Element) => void): void {
  for (const child of node.children) {
    if (child.type === 'element') {
      fn(child);
      walkElements(child, fn);
    }
  }
}

/**
 * A link's fragment as the id it names. An author's raw-HTML link may carry a broken `%` escape
 * (Markdown links are refused for it earlier, with a position): it is kept as written, so it
 * points nowhere in print as it does on the web, instead of failing the print.
 */
function fragment(text: string): string {
  return decodeUrlPart(text) ?? text;
}
