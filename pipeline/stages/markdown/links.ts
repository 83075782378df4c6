import type { Link, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { report } from '../../diagnostics/report.js';
import type { ChapterContext } from './context.js';

/**
 * Web-edition hrefs between chapters. Every page lives at `<slug>/index.html`, so a chapter is
 * `../<slug>/`. The print emitter maps these canonical forms to in-document anchors.
 */
export function chapterHref(fromSlug: string, toSlug: string, anchor?: string): string {
  if (fromSlug === toSlug) return anchor ? `#${anchor}` : '#top';
  return `../${toSlug}/${anchor ? `#${anchor}` : ''}`;
}

export function figureHref(fromSlug: string, toSlug: string, figureId: string): string {
  return chapterHref(fromSlug, toSlug, figureId);
}

const CHAPTER_LINK = /^(?:\.\/)?([^/#?:]+\.md)(?:#(.*))?$/;

/** Resolve `[text](housing.md#section)` to the target chapter; report links that lead nowhere. */
export function resolveChapterLinks(tree: Root, file: VFile, ctx: ChapterContext): void {
  visit(tree, 'link', (node: Link, index, parent) => {
    const url = node.url.trim();
    if (url.startsWith('#')) {
      const anchor = decodeURIComponent(url.slice(1));
      const own = [...ctx.index.chapters.values()].find((c) => c.slug === ctx.slug);
      if (anchor && own && !own.anchors.has(anchor) && !anchor.startsWith('fn')) {
        report(file, 'link-anchor', `No heading or figure with id \`${anchor}\` in this chapter`, node.position);
      }
      return undefined;
    }
    const match = CHAPTER_LINK.exec(url);
    if (!match) return undefined;
    const name = match[1] as string;
    const anchor = match[2] ? decodeURIComponent(match[2]) : undefined;
    const target = ctx.index.chapters.get(name);
    if (!target) {
      report(file, 'link-chapter', `Link to \`${name}\`, which is not a chapter of this edition`, node.position);
      return undefined;
    }
    if (target.audience === 'members' && ctx.profile === 'public') {
      // The target does not exist in this edition: keep the words, drop the link.
      if (parent && index !== undefined) parent.children.splice(index, 1, ...node.children);
      return index;
    }
    if (anchor && !target.anchors.has(anchor)) {
      report(file, 'link-anchor', `\`${name}\` has no heading or figure with id \`${anchor}\``, node.position);
    }
    node.url = chapterHref(ctx.slug, target.slug, anchor);
    return undefined;
  });
}
