import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';
import type { Chapter } from '../../model/edition.js';
import type { Figure } from '../../model/figure.js';
import type { Locale } from '../../locale/index.js';
import { renderFigure, type FigureLinks, type Target } from './figure.js';

export interface BodyContext {
  readonly baseUrl: string;
  readonly locale: Locale;
  /** Web only: extra downloads beside each chart. */
  readonly figureLinks?: (figure: Figure) => FigureLinks;
}

/**
 * The chapter's sanitized content with figure placeholders replaced by figures from the model.
 * Returns a copy made in the same walk (every node and every property list anew; the strings,
 * positions and data are shared, and nothing writes to them): the model is never mutated, so
 * both editions can render from it, and each caller may change its copy.
 */
export function renderChapterBody(chapter: Chapter, target: Target, ctx: BodyContext): Root {
  const figures = new Map(chapter.figures.map((f) => [f.id, f]));
  return { ...chapter.content, children: copy(chapter.content.children) } as Root;

  function copy(nodes: readonly RootContent[]): RootContent[] {
    const out: RootContent[] = [];
    for (const child of nodes) {
      if (child.type !== 'element') {
        out.push({ ...child });
        continue;
      }
      const ref = child.properties['dataMonitorFigure'];
      if (child.tagName === 'div' && ref !== undefined) {
        const figure = figures.get(String(ref));
        // A placeholder with no figure (members-only chart, or forged in raw HTML) disappears.
        if (figure) out.push(renderFigure(figure, target, ctx.locale, `${ctx.baseUrl}${chapter.slug}/${figure.csvName}`, ctx.figureLinks?.(figure)));
        continue;
      }
      const element: Element = { ...child, properties: copyProperties(child.properties), children: copy(child.children) as ElementContent[] };
      if (child.content) element.content = { ...child.content, children: copy(child.content.children) };
      // Pull quotes are <figure>s of text: in a tagged PDF a /Figure needs /Alt and hides its
      // text, so in print they are groups (see renderFigure).
      if (target === 'print' && element.tagName === 'figure') element.properties['role'] = 'group';
      // Authors' tables scroll sideways on the web: make their box reachable by keyboard too.
      if (target === 'web' && element.tagName === 'div' && hasClass(element, 'table-scroll')) asScrollRegion(element, ctx.locale);
      out.push(element);
    }
    return out;
  }
}

function copyProperties(properties: Properties): Properties {
  const out: Properties = {};
  for (const key in properties) {
    const value = properties[key];
    out[key] = Array.isArray(value) ? [...value] : value;
  }
  return out;
}

function hasClass(el: Element, name: string): boolean {
  const c = el.properties['className'];
  return Array.isArray(c) && c.includes(name);
}

/** The same attributes as scrollRegion(), named after the table's caption when it has one. */
function asScrollRegion(box: Element, locale: Locale): void {
  let caption: Element | undefined;
  const find = (el: Element): void => {
    for (const c of el.children) {
      if (caption || c.type !== 'element') continue;
      if (c.tagName === 'caption') caption = c;
      else find(c);
    }
  };
  find(box);
  const text = caption ? toString(caption).replace(/\s+/g, ' ').trim() : '';
  box.properties['role'] = 'region';
  box.properties['ariaLabel'] = text === '' ? locale.t('table') : locale.t('tableNamed', { caption: text });
  box.properties['tabIndex'] = 0;
}
