/** Multi-select (share of respondents per option) and ranking (first choice, top ranks, score). */
import type { MultiAggregate, Question, RankingAggregate, RankingShare, ResponseTable } from '../../model/survey.js';
import { aggregateBase, eachRow, percent, selectionSize, type Selection } from './selection.js';

function columnsOf(question: Question, data: ResponseTable): (Float64Array | undefined)[] {
  return question.columns.map((c) => data.columns.get(c));
}

export function aggregateMulti(
  question: Question,
  data: ResponseTable,
  selection: Selection,
  minBase: number,
  surveyId: string,
): MultiAggregate {
  const columns = columnsOf(question, data);
  const counts = new Array<number>(columns.length).fill(0);
  let answered = 0;
  eachRow(selection, data.rows, (r) => {
    let any = false;
    columns.forEach((col, i) => {
      const v = col ? col[r]! : Number.NaN;
      if (Number.isNaN(v)) return;
      any = true;
      if (v === 1) counts[i]!++;
    });
    if (any) answered++;
  });
  const respondents = selectionSize(selection, data.rows);
  const n = question.base === 'valid' ? answered : respondents;
  const common = aggregateBase(surveyId, question, n, respondents, minBase);
  const { suppressed } = common;
  return {
    kind: 'multi',
    ...common,
    shares: question.options.map((o, i) => {
      const count = counts[i] ?? 0;
      return { code: String(o.code), label: o.label, count, pct: percent(count, n, suppressed) };
    }),
  };
}

/** Points for a rank (0-based): first 3, second 2, third 1, beyond 0. */
export function rankPoints(rank: number): number {
  return Math.max(0, 3 - rank);
}

export function aggregateRanking(
  question: Question,
  data: ResponseTable,
  selection: Selection,
  minBase: number,
  surveyId: string,
): RankingAggregate {
  const columns = columnsOf(question, data);
  const index = new Map(question.options.map((o, i) => [o.code, i]));
  const first = new Array<number>(question.options.length).fill(0);
  const top = new Array<number>(question.options.length).fill(0);
  const score = new Array<number>(question.options.length).fill(0);
  let answered = 0;
  eachRow(selection, data.rows, (r) => {
    const named = new Set<number>();
    columns.forEach((col, rank) => {
      const i = index.get(col ? col[r]! : Number.NaN);
      if (i === undefined || named.has(i)) return; // missing codes, blanks, repeats
      named.add(i);
      if (rank === 0) first[i]!++;
      top[i]!++;
      score[i]! += rankPoints(rank);
    });
    if (named.size > 0) answered++;
  });
  const respondents = selectionSize(selection, data.rows);
  const n = question.base === 'valid' ? answered : respondents;
  const common = aggregateBase(surveyId, question, n, respondents, minBase);
  const { suppressed } = common;
  const shares = question.options.map((o, i): RankingShare => ({
    code: String(o.code),
    label: o.label,
    firstCount: first[i]!,
    topCount: top[i]!,
    firstPct: percent(first[i]!, n, suppressed),
    topPct: percent(top[i]!, n, suppressed),
    score: score[i]!,
  }));
  return { kind: 'ranking', ...common, ranks: question.ranks, shares };
}
