import type { Definition, Link, Root } from 'mdast';
import type { Position } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { RuleId } from '../../diagnostics/catalogue.js';
import { report } from '../../diagnostics/report.js';
import type { ChapterContext, ChapterRef } from './context.js';
import { brokenEscapeReason, decodeUrlPart } from './url.js';

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

/** What a link's address resolves to in this build. */
type Target =
  | { readonly kind: 'other' }
  | { readonly kind: 'href'; readonly href: string }
  /** The target exists only in the members edition: keep the words, drop the link. */
  | { readonly kind: 'hidden' }
  | { readonly kind: 'error'; readonly rule: RuleId; readonly reason: string };

/**
 * Resolve `[text](housing.md#section)` to the target chapter; report links that lead nowhere.
 * In the public edition a link to a members-only chapter, or to a heading or figure inside a
 * members-only passage, becomes its plain text; in the members edition it is a link. Both
 * editions report the same errors. Definitions of reference-style links are checked at their own
 * position as well as at every reference (which arrive here as inline links).
 */
export function resolveChapterLinks(tree: Root, file: VFile, ctx: ChapterContext, definitions: readonly Definition[] = []): void {
  for (const d of definitions) {
    const target = resolveTarget(d.url, ctx);
    if (target.kind === 'error') report(file, target.rule, target.reason, d.position);
  }
  visit(tree, 'link', (node: Link, index, parent) => {
    const target = resolveTarget(node.url, ctx);
    switch (target.kind) {
      case 'other':
        return undefined;
      case 'error':
        report(file, target.rule, target.reason, node.position as Position | undefined);
        return undefined;
      case 'hidden':
        if (parent && index !== undefined) parent.children.splice(index, 1, ...node.children);
        return index;
      case 'href':
        node.url = target.href;
        return undefined;
    }
  });
}

function resolveTarget(raw: string, ctx: ChapterContext): Target {
  const url = raw.trim();
  if (url.startsWith('#')) {
    const anchor = decodeUrlPart(url.slice(1));
    if (anchor === undefined) return { kind: 'error', rule: 'link-url', reason: brokenEscapeReason(url) };
    const own = ownChapter(ctx);
    if (!anchor || !own || anchor.startsWith('fn')) return { kind: 'other' };
    if (own.anchors.has(anchor)) return { kind: 'other' };
    if (own.hiddenAnchors?.has(anchor)) return ctx.profile === 'public' ? { kind: 'hidden' } : { kind: 'other' };
    return { kind: 'error', rule: 'link-anchor', reason: `No heading or figure with id \`${anchor}\` in this chapter` };
  }
  const match = CHAPTER_LINK.exec(url);
  if (!match) return { kind: 'other' };
  const name = decodeUrlPart(match[1] as string);
  const anchor = match[2] === undefined || match[2] === '' ? '' : decodeUrlPart(match[2]);
  if (name === undefined || anchor === undefined) return { kind: 'error', rule: 'link-url', reason: brokenEscapeReason(url) };
  const target = ctx.index.chapters.get(name);
  if (!target && ctx.index.unreadable?.has(name)) return { kind: 'other' };
  if (!target) return { kind: 'error', rule: 'link-chapter', reason: `Link to \`${name}\`, which is not a chapter of this edition` };
  const hidden = target.audience === 'members' || (anchor !== '' && target.hiddenAnchors?.has(anchor) === true);
  if (anchor && !target.anchors.has(anchor) && !target.hiddenAnchors?.has(anchor)) {
    return { kind: 'error', rule: 'link-anchor', reason: `\`${name}\` has no heading or figure with id \`${anchor}\`` };
  }
  if (hidden && ctx.profile === 'public') return { kind: 'hidden' };
  return { kind: 'href', href: chapterHref(ctx.slug, target.slug, anchor || undefined) };
}

function ownChapter(ctx: ChapterContext): ChapterRef | undefined {
  for (const c of ctx.index.chapters.values()) if (c.slug === ctx.slug) return c;
  return undefined;
}
