import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { Figure, DataTable } from '../../model/figure.js';
import type { Labels } from '../markdown/context.js';

export type Target = 'web' | 'print';

/** Web downloads beside a chart's CSV, relative to the chapter page. */
export interface FigureLinks {
  /** The chart as a PNG for the press. */
  readonly png?: string;
  /** The ZIP of the edition's data package. */
  readonly allData?: { readonly href: string; readonly size: string };
}

/**
 * The web shows the narrow drawing in narrow columns and the wide one otherwise, chosen by a CSS
 * container query (styles/charts.css): no script. The hidden one is display:none, which also
 * takes it out of the accessibility tree. Print keeps the wide drawing only.
 */
export function chartSvgs(figure: Figure, target: Target): Element[] {
  const raw = (svg: string) => ({ type: 'raw', value: svg }) as unknown as ElementContent;
  if (target === 'print' || !figure.svgNarrow) return [h('div', { className: ['chart-svg'] }, [raw(figure.svg)])];
  return [
    h('div', { className: ['chart-svg', 'chart-svg-wide'] }, [raw(figure.svg)]),
    h('div', { className: ['chart-svg', 'chart-svg-narrow'] }, [raw(figure.svgNarrow)]),
  ];
}

/**
 * One figure, as both editions show it: number and caption, the SVG, the source note and notes.
 * The web adds the data table (in <details>) and the CSV download; print names the CSV instead,
 * because a data table per chart would double the length of the PDF (see docs/pdf.md).
 */
export function renderFigure(figure: Figure, target: Target, labels: Labels, csvUrl: string, links: FigureLinks = {}): Element {
  const captionId = `${figure.id}-caption`;
  const children: ElementContent[] = [
    h('figcaption', { id: captionId, className: ['chart-caption'] }, [h('span', { className: ['chart-number'] }, `${labels.figure} ${figure.number}`), ' ', figure.caption]),
    ...chartSvgs(figure, target),
    h('p', { className: ['chart-source'] }, figure.sourceNote),
  ];
  const notes = [...figure.notes, ...figure.table.notes.filter((n) => !figure.notes.includes(n))];
  if (notes.length > 0) children.push(h('ul', { className: ['chart-notes'] }, notes.map((n) => h('li', n))));
  if (target === 'web') {
    children.push(
      h('details', { className: ['chart-data'] }, [
        h('summary', `Data table for ${labels.figure.toLowerCase()} ${figure.number}`),
        dataTable(figure.table, `${labels.figure} ${figure.number}: ${figure.caption}`),
      ]),
      h('ul', { className: ['chart-download'] }, [
        h('li', [h('a', { href: figure.csvName, download: figure.csvName }, `Download the data (CSV, ${labels.figure.toLowerCase()} ${figure.number})`)]),
        ...(links.png ? [h('li', [h('a', { href: links.png, download: links.png }, `Download PNG (${labels.figure.toLowerCase()} ${figure.number})`)])] : []),
        ...(links.allData ? [h('li', [h('a', { href: links.allData.href }, `All data of this edition (ZIP, ${links.allData.size})`)])] : []),
      ]),
    );
  } else {
    children.push(h('p', { className: ['chart-data-note'] }, `Data: ${csvUrl}`));
  }
  // Chromium tags a <figure> as a /Figure of its own, with the caption as /Alt, around the SVG's
  // /Figure: in print it is a group (a /Div), so each chart is one Figure carrying its alt text.
  const role = target === 'print' ? 'group' : undefined;
  return h('figure', { className: ['chart', `chart-${figure.kind}`], id: figure.id, role, ariaLabelledBy: captionId }, children);
}

/**
 * A wide table scrolls sideways inside its box on narrow screens. The box is a named region in
 * the tab order, so keyboard users can scroll it too (WCAG 2.1.1; axe scrollable-region-focusable).
 */
export function scrollRegion(label: string, table: Element): Element {
  return h('div', { className: ['table-scroll'], role: 'region', ariaLabel: label, tabIndex: 0 }, [table]);
}

export function dataTable(table: DataTable, caption: string): Element {
  return scrollRegion(`Data table: ${caption}`,
    h('table', { className: ['data-table'] }, [
      h('caption', caption),
      h('thead', [h('tr', table.columns.map((c) => h('th', { scope: 'col', className: c.numeric ? ['num'] : [] }, c.label)))]),
      h(
        'tbody',
        table.rows.map((row) =>
          h(
            'tr',
            row.map((cell, i) => {
              const column = table.columns[i];
              const text = cell === null ? '–' : String(cell);
              return i === 0 ? h('th', { scope: 'row' }, text) : h('td', { className: column?.numeric ? ['num'] : [] }, text);
            }),
          ),
        ),
      ),
    ]),
  );
}
