/**
 * Survey model: the cities table, codebooks (questions), response tables, and the aggregates
 * that charts and `:stat` consume. Everything here is plain data, produced by
 * `pipeline/stages/survey/` and read by later stages.
 *
 * Conventions:
 * - `pct` is an exact float in 0..100 (not rounded). Round only when displaying, once, with
 *   `displayPercent()` from `pipeline/stages/survey/rounding.ts` (half up, from the exact value).
 * - `pct: null` means suppressed (base below `minBase`) or not computable; a suppressed group never
 *   carries any percentage, only `n` and a `reason`.
 * - Option codes are numbers in the codebook and CSV; in aggregates every category is keyed by
 *   a string `code` (the option code as text, or the band key for 0–10 scales).
 */

// ── Cities ───────────────────────────────────────────────────────────────────────────────────

export const regions = [
  'Nordic',
  'Western Europe',
  'Southern Europe',
  'Central and Eastern Europe',
  'South-Eastern Europe',
] as const;
export type Region = (typeof regions)[number];

export const memberTypes = ['full', 'associate', 'partner'] as const;
export type MemberType = (typeof memberTypes)[number];

export interface City {
  /** Stable code used in survey CSVs, e.g. "PL-LOD". */
  readonly code: string;
  /** Name as written locally, e.g. "Łódź". */
  readonly name: string;
  /** ASCII transliteration, e.g. "Lodz" (for slugs, sorting fallbacks, file names). */
  readonly asciiName: string;
  /** ISO 3166-1 alpha-2, capitals. */
  readonly country: string;
  readonly region: Region;
  readonly memberType: MemberType;
  readonly lat: number;
  readonly lon: number;
  readonly population: number | undefined;
}

// ── Codebook ─────────────────────────────────────────────────────────────────────────────────

export const questionTypes = ['single', 'multi', 'scale_0_10', 'likert', 'numeric', 'ranking', 'open'] as const;
export type QuestionType = (typeof questionTypes)[number];

/** Types whose answers are categories (charted as shares). */
export type ClosedQuestionType = Exclude<QuestionType, 'open'>;

export interface Option {
  readonly code: number;
  readonly label: string;
}

/** A named band of a 0–10 scale, inclusive on both ends, e.g. {key: "high", min: 7, max: 8}. */
export interface Band {
  readonly key: string;
  readonly label: string;
  readonly min: number;
  readonly max: number;
}

export type MissingKind = 'dont-know' | 'no-answer';

export interface MissingCode {
  readonly code: number;
  readonly label: string;
  readonly kind: MissingKind;
}

/**
 * `all`: every responding city is in the base (missing codes and blank cells count in n).
 * `valid`: only cities that gave a substantive answer (missing codes and blanks excluded).
 */
export type BaseRule = 'all' | 'valid';

export interface Question {
  /** e.g. "Q05". */
  readonly id: string;
  /** Exact wording as asked. */
  readonly wording: string;
  readonly type: QuestionType;
  /** Answer options (single, likert, multi, ranking). Empty for scale_0_10, numeric, open. */
  readonly options: readonly Option[];
  /** Bands for scale_0_10; empty otherwise. */
  readonly bands: readonly Band[];
  readonly missing: readonly MissingCode[];
  readonly base: BaseRule;
  /** CSV columns holding the answers: one for single/scale/likert/numeric/open,
   *  one per option for multi (Q06_1..Q06_8, in option order), one per rank for ranking. */
  readonly columns: readonly string[];
  /** numeric: unit shown after values, e.g. "% of municipal budget". */
  readonly unit: string | undefined;
  /** numeric: allowed range (inclusive); scale_0_10 is always 0..10. */
  readonly min: number | undefined;
  readonly max: number | undefined;
  /** numeric: decimals to show. */
  readonly decimals: number;
  /** ranking: how many ranks were asked (columns.length). */
  readonly ranks: number;
  /** Open answers are never published; always false for `open`. */
  readonly published: boolean;
  /**
   * The options form a scale, so charts keep codebook order: always for likert and scale_0_10,
   * and for single questions the codebook marks `ordered: true`. Absent means false.
   */
  readonly ordered?: boolean;
}

// ── Responses ────────────────────────────────────────────────────────────────────────────────

/**
 * Compact, column-oriented answers. One entry per responding city (row order as in the CSV).
 * Open-text answers are never kept: their column holds 1 where a city answered.
 */
export interface ResponseTable {
  readonly rows: number;
  /** City code per row. */
  readonly cityCodes: readonly string[];
  /** 1 where the city agreed to be named, 0 otherwise. */
  readonly consent: Uint8Array;
  /** Column name → value per row; NaN = blank cell. Codes are stored as numbers. */
  readonly columns: ReadonlyMap<string, Float64Array>;
}

// ── Previous edition ─────────────────────────────────────────────────────────────────────────

export interface PreviousQuestion {
  readonly n: number;
  /** Which measure the shares are: `share` (single/likert/scale bands), `respondents` (multi),
   *  `top-three` or `first-choice` (ranking). */
  readonly measure: 'share' | 'respondents' | 'top-three' | 'first-choice';
  /** Category code (option code as text or band key) → exact percentage. */
  readonly shares: ReadonlyMap<string, number>;
}

export interface PreviousEdition {
  /** e.g. "pulse-2025". */
  readonly id: string;
  readonly title: string;
  readonly shortTitle: string;
  readonly respondents: number;
  readonly questions: ReadonlyMap<string, PreviousQuestion>;
}

// ── Survey and bundle ────────────────────────────────────────────────────────────────────────

export interface Survey {
  /** e.g. "pulse-2026". */
  readonly id: string;
  /** e.g. "Eurocities Pulse Mayors' Survey 2026". */
  readonly title: string;
  /** e.g. "Pulse Mayors' Survey 2026" (used in source notes). */
  readonly shortTitle: string;
  /** ISO dates, e.g. "2025-12-01". */
  readonly fieldwork: { readonly start: string; readonly end: string };
  /** e.g. "Mayors of Eurocities member cities". */
  readonly population: string;
  /** Members at the time of fieldwork (for the response rate), if known. */
  readonly populationSize: number | undefined;
  /** Number of responding cities (rows). */
  readonly respondents: number;
  /** Distinct countries among respondents. */
  readonly countries: number;
  readonly questions: readonly Question[];
  readonly questionsById: ReadonlyMap<string, Question>;
  readonly previous: PreviousEdition | undefined;
  readonly data: ResponseTable;
  /** True when the data are synthetic (sample edition); print a notice. */
  readonly synthetic: boolean;
  /** Source files, relative to the edition root. */
  readonly files: { readonly codebook: string; readonly csv: string; readonly previous: string | undefined };
}

export interface SurveyBundle {
  readonly cities: readonly City[];
  readonly citiesByCode: ReadonlyMap<string, City>;
  readonly surveys: ReadonlyMap<string, Survey>;
  /**
   * Surveys whose files exist but could not be read (an invalid codebook, a CSV that is missing or
   * not decodable). Their error is reported where it is; references to them stay silent.
   */
  readonly broken?: ReadonlySet<string>;
  /** Survey used when a directive names none. */
  readonly defaultSurvey: string | undefined;
  /** Smallest base for which a percentage is printed. */
  readonly minBase: number;
}

// ── Aggregates ───────────────────────────────────────────────────────────────────────────────

export interface Share {
  /** Option code as text, or band key. */
  readonly code: string;
  readonly label: string;
  readonly count: number;
  /** Exact percentage of the base n; null when suppressed. */
  readonly pct: number | null;
}

/** A "don't know" / "no answer" segment, drawn muted and apart from the substantive answers. */
export interface MissingShare extends Share {
  readonly kind: MissingKind;
}

/** Fields every question aggregate shares. */
interface AggregateBase {
  readonly surveyId: string;
  readonly questionId: string;
  readonly base: BaseRule;
  /** Base n: the denominator of `pct`. */
  readonly n: number;
  /** Rows considered (respondents in this group), whatever the base rule. */
  readonly respondents: number;
  readonly suppressed: boolean;
  /** Why percentages are withheld, e.g. "Base below 30 (n = 12)". */
  readonly reason: string | undefined;
}

/**
 * single and likert. `shares` in codebook order. `missing` are segments for missing codes
 * (and blank cells, code "blank", when the base is `all`); their pct is of `respondents`.
 * With base `all`, shares and missing together make 100.
 */
export interface CategoricalAggregate extends AggregateBase {
  readonly kind: 'categorical';
  readonly type: 'single' | 'likert';
  readonly shares: readonly Share[];
  readonly missing: readonly MissingShare[];
}

/** scale_0_10: shares per band (in band order), plus the mean of valid scores. */
export interface ScaleAggregate extends AggregateBase {
  readonly kind: 'scale';
  readonly shares: readonly Share[];
  readonly missing: readonly MissingShare[];
  readonly mean: number | null;
}

/** multi: pct is of respondents in the base; totals exceed 100 ("multiple answers possible"). */
export interface MultiAggregate extends AggregateBase {
  readonly kind: 'multi';
  readonly shares: readonly Share[];
}

export interface NumericValue {
  /** City name only when the city consented to be named, else null (code withheld too). */
  readonly cityCode: string | null;
  readonly cityName: string | null;
  readonly value: number;
}

export interface NumericAggregate extends AggregateBase {
  readonly kind: 'numeric';
  readonly unit: string | undefined;
  readonly decimals: number;
  /** Sorted by value ascending, then by name; empty when suppressed. */
  readonly values: readonly NumericValue[];
  readonly median: number | null;
  readonly min: number | null;
  readonly max: number | null;
  readonly mean: number | null;
}

export interface RankingShare {
  readonly code: string;
  readonly label: string;
  /** Cities ranking it first. */
  readonly firstCount: number;
  /** Cities naming it anywhere in their top ranks. */
  readonly topCount: number;
  readonly firstPct: number | null;
  readonly topPct: number | null;
  /** Weighted score: rank 1 = 3 points, rank 2 = 2, rank 3 = 1 (ranks beyond 3 score 0). */
  readonly score: number;
}

export interface RankingAggregate extends AggregateBase {
  readonly kind: 'ranking';
  readonly ranks: number;
  /** In codebook order; sort for display. */
  readonly shares: readonly RankingShare[];
}

/** Open questions are never published; only how many answered. */
export interface OpenAggregate extends AggregateBase {
  readonly kind: 'open';
}

export type QuestionAggregate =
  | CategoricalAggregate
  | ScaleAggregate
  | MultiAggregate
  | NumericAggregate
  | RankingAggregate
  | OpenAggregate;

// ── Breakdowns ───────────────────────────────────────────────────────────────────────────────

export const breakdownDimensions = ['region', 'country', 'member_type'] as const;
export type BreakdownDimension = (typeof breakdownDimensions)[number];

export type BreakdownGroup =
  | {
      readonly key: string;
      readonly label: string;
      readonly n: number;
      readonly suppressed: false;
      readonly aggregate: QuestionAggregate;
    }
  | {
      readonly key: string;
      readonly label: string;
      /** Base n of the group; no percentages, no counts. */
      readonly n: number;
      readonly suppressed: true;
      readonly reason: string;
    };

export interface Breakdown {
  readonly kind: 'breakdown';
  readonly surveyId: string;
  readonly questionId: string;
  readonly by: BreakdownDimension;
  /** Groups in a stable order (regions in `regions` order; countries and types by label). */
  readonly groups: readonly BreakdownGroup[];
  /** The whole sample, for a "total" row. */
  readonly total: QuestionAggregate;
  readonly minBase: number;
}

// ── Year on year ─────────────────────────────────────────────────────────────────────────────

export interface YearOnYearRow {
  readonly code: string;
  readonly label: string;
  readonly previous: number | null;
  readonly current: number | null;
  /** current − previous in percentage points; null if either side is missing. */
  readonly change: number | null;
  readonly previousN: number;
  readonly currentN: number;
}

export interface YearOnYear {
  readonly kind: 'year-on-year';
  readonly surveyId: string;
  readonly questionId: string;
  readonly measure: PreviousQuestion['measure'];
  readonly previous: { readonly id: string; readonly shortTitle: string; readonly n: number };
  readonly current: { readonly id: string; readonly shortTitle: string; readonly n: number; readonly suppressed: boolean };
  readonly rows: readonly YearOnYearRow[];
}
