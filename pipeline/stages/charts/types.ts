/**
 * What goes into and comes out of the chart stage. A `ChartPlan` is plain JSON (no Maps, no
 * functions), so it can be hashed and cached; `renderChart` turns it into a `RenderedChart`.
 */
import type { Locale } from '../../locale/index.js';
import type { TopLevelSpec } from 'vega-lite';
import type { RuleId } from '../../diagnostics/catalogue.js';
import type { DataTable } from '../../model/figure.js';
import type { SourceFile } from '../../model/source.js';
import type { SurveyBundle } from '../../model/survey.js';

/** A chart spec as parsed JSON, walked by the stages that read or rewrite specs. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A JSON object: not null, not an array. */
export function isJsonObject(v: Json | undefined): v is { [key: string]: Json } {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The attributes of one `::chart` directive, as strings. */
export interface ChartRequest {
  /** Unique in the whole document; prefixes every id inside the SVG. */
  readonly domId: string;
  readonly caption: string;
  readonly alt: string;
  readonly question?: string;
  readonly survey?: string;
  readonly by?: string;
  readonly compare?: string;
  readonly type?: string;
  readonly spec?: string;
  /** Ranking only: `top-three` (default), `first-choice` or `score`. */
  readonly measure?: string;
}

export interface ChartContext {
  readonly bundle: SurveyBundle;
  /** The edition's locale: words, numbers and quotes of the chart. */
  readonly locale: Locale;
  /** data/charts/*.vl.json, as read by the load stage. */
  readonly customSpecs: readonly SourceFile[];
  /** Drawing width in px; the theme width unless planning the phone variant. */
  readonly width?: number;
}

export type ChartKind =
  | 'ranked-bars'
  | 'stacked-bars'
  | 'diverging'
  | 'strip'
  | 'dumbbell'
  | 'map'
  | 'tiles'
  | 'custom';

/** A longitude/latitude box, in degrees. */
export interface Frame {
  readonly west: number;
  readonly east: number;
  readonly south: number;
  readonly north: number;
}

export interface ChartPlan {
  /** Bumped whenever the plan's meaning changes, so caches keyed on plans stay honest. */
  readonly version: number;
  readonly kind: ChartKind;
  readonly domId: string;
  readonly alt: string;
  /** One line on the chart's form, appended to the alt text in <desc>. */
  readonly summary: string;
  /** Vega-Lite with inline data only. */
  readonly spec: TopLevelSpec;
  /** The same chart laid out for a phone (web edition only), or null. */
  readonly narrowSpec: TopLevelSpec | null;
  /** Ask the renderer to add the world-atlas country shapes near this frame as dataset "basemap". */
  readonly basemap: Frame | null;
  readonly table: DataTable;
  readonly csv: string;
  readonly sourceNote: string;
  readonly notes: readonly string[];
}

export type PlanResult =
  | { readonly ok: true; readonly plan: ChartPlan }
  /** `followOn`: the failure follows from an error reported at its root (a broken survey); not reported again. */
  | { readonly ok: false; readonly rule: RuleId; readonly reason: string; readonly followOn?: boolean };

export const planVersion = 2;

export function fail(rule: RuleId, reason: string): PlanResult {
  return { ok: false, rule, reason };
}

/** A chart that cannot be planned because its survey could not be read, which is reported there. */
export function followOn(surveyId: string): PlanResult {
  return { ok: false, rule: 'survey-missing', reason: `Survey "${surveyId}" could not be read`, followOn: true };
}
