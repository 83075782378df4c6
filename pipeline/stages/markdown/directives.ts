import type { Root, RootContent, Parent, PhrasingContent } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { report } from '../../diagnostics/report.js';
import type { ChapterContext } from './context.js';
import { figureHref } from './links.js';

type Directive = ContainerDirective | LeafDirective | TextDirective;

const KNOWN = new Set(['chart', 'stat', 'ref', 'callout', 'pullquote', 'members', 'respondents', 'questionnaire']);

/**
 * Turn directives into ordinary Markdown/HTML nodes. `::chart` becomes a figure placeholder that
 * the emitters fill from the model; everything else is resolved here.
 */
export function resolveDirectives(tree: Root, file: VFile, ctx: ChapterContext): void {
  walk(tree);

  function walk(parent: Parent): void {
    const out: RootContent[] = [];
    for (const child of parent.children as RootContent[]) {
      if ('children' in child) walk(child as Parent);
      if (child.type === 'containerDirective' || child.type === 'leafDirective' || child.type === 'textDirective') {
        out.push(...resolve(child));
      } else {
        out.push(child);
      }
    }
    (parent as { children: RootContent[] }).children = out;
  }

  function resolve(node: Directive): RootContent[] {
    // `audience` was applied before (members.ts): the same attributes reach the resolvers in both editions.
    const { audience: _audience, ...attrs } = stringAttributes(node);
    if (!KNOWN.has(node.name) || kindMismatch(node)) {
      // "at 10:30" or "Note:this" are text, not directives: give them back unchanged.
      if (node.type === 'textDirective' && Object.keys(node.attributes ?? {}).length === 0 && node.children.length === 0) {
        return [{ type: 'text', value: `:${node.name}` }];
      }
      report(file, 'directive-unknown', `Unknown directive \`${prefix(node)}${node.name}\``, node.position);
      return [];
    }
    switch (node.name) {
      case 'chart':
        return [placeholder(attrs['id'] ?? '', node)];
      case 'stat': {
        const r = ctx.data.stat(attrs);
        if (!r.ok) {
          if (!r.followOn) report(file, 'stat-unknown', r.reason, node.position);
          return [{ type: 'text', value: '—' }];
        }
        return [{ type: 'text', value: r.value }];
      }
      case 'ref':
        return [reference(node, attrs)];
      case 'callout':
        return [box(node, 'aside', ['callout'], attrs['title'] ?? labelText(node))];
      case 'pullquote':
        return [pullquote(node, attrs['source'])];
      case 'members':
        return [node]; // already marked (or removed) by applyAudience
      default: {
        const r = ctx.data.block(node.name, attrs);
        if (!r) return [];
        if (!r.ok) {
          if (!r.followOn) report(file, 'directive-attribute', r.reason, node.position);
          return [];
        }
        return [{ type: 'paragraph', children: [], data: { hName: 'div', hProperties: { className: ['generated', node.name] }, hChildren: [r.value] } }];
      }
    }
  }

  function reference(node: Directive, attrs: Record<string, string>): PhrasingContent {
    const id = attrs['id'] ?? '';
    const target = ctx.index.figures.get(id);
    if (!target) {
      report(file, 'ref-unknown', id ? `No figure with id \`${id}\` in this edition` : 'Give :ref a figure id, e.g. :ref{#fig-housing}', node.position);
      return { type: 'text', value: '—' };
    }
    return {
      type: 'link',
      url: figureHref(ctx.slug, target.chapterSlug, id),
      children: [{ type: 'text', value: `${ctx.labels.figure}\u00a0${target.number}` }],
    };
  }
}

function placeholder(id: string, node: Directive): RootContent {
  return {
    type: 'paragraph',
    children: [],
    data: { hName: 'div', hProperties: { dataMonitorFigure: id }, hChildren: [] },
    position: node.position,
  };
}

function box(node: Directive, tag: string, className: string[], title: string | undefined): RootContent {
  const children = contentChildren(node);
  if (title) {
    children.unshift({ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: title }] }], data: { hProperties: { className: ['callout-title'] } } });
  }
  return { type: 'blockquote', children: children as never, data: { hName: tag, hProperties: { className } } };
}

function pullquote(node: Directive, source: string | undefined): RootContent {
  const quote: RootContent = { type: 'blockquote', children: contentChildren(node) as never };
  const children: RootContent[] = [quote];
  if (source) {
    children.push({ type: 'paragraph', children: [{ type: 'text', value: source }], data: { hName: 'figcaption' } });
  }
  return { type: 'blockquote', children: children as never, data: { hName: 'figure', hProperties: { className: ['pullquote'] } } };
}

/** Children without the `[label]` paragraph that remark-directive adds to containers. */
function contentChildren(node: Directive): RootContent[] {
  const children = [...(node.children as RootContent[])];
  const first = children[0];
  if (first && first.type === 'paragraph' && (first.data as { directiveLabel?: boolean } | undefined)?.directiveLabel) children.shift();
  return children;
}

function labelText(node: Directive): string | undefined {
  const first = node.children[0];
  if (first && first.type === 'paragraph' && (first.data as { directiveLabel?: boolean } | undefined)?.directiveLabel) {
    return toString(first);
  }
  return undefined;
}

function stringAttributes(node: Directive): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(node.attributes ?? {})) if (typeof v === 'string') out[k] = v;
  return out;
}

function prefix(node: Directive): string {
  return node.type === 'containerDirective' ? ':::' : node.type === 'leafDirective' ? '::' : ':';
}

/** `:chart` (text) or `:::stat` (container) are mistakes, not the directives editors meant. */
function kindMismatch(node: Directive): boolean {
  const leaf = ['chart', 'respondents', 'questionnaire'];
  const text = ['stat', 'ref'];
  const container = ['callout', 'pullquote', 'members'];
  if (leaf.includes(node.name)) return node.type !== 'leafDirective';
  if (text.includes(node.name)) return node.type !== 'textDirective';
  if (container.includes(node.name)) return node.type !== 'containerDirective';
  return false;
}
