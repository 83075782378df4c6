import GithubSlugger from 'github-slugger';
import type { Heading as MdHeading, Root } from 'mdast';
import type { LeafDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { Position } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { Heading } from '../../model/edition.js';
import { report } from '../../diagnostics/report.js';

/** A `::chart` as written, before it is planned and numbered. */
export interface ChartDirective {
  readonly id: string;
  readonly caption: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly position: Position | undefined;
}

/** What the rest of the edition needs to know about a chapter before its body is rendered. */
export interface ChapterOutline {
  readonly headings: readonly Heading[];
  /** Ids that links may target: headings, figures. */
  readonly anchors: ReadonlySet<string>;
  /** Ids inside members-only passages that a public build removed (empty in a members build). */
  readonly hiddenAnchors: ReadonlySet<string>;
  readonly charts: readonly ChartDirective[];
  readonly tableCount: number;
}

/**
 * Read headings, figures and tables in document order. Heading ids are written onto the nodes
 * here, so the outline and the rendered page cannot disagree.
 */
export function outlineChapter(tree: Root, file: VFile, slug: string, before: ReadonlySet<string> = new Set()): ChapterOutline {
  const slugger = new GithubSlugger();
  const headings: Heading[] = [];
  const anchors = new Set<string>();
  const charts: ChartDirective[] = [];
  let tableCount = 0;
  let previousDepth = 1;

  visit(tree, (node) => {
    if (node.type === 'heading') {
      const h = node as MdHeading;
      const text = toString(h).trim();
      const id = slugger.slug(text || 'section');
      h.data = { ...h.data, hProperties: { ...(h.data?.hProperties ?? {}), id } };
      if (h.depth === 1) {
        report(file, 'heading-title', 'A "#" heading in the body repeats the chapter title level', h.position);
      } else if (h.depth > previousDepth + 1) {
        report(file, 'heading-skip', `Heading level jumps from ${previousDepth} to ${h.depth}`, h.position);
      }
      previousDepth = h.depth;
      headings.push({ id, depth: h.depth, text });
      anchors.add(id);
    } else if (node.type === 'table') {
      tableCount += 1;
    } else if (node.type === 'leafDirective' && (node as LeafDirective).name === 'chart') {
      const d = node as LeafDirective;
      const attributes: Record<string, string> = {};
      for (const [k, v] of Object.entries(d.attributes ?? {})) if (typeof v === 'string') attributes[k] = v;
      const id = attributes['id'] ?? `fig-${slug}-${charts.length + 1}`;
      charts.push({ id, caption: toString(d).trim(), attributes, position: d.position });
      anchors.add(id);
    }
  });
  const hiddenAnchors = new Set([...before].filter((id) => !anchors.has(id)));
  return { headings, anchors, hiddenAnchors, charts, tableCount };
}

/**
 * The ids headings and figures get, read without changing the tree: taken before members-only
 * passages are removed, so links to them can be told apart from links that lead nowhere.
 */
export function anchorsOf(tree: Root, slug: string): Set<string> {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  let charts = 0;
  visit(tree, (node) => {
    if (node.type === 'heading') anchors.add(slugger.slug(toString(node).trim() || 'section'));
    else if (node.type === 'leafDirective' && (node as LeafDirective).name === 'chart') {
      charts += 1;
      const id = (node as LeafDirective).attributes?.['id'];
      anchors.add(typeof id === 'string' ? id : `fig-${slug}-${charts}`);
    }
  });
  return anchors;
}
