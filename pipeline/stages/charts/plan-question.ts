/**
 * Charts driven by a codebook question: aggregate with the survey stage, pick the chart for the
 * question type, and write the source note (wording, base, n).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { BreakdownDimension, Question, Survey, SurveyBundle } from '../../model/survey.js';
import type { DataTable } from '../../model/figure.js';
import { aggregateQuestion } from '../survey/aggregate.js';
import { breakdown } from '../survey/breakdown.js';
import { yearOnYear } from '../survey/year-on-year.js';
import { finishTable } from './table-round.js';
import { nEquals } from './format.js';
import { groupRows, isShareAggregate } from './groups.js';
import { sourceNote } from './source-note.js';
import { rankedBars, type BarItem } from './spec-bars.js';
import { canDiverge, divergingBars } from './spec-diverging.js';
import { dotPlot } from './spec-numeric.js';
import { dumbbell } from './spec-dumbbell.js';
import { stackedBars } from './spec-stacked.js';
import { fail, planVersion, type ChartKind, type ChartRequest, type PlanResult } from './types.js';

const multiNote = 'Multiple answers possible.';
const groupHeaders: Record<BreakdownDimension, string> = { region: 'Region', country: 'Country', member_type: 'Member type' };

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
  language: string,
  chartWidth?: number,
): PlanResult {
  const total = aggregateQuestion(survey, question, bundle.citiesByCode, bundle.minBase);
  if (total.suppressed) {
    return fail('chart-suppressed', `${question.id} has ${total.n} answers, fewer than survey.minBase (${bundle.minBase}); no percentages can be shown`);
  }
  let drawn: Drawn | string;
  if (compare) drawn = drawCompare(survey, question, bundle, language, chartWidth);
  else drawn = drawQuestion(survey, question, by, bundle, language, total, chartWidth, request.measure);
  if (typeof drawn === 'string') return fail('chart-option', drawn);

  const base = question.base === 'valid' ? 'valid' : 'all';
  const note = sourceNote({ survey, question, n: drawn.n, base, language, extra: drawn.extra });
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
  language: string,
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
        const { spec, table } = rankedBars({ items, categoryLabel: 'Answer', valueLabel: 'Score (points)', language, width: chartWidth, points: true });
        const how = 'Score: 3 points for each first place, 2 for each second, 1 for each third.';
        return { kind: 'ranked-bars', summary: 'Horizontal bars, sorted, of each option\'s ranking score.', spec, table, n, extra: [how], notes: [] };
      }
      if (measure === 'first-choice') {
        const items: BarItem[] = total.shares.map((s) => ({ label: s.label, pct: s.firstPct ?? 0 }));
        const { spec, table } = rankedBars({ items, categoryLabel: 'Answer', valueLabel: 'Share of cities ranking it first (%)', language, width: chartWidth });
        return { kind: 'ranked-bars', summary: 'Horizontal bars, sorted, of the share of cities ranking each option first.', spec, table, n, extra: ['Share of cities ranking each option first.'], notes: [] };
      }
      const items: BarItem[] = total.shares.map((s) => ({ label: s.label, pct: s.topPct ?? 0 }));
      const top = total.ranks === 1 ? 'ranking it first' : `naming it in their top ${total.ranks === 3 ? 'three' : total.ranks}`;
      const { spec, table } = rankedBars({ items, categoryLabel: 'Answer', valueLabel: `Share of cities ${top} (%)`, language, width: chartWidth });
      const summary = `Horizontal bars, sorted, of the share of cities ${top.replace(' it ', ' each option ')}.`;
      return { kind: 'ranked-bars', summary, spec, table, n, extra: [`Share of cities ${top.replace(' it ', ' each option ')}.`], notes: [] };
    }
    case 'multi': {
      const items: BarItem[] = total.shares.map((s) => ({ label: s.label, pct: s.pct ?? 0 }));
      const { spec, table } = rankedBars({ items, categoryLabel: 'Answer', valueLabel: 'Share of cities (%)', language, width: chartWidth });
      return { kind: 'ranked-bars', summary: 'Horizontal bars, sorted, of the share of cities choosing each answer; several answers were possible.', spec, table, n, extra: [multiNote], notes: [] };
    }
    case 'categorical':
    case 'scale': {
      const diverge = total.kind === 'scale' || total.type === 'likert';
      if (!diverge && by === undefined) {
        const items: BarItem[] = [
          ...total.shares.map((s) => ({ label: s.label, pct: s.pct ?? 0 })),
          ...total.missing.map((m) => ({ label: m.label, pct: m.pct ?? 0, muted: true })),
        ];
        const { spec, table } = rankedBars({ items, categoryLabel: 'Answer', valueLabel: 'Share of cities (%)', language, ordered: question.ordered === true, width: chartWidth });
        const extra = total.base === 'valid' && total.missing.length > 0 ? [`"${total.missing.map((m) => m.label).join('", "')}" as a share of all ${total.respondents} responding cities.`] : [];
        return { kind: 'ranked-bars', summary: question.ordered ? 'Horizontal bars, in the order of the answer scale, of the share of cities giving each answer.' : 'Horizontal bars, sorted, of the share of cities giving each answer.', spec, table, n, extra, notes: [] };
      }
      if (!isShareAggregate(total)) return 'unexpected aggregate';
      const split = by === undefined ? undefined : breakdown(survey, question, by, bundle.citiesByCode, bundle.minBase);
      const rows = groupRows(total, split, language);
      const header = by === undefined ? 'Group' : groupHeaders[by];
      const extra = [
        ...(by ? [`Group sizes (n) are shown with each row.`] : []),
        ...(total.missing.length > 0 && total.base === 'valid' ? ['"Don\'t know" and "no answer" are shares of all responding cities.'] : []),
      ];
      if (diverge) {
        if (!canDiverge(total.shares.length)) return `${question.id} has ${total.shares.length} categories; diverging bars support 2 to 5`;
        const d = divergingBars(rows, header, bundle.minBase, language, chartWidth);
        return { kind: 'diverging', summary: `Diverging stacked bars centred on the neutral midpoint${by ? `, one row per ${header.toLowerCase()}` : ''}; "don't know" shown apart on the right.`, spec: d.spec, table: d.table, n, extra, notes: d.notes };
      }
      const s = stackedBars(rows, header, bundle.minBase, language, question.ordered === true, chartWidth);
      return { kind: 'stacked-bars', summary: `100% stacked horizontal bars, one row per ${header.toLowerCase()} with its number of cities.`, spec: s.spec, table: s.table, n, extra, notes: s.notes };
    }
    case 'numeric': {
      const { spec, table } = dotPlot(total, language, chartWidth);
      return { kind: 'strip', summary: `Dot plot of the values of ${nEquals(total.n, language).replace('n = ', '')} cities, one dot per city, with the median marked.`, spec, table, n, extra: total.unit ? [`Values in ${total.unit}.`] : [], notes: [] };
    }
    case 'open':
      return `${question.id} is an open question; its answers are never published`;
  }
}

function drawCompare(survey: Survey, question: Question, bundle: SurveyBundle, language: string, chartWidth?: number): Drawn | string {
  const yoy = yearOnYear(survey, question, bundle.citiesByCode, bundle.minBase);
  if (!yoy) return `The previous edition has no figures for ${question.id}`;
  const { spec, table } = dumbbell(yoy, language, question.ordered === true, chartWidth);
  const measure = yoy.measure === 'top-three' ? ' Share of cities naming each option in their top three.' : yoy.measure === 'first-choice' ? ' Share of cities ranking each option first.' : '';
  const extra = [`Previous edition: ${yoy.previous.shortTitle} (${nEquals(yoy.previous.n, language)}).${measure}`, ...(yoy.measure === 'respondents' ? [multiNote] : [])];
  return { kind: 'dumbbell', summary: `Dumbbell chart comparing ${yoy.previous.shortTitle} with ${yoy.current.shortTitle} for each answer.`, spec, table, n: yoy.current.n, extra, notes: [] };
}
