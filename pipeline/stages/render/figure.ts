import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { Figure, DataTable } from '../../model/figure.js';
import type { Locale } from '../../locale/index.js';

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
export function renderFigure(figure: Figure, target: Target, locale: Locale, csvUrl: string, links: FigureLinks = {}): Element {
  const t = locale.t;
  const number = figure.number;
  const captionId = `${figure.id}-caption`;
  const children: ElementContent[] = [
    h('figcaption', { id: captionId, className: ['chart-caption'] }, [h('span', { className: ['chart-number'] }, `${t('figure')} ${number}`), ' ', figure.caption]),
    ...chartSvgs(figure, target),
    h('p', { className: ['chart-source'] }, figure.sourceNote),
  ];
  const notes = [...figure.notes, ...figure.table.notes.filter((n) => !figure.notes.includes(n))];
  if (notes.length > 0) children.push(h('ul', { className: ['chart-notes'] }, notes.map((n) => h('li', n))));
  if (target === 'web') {
    children.push(
      h('details', { className: ['chart-data'] }, [
        h('summary', t('dataTableSummary', { number })),
        dataTable(figure.table, `${t('figure')} ${number}: ${figure.caption}`, locale),
      ]),
      h('ul', { className: ['chart-download'] }, [
        h('li', [h('a', { href: figure.csvName, download: figure.csvName }, t('downloadCsv', { number }))]),
        ...(links.png ? [h('li', [h('a', { href: links.png, download: links.png }, t('downloadPng', { number }))])] : []),
        ...(links.allData ? [h('li', [h('a', { href: links.allData.href }, t('allData', { size: links.allData.size }))])] : []),
      ]),
    );
  } else {
    children.push(h('p', { className: ['chart-data-note'] }, t('printData', { url: csvUrl })));
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

export function dataTable(table: DataTable, caption: string, locale: Locale): Element {
  return scrollRegion(locale.t('dataTableRegion', { caption }),
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
              // Numbers with the locale's decimal sign, as the chart's labels print them (the CSV keeps points).
              const text = cell === null ? '–' : typeof cell === 'number' ? locale.cell(cell) : String(cell);
              return i === 0 ? h('th', { scope: 'row' }, text) : h('td', { className: column?.numeric ? ['num'] : [] }, text);
            }),
          ),
        ),
      ),
    ]),
  );
}
