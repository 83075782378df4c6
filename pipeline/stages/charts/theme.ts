/**
 * The house chart theme. Every colour that carries data has ≥ 3:1 contrast against white (WCAG
 * 1.4.11) and stays distinguishable under simulated deuteranopia, protanopia and tritanopia
 * (tests/charts/palette.test.ts). Colour never carries meaning alone: bars carry value labels
 * and legends are text.
 *
 * Sizes: charts are drawn 640 px wide and printed about 160 mm wide, so 1 px ≈ 0.71 pt;
 * 13 px labels print at about 9 pt.
 */
import type { Config } from 'vega-lite/types_unstable/config.js';
import { labelOn } from './colour.js';
import { textWidth } from './text-metrics.js';

export const font = '"Source Sans 3", "Source Sans Pro", sans-serif';
export const width = 640;
/**
 * The web edition's phone variant: drawn this wide, it is shown in chart columns narrower than
 * `width` (styles/charts.css), so its 12–13 px text never renders much below 12 px. At a 375 px
 * viewport the column is about 340 px wide.
 */
export const narrowWidth = 320;

/** Spread into a spec: the whole chart, labels and legend included, is `w` px wide. */
export function fitWidthOf(w: number) {
  return { width: w, autosize: { type: 'fit-x', contains: 'padding' } } as const;
}
export const fitWidth = fitWidthOf(width);

/** Text width as Vega will measure it (render.ts installs the same metrics). */
export function estimateText(text: string, fontSize: number = sizes.label): number {
  return textWidth(text, fontSize);
}

/** Legend columns so that a horizontal legend fits in `budget` px, on one line when it can. */
export function legendColumns(labels: readonly string[], budget: number = width - 20): number {
  const entry = (l: string) => estimateText(l) + 40;
  const total = labels.reduce((s, l) => s + entry(l), 0);
  if (total <= budget) return labels.length;
  const widest = Math.max(...labels.map(entry));
  return Math.max(1, Math.min(labels.length, Math.floor(budget / widest)));
}

/** Longest row label drawn on one line; longer ones break before " (n = …)". */
export const rowLabelLimit = 240;

/** Axis options for row labels such as "Central and Eastern Europe (n = 9)". */
export function rowAxis(labels: readonly string[]) {
  const long = labels.some((l) => estimateText(l) > rowLabelLimit);
  return {
    domain: false,
    ticks: false,
    labelPadding: 8,
    labelLimit: rowLabelLimit,
    ...(long ? { labelExpr: "indexof(datum.label, ' (n = ') > 0 ? [slice(datum.label, 0, indexof(datum.label, ' (n = ')), slice(datum.label, indexof(datum.label, ' (n = ') + 1)] : datum.label" } : {}),
  };
}

/** Width of the row-label column as Vega will estimate it. */
export function rowLabelWidth(labels: readonly string[]): number {
  const lines = labels.flatMap((l) => (estimateText(l) > rowLabelLimit ? l.split(' (n = ').map((p, i) => (i ? `(n = ${p}` : p)) : [l]));
  return Math.min(rowLabelLimit, Math.max(0, ...lines.map((l) => estimateText(l)))) + 8;
}

export const ink = '#1a1a1a';
export const inkMuted = '#595959'; // 7:1 on white
export const gridColour = '#d9d9d9';
export const paper = '#ffffff';

/** Single-series bars, dots and map symbols. */
export const primary = '#1d3f6e';
/** A second accent colour (nominal charts). */
export const secondary = '#dd7440';
/** The earlier edition in a comparison: muted, so this year's value (primary) stands out. */
export const earlier = '#949494';

/** Nominal categories, in order. */
export const categorical = ['#1d3f6e', '#dd7440', '#4f8fcb', '#8c2d04', '#0f7a5c'] as const;

/**
 * Diverging bands for 5-point scales: negative pole, neutral midpoint, positive pole.
 * Neutral is a mid grey rather than white so it keeps 3:1 against the page.
 */
export const diverging5 = ['#8c2d04', '#dd7440', '#6b6b6b', '#4f8fcb', '#1d3f6e'] as const;

/** "Don't know" and "no answer": muted, drawn apart from the substantive answers. */
export const missingColour = '#949494';

/** Map context (not data): land and borders. */
export const land = '#eeeeee';
export const border = '#b3b3b3';

/** Every colour that encodes data, for the palette tests. */
export const dataColours: readonly string[] = [
  primary,
  secondary,
  ...categorical,
  ...diverging5,
  missingColour,
];

/** Answers such as "Other" or "None of these": drawn last and muted, whatever their size. */
export function isResidual(label: string): boolean {
  return /^(other|others|none|none of these|something else|don't know|no answer)\b/i.test(label.replace('’', "'").trim());
}

/** Value-label colour for a label drawn inside a segment of colour `fill`. */
export function textOn(fill: string): string {
  return labelOn(fill, paper, ink);
}

export const sizes = {
  label: 13,
  title: 13,
  value: 12,
  tileNumber: 40,
  tileLabel: 14,
  barBand: 22,
} as const;

/** Labels and titles of axes and legends: one face, size and colour. */
const guideText = {
  labelFont: font,
  titleFont: font,
  labelFontSize: sizes.label,
  titleFontSize: sizes.title,
  labelColor: ink,
  titleColor: ink,
} as const;

/** Vega-Lite config shared by every chart, custom specs included. */
export function themeConfig(): Config {
  return {
    // One accessible object per chart: the <svg> root gets role="img" and the alt text; marks
    // and guides are kept out of the tree (see platform.md on tagged PDFs).
    aria: false,
    font,
    background: paper,
    padding: 4,
    view: { stroke: null, discreteHeight: { step: sizes.barBand } },
    axis: {
      ...guideText,
      titleFontWeight: 600,
      domainColor: inkMuted,
      tickColor: inkMuted,
      gridColor: gridColour,
      labelLimit: 320,
    },
    legend: {
      ...guideText,
      orient: 'top',
      symbolType: 'square',
      labelLimit: 400,
    },
    header: { labelFont: font, titleFont: font, labelFontSize: sizes.label, titleFontSize: sizes.title },
    title: { font, fontSize: sizes.title + 2, color: ink },
    text: { font, fontSize: sizes.value, fill: ink },
    bar: { fill: primary },
    point: { fill: primary, filled: true },
    circle: { fill: primary },
    range: { category: [...categorical] },
  };
}
