import type { Element, ElementContent, Root } from 'hast';
import type { Chapter } from '../../model/edition.js';
import type { Labels } from '../markdown/context.js';
import { labelsFor } from '../markdown/labels.js';
import { renderFigure, type Target } from './figure.js';

export interface BodyContext {
  readonly baseUrl: string;
  readonly language?: string;
}

/**
 * The chapter's sanitized content with figure placeholders replaced by figures from the model.
 * Returns a copy; the model is never mutated, so both editions can render from it.
 */
export function renderChapterBody(chapter: Chapter, target: Target, ctx: BodyContext): Root {
  const labels: Labels = labelsFor(ctx.language ?? 'en');
  const figures = new Map(chapter.figures.map((f) => [f.id, f]));
  const copy = structuredClone(chapter.content);
  replace(copy);
  return copy;

  function replace(parent: Root | Element): void {
    const out: ElementContent[] = [];
    for (const child of parent.children as ElementContent[]) {
      if (child.type === 'element') {
        const ref = child.properties['dataMonitorFigure'];
        if (child.tagName === 'div' && ref !== undefined) {
          const figure = figures.get(String(ref));
          // A placeholder with no figure (members-only chart, or forged in raw HTML) disappears.
          if (figure) out.push(renderFigure(figure, target, labels, `${ctx.baseUrl}${chapter.slug}/${figure.csvName}`));
          continue;
        }
        // Pull quotes are <figure>s of text: in a tagged PDF a /Figure needs /Alt and hides its
        // text, so in print they are groups (see renderFigure).
        if (target === 'print' && child.tagName === 'figure') child.properties['role'] = 'group';
        replace(child);
      }
      out.push(child);
    }
    (parent as { children: ElementContent[] }).children = out;
  }
}
