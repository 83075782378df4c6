import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import type { Chapter, Edition } from '../../model/edition.js';
import { renderChapterBody } from '../render/chapter-body.js';
import { renderChapterHeader } from '../render/chapter-header.js';
import { dataTable } from '../render/figure.js';
import { labelsOf } from '../markdown/labels.js';

/** Where a chapter lives inside the EPUB, relative to the package document. */
export function chapterHref(chapter: Pick<Chapter, 'slug'>): string {
  return `text/${chapter.slug}.xhtml`;
}

export const STYLESHEET = 'styles/epub.css';

export interface ChapterDocument {
  readonly chapter: Chapter;
  readonly href: string;
  /** The `<html>` element, edited in place by the page map before it is written. */
  readonly html: Element;
  /** The element holding the chapter (header and body): page breaks before its first child start it. */
  readonly section: Element;
  /** Subtrees that only the EPUB shows (data tables): the PDF's text is never looked for in them. */
  readonly epubOnly: ReadonlySet<Element>;
  readonly hasSvg: boolean;
}

/**
 * One chapter as an XHTML content document: the web edition's header and sanitized body (the
 * shared renderers), each chart with its wide SVG and its data table as a table, endnotes with
 * their DPUB-ARIA roles, and links that work inside the book.
 */
export function chapterDocument(edition: Edition, chapter: Chapter): ChapterDocument {
  const { config, locale } = edition;
  const language = locale.chapter(chapter.frontMatter.lang).tag;
  const header = renderChapterHeader(chapter, 'web', locale);
  const body = renderChapterBody(chapter, 'print', { baseUrl: config.baseUrl, locale });
  const epubOnly = new Set<Element>();
  const labels = labelsOf(locale);
  const figures = new Map(chapter.figures.map((f) => [f.id, f]));
  const slugs = new Set(edition.chapters.map((c) => c.slug));
  let hasSvg = false;
  walk(body, (el, parent) => {
    const figure = el.tagName === 'figure' ? figures.get(String(el.properties['id'])) : undefined;
    if (figure) {
      hasSvg = true;
      // The PDF names the CSV; the book carries the exact values as a table (its long description).
      const table = dataTable(figure.table, `${labels.figure} ${figure.number}: ${figure.caption}`, locale);
      epubOnly.add(table);
      el.children.push(table);
      delete el.properties['role'];
      walk(el, (inner) => {
        for (const c of inner.children) if (c.type === 'raw') c.value = withoutEmptyPaths(c.value);
      });
    }
    if (el.tagName === 'figure' && el.properties['role'] === 'group' && !figure) delete el.properties['role'];
    if (el.properties['dataFootnotes'] !== undefined) {
      el.properties['role'] = 'doc-endnotes';
      el.properties['epub:type'] = 'endnotes';
    }
    if (el.tagName === 'a' && el.properties['dataFootnoteRef'] !== undefined) {
      el.properties['role'] = 'doc-noteref';
      el.properties['epub:type'] = 'noteref';
    }
    if (el.tagName === 'a' && el.properties['dataFootnoteBackref'] !== undefined) el.properties['role'] = 'doc-backlink';
    if (el.tagName === 'a' && typeof el.properties['href'] === 'string') el.properties['href'] = bookHref(el.properties['href'], chapter.slug, slugs, config.baseUrl);
    if (el.tagName === 'img') delete el.properties['srcSet'];
    void parent;
  });
  const section = h('section', { className: ['chapter', `kind-${chapter.frontMatter.kind}`], role: 'doc-chapter', 'epub:type': 'chapter', ariaLabelledBy: 'top' }, [
    ...header,
    h('div', { className: ['chapter-body'] }, body.children as ElementContent[]),
  ]);
  const html = h('html', { lang: language }, [
    h('head', [h('meta', { charSet: 'utf-8' }), h('title', chapter.frontMatter.title), h('link', { rel: 'stylesheet', type: 'text/css', href: `../${STYLESHEET}` })]),
    h('body', [section]),
  ]);
  return { chapter, href: chapterHref(chapter), html, section, epubOnly, hasSvg };
}

/**
 * The map's basemap draws a region with no outline as `<path>` without `d`: browsers ignore it,
 * but the book's SVG must validate, and such a path draws nothing. The SVG is the chart stage's
 * own serialisation (one element per tag, attributes in double quotes).
 */
function withoutEmptyPaths(svg: string): string {
  return svg.replace(/<path\b(?![^>]*\sd=")[^>]*\/>/g, '');
}

const webChapterLink = /^\.\.\/([^/#?]+)\/(#.*)?$/;

/**
 * A link as the book needs it: `#id` stays, a chapter of the book (`../<slug>/#id`, the web form)
 * becomes its XHTML file, and any other page of the web edition its address online.
 */
export function bookHref(href: string, from: string, slugs: ReadonlySet<string>, baseUrl: string): string {
  if (href.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(href)) return href;
  const m = webChapterLink.exec(href);
  if (m && slugs.has(m[1] as string)) return `${m[1]}.xhtml${m[2] ?? ''}`;
  return new URL(href, `${baseUrl}${from}/`).href;
}

export function walk(node: Root | Element, visit: (el: Element, parent: Root | Element) => void): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    visit(child, node);
    walk(child, visit);
  }
}
