/**
 * A figure as both editions render it. Everything a reader sees of a chart (number, caption,
 * alt text, source note, SVG, data table, CSV) is decided once, here, and only rendered by the
 * HTML and PDF emitters.
 */
export type Audience = 'public' | 'members';

export interface TableColumn {
  readonly key: string;
  readonly label: string;
  /** Right-align and format as a number. */
  readonly numeric?: boolean;
  /**
   * The cells are exact percentages (0..100) until the chart stage finishes the table: the page
   * shows them rounded once like the chart labels, the CSV with one decimal.
   */
  readonly percent?: boolean;
}

export type TableCell = string | number | null;

/** The exact values a chart plots, as the accessible alternative and the CSV download. */
export interface DataTable {
  readonly columns: readonly TableColumn[];
  readonly rows: readonly (readonly TableCell[])[];
  /** Footnotes under the table, e.g. why a group is suppressed. */
  readonly notes: readonly string[];
}

/** What the chart stage returns for one `::chart` directive, before numbering. */
export interface RenderedChart {
  /** Chart family chosen, e.g. "ranked-bars", "diverging", "map". */
  readonly kind: string;
  /** Inline SVG: root has role="img", <title> and <desc> from the alt text; inner marks hidden from assistive tech. */
  readonly svg: string;
  /** The same chart laid out for narrow screens (web edition only; print uses `svg`). */
  readonly svgNarrow?: string;
  readonly table: DataTable;
  /** CSV text of exactly the plotted values (formula-injection escaped), UTF-8 without BOM. */
  readonly csv: string;
  /** e.g. "Pulse Mayors' Survey 2026, Q7: ‹wording›. Base: all responding cities (n = 88). Multiple answers possible." */
  readonly sourceNote: string;
  /** Extra notes shown under the chart, e.g. "Groups with fewer than 30 cities are not shown as percentages." */
  readonly notes: readonly string[];
}

export interface Figure extends RenderedChart {
  /** Unique across the edition, e.g. "fig-priorities" (author id) or "fig-3-2". */
  readonly id: string;
  /** e.g. "3.2": chapter number and figure position in the chapter. */
  readonly number: string;
  readonly caption: string;
  readonly alt: string;
  readonly chapterSlug: string;
  /** File name of the CSV download, e.g. "figure-3-2.csv". */
  readonly csvName: string;
  readonly audience: Audience;
}
