import { report } from '../../diagnostics/report.js';
import type { PreparedChapter } from '../markdown/chapter.js';
import type { ChapterRef, EditionIndex, FigureRef } from '../markdown/context.js';
import type { NumberedChart } from './charts.js';
import { numberChapters, type ChapterNumbering } from './numbering.js';

export interface IndexedEdition {
  /** Chapters and figures by name, for cross-references (`[](housing.md#rents)`, `{ref=fig-id}`). */
  readonly index: EditionIndex;
  /** Every chart of the included chapters, with its number. */
  readonly charts: readonly NumberedChart[];
  /** Per included chapter, in order: its printed number and figure prefix. */
  readonly numbering: readonly ChapterNumbering[];
}

/**
 * Numbering is decided here, once, for both editions: chapter numbers and figure prefixes per
 * kind and front matter, figure numbers within each chapter, and the index that cross-references
 * resolve against. Every prepared chapter can be linked to (a link to a members-only chapter is
 * judged by the link check); only included chapters are numbered.
 */
export function indexEdition(prepared: readonly PreparedChapter[], included: readonly PreparedChapter[], unreadable: ReadonlySet<string>): IndexedEdition {
  const chapterRefs = new Map<string, ChapterRef>();
  for (const c of prepared) {
    chapterRefs.set(c.sourcePath.slice('chapters/'.length), { slug: c.slug, title: c.frontMatter.title, audience: c.frontMatter.audience, anchors: c.outline.anchors, hiddenAnchors: c.outline.hiddenAnchors });
  }
  const figureRefs = new Map<string, FigureRef>();
  const charts: NumberedChart[] = [];
  // The statement that closes the edition is unnumbered.
  const numbering = numberChapters(included.map((c) => c.frontMatter));
  included.forEach((c, i) => {
    const prefix = numbering[i]?.prefix ?? String(i + 1);
    c.outline.charts.forEach((directive, j) => {
      const number = `${prefix}.${j + 1}`;
      if (figureRefs.has(directive.id)) {
        report(c.file, 'id-duplicate', `Figure id \`${directive.id}\` is used twice in the edition`, directive.position);
        return;
      }
      figureRefs.set(directive.id, { number, chapterSlug: c.slug });
      charts.push({ directive, number, chapterSlug: c.slug, file: c.file });
    });
  });
  return { index: { chapters: chapterRefs, figures: figureRefs, unreadable }, charts, numbering };
}
