/**
 * Charts driven by a codebook question: aggregate with the survey stage, pick the chart for the
 * question type, and write the source note (wording, base, n).
 */
import type { Locale, StringKey } from '../../locale/index.js';
import type { TopLevelSpec } from 'vega-lite';
import type { BreakdownDimension, Question, Survey, SurveyBundle } from '../../model/survey.js';
import type { DataTable } from '../../model/figure.js';
import { aggregateQuestion } from '../survey/aggregate.js';
import { breakdown } from '../survey/breakdown.js';
import { yearOnYear } from '../survey/year-on-year.js';
import { finishTable } from './table-round.js';
import { nEquals } from './format.js';
import { groupRows, isShareAggregate, missingShareLabel } from './groups.js';
import { sourceNote } from './source-note.js';
import { rankedBars, type BarItem } from './spec-bars.js';
import { canDiverge, divergingBars } from './spec-diverging.js';
import { dotPlot } from './spec-numeric.js';
import { dumbbell } from './spec-dumbbell.js';
import { stackedBars } from './spec-stacked.js';
import { fail, planVersion, type ChartKind, type ChartRequest, type PlanResult } from './types.js';

const groupHeaders = { region: 'region', country: 'country', member_type: 'memberType' } as const satisfies Record<BreakdownDimension, StringKey>;

interface Drawn {
  kind: ChartKind;
  summary: string;
  spec: TopLevelSpec;
  table: DataTable;
  n: number;
  extra: string[];
  notes: string[];
}

export function planQuestion(
  request: ChartRequest,
  survey: Survey,
  question: Question,
  by: BreakdownDimension | undefined,
  compare: boolean,
  bundle: SurveyBundle,
  locale: Locale,
  chartWidth?: number,
): PlanResult {
  const total = aggregateQuestion(survey, question, bundle.citiesByCode, bundle.minBase);
  if (total.suppressed) {
    return fail('chart-suppressed', `${question.id} has ${total.n} answers, fewer than survey.minBase (${bundle.minBase}); no percentages can be shown`);
  }
  let drawn: Drawn | string;
  if (compare) drawn = drawCompare(survey, question, bundle, locale, chartWidth);
  else drawn = drawQuestion(survey, question, by, bundle, locale, total, chartWidth, request.measure);
  if (typeof drawn === 'string') return fail('chart-option', drawn);

  const base = question.base === 'valid' ? 'valid' : 'all';
  const note = sourceNote({ survey, question, n: drawn.n, base, locale, extra: drawn.extra });
  const { table, csv } = finishTable({ ...drawn.table, notes: [...drawn.table.notes] });
  return {
    ok: true,
    plan: {
      version: planVersion,
      kind: drawn.kind,
      domId: request.domId,
      alt: request.alt,
      summary: drawn.summary,
      spec: drawn.spec,
      narrowSpec: null,
      basemap: null,
      table,
      csv,
      sourceNote: note,
      notes: drawn.notes,
    },
  };
}

function drawQuestion(
  survey: Survey,
  question: Question,
  by: BreakdownDimension | undefined,
  bundle: SurveyBundle,
  locale: Locale,
  total: ReturnType<typeof aggregateQuestion>,
  chartWidth?: number,
  measure?: string,
): Drawn | string {
  const n = total.n;
  switch (total.kind) {
    case 'ranking': {
      if (measure === 'score') {
        // Points, not a share: rank 1 scores 3, rank 2 scores 2, rank 3 scores 1.
        const items: BarItem[] = total.shares.map((s) => ({ label: s.label, pct: s.score }));
        const { spec, table } = rankedBars({ items, categoryLabel: locale.t('answer'), valueLabel: locale.t('scorePoints'), locale, width: chartWidth, points: true });
        return { kind: 'ranked-bars', summary: locale.t('summary.score'), spec, table, n, extra: [locale.t('scoreHow')], notes: [] };
      }
      if (measure === 'first-choice') {
        const items: BarItem[] = total.shares.map((s) => ({ label: s.label, pct: s.firstPct ?? 0 }));
        const { spec, table } = rankedBars({ items, categoryLabel: locale.t('answer'), valueLabel: locale.t('shareFirst'), locale, width: chartWidth });
        return { kind: 'ranked-bars', summary: locale.t('summary.first'), spec, table, n, extra: [locale.t('shareFirstNote')], notes: [] };
      }
      const items: BarItem[] = total.shares.map((s) => ({ label: s.label, pct: s.topPct ?? 0 }));
      const first = total.ranks === 1;
      const top = total.ranks === 3 ? locale.t('three') : total.ranks;
      const valueLabel = first ? locale.t('shareFirst') : locale.t('shareTop', { n: top });
      const { spec, table } = rankedBars({ items, categoryLabel: locale.t('answer'), valueLabel, locale, width: chartWidth });
      const summary = first ? locale.t('summary.first') : locale.t('summary.top', { n: top });
      return { kind: 'ranked-bars', summary, spec, table, n, extra: [first ? locale.t('shareFirstNote') : locale.t('shareTopNote', { n: top })], notes: [] };
    }
    case 'multi': {
      const items: BarItem[] = total.shares.map((s) => ({ label: s.label, pct: s.pct ?? 0 }));
      const { spec, table } = rankedBars({ items, categoryLabel: locale.t('answer'), valueLabel: locale.t('shareOfCities'), locale, width: chartWidth });
      return { kind: 'ranked-bars', summary: locale.t('summary.multi'), spec, table, n, extra: [locale.t('multiNote')], notes: [] };
    }
    case 'categorical':
    case 'scale': {
      const diverge = total.kind === 'scale' || total.type === 'likert';
      if (!diverge && by === undefined) {
        const items: BarItem[] = [
          ...total.shares.map((s) => ({ label: s.label, pct: s.pct ?? 0 })),
          ...total.missing.map((m) => ({ label: missingShareLabel(m, locale), pct: m.pct ?? 0, muted: true })),
        ];
        const { spec, table } = rankedBars({ items, categoryLabel: locale.t('answer'), valueLabel: locale.t('shareOfCities'), locale, ordered: question.ordered === true, width: chartWidth });
        const labels = total.missing.map((m) => locale.quote(missingShareLabel(m, locale))).join(', ');
        const extra = total.base === 'valid' && total.missing.length > 0 ? [locale.t('missingAsShare', { labels, n: total.respondents })] : [];
        return { kind: 'ranked-bars', summary: locale.t(question.ordered ? 'summary.ordered' : 'summary.sorted'), spec, table, n, extra, notes: [] };
      }
      if (!isShareAggregate(total)) return 'unexpected aggregate';
      const split = by === undefined ? undefined : breakdown(survey, question, by, bundle.citiesByCode, bundle.minBase);
      const rows = groupRows(total, split, locale);
      const header = locale.t(by === undefined ? 'group' : groupHeaders[by]);
      const extra = [
        ...(by ? [locale.t('groupSizes')] : []),
        ...(total.missing.length > 0 && total.base === 'valid' ? [locale.t('missingShares')] : []),
      ];
      if (diverge) {
        if (!canDiverge(total.shares.length)) return `${question.id} has ${total.shares.length} categories; diverging bars support 2 to 5`;
        const d = divergingBars(rows, header, bundle.minBase, locale, chartWidth);
        return { kind: 'diverging', summary: by ? locale.t('summary.divergingBy', { group: header }) : locale.t('summary.diverging'), spec: d.spec, table: d.table, n, extra, notes: d.notes };
      }
      const s = stackedBars(rows, header, bundle.minBase, locale, question.ordered === true, chartWidth);
      return { kind: 'stacked-bars', summary: locale.t('summary.stacked', { group: header }), spec: s.spec, table: s.table, n, extra, notes: s.notes };
    }
    case 'numeric': {
      const { spec, table } = dotPlot(total, locale, chartWidth);
      return { kind: 'strip', summary: locale.t('summary.strip', { n: total.n }), spec, table, n, extra: total.unit ? [locale.t('valuesIn', { unit: total.unit })] : [], notes: [] };
    }
    case 'open':
      return `${question.id} is an open question; its answers are never published`;
  }
}

function drawCompare(survey: Survey, question: Question, bundle: SurveyBundle, locale: Locale, chartWidth?: number): Drawn | string {
  const yoy = yearOnYear(survey, question, bundle.citiesByCode, bundle.minBase);
  if (!yoy) return `The previous edition has no figures for ${question.id}`;
  const { spec, table } = dumbbell(yoy, locale, question.ordered === true, chartWidth);
  const measure = yoy.measure === 'top-three' ? [locale.t('shareTopNote', { n: locale.t('three') })] : yoy.measure === 'first-choice' ? [locale.t('shareFirstNote')] : [];
  const extra = [locale.t('previousEdition', { survey: yoy.previous.shortTitle, n: nEquals(yoy.previous.n, locale) }), ...measure, ...(yoy.measure === 'respondents' ? [locale.t('multiNote')] : [])];
  return { kind: 'dumbbell', summary: locale.t('summary.dumbbell', { before: yoy.previous.shortTitle, after: yoy.current.shortTitle }), spec, table, n: yoy.current.n, extra, notes: [] };
}
