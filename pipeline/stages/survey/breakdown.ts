/** A question broken down by region, country or member type; small groups are suppressed. */
import { memberTypes, regions, type Breakdown, type BreakdownDimension, type BreakdownGroup, type City, type Question, type Survey } from '../../model/survey.js';
import { aggregateQuestion } from './aggregate.js';
import { countryNames, memberTypeLabels } from './countries.js';
import { suppressionReason, type Selection } from './selection.js';

function groupOf(city: City, by: BreakdownDimension): { key: string; label: string } {
  if (by === 'region') return { key: city.region, label: city.region };
  if (by === 'country') return { key: city.country, label: countryNames.get(city.country) ?? city.country };
  return { key: city.memberType, label: memberTypeLabels[city.memberType] };
}

function order(by: BreakdownDimension): (a: { key: string; label: string }, b: { key: string; label: string }) => number {
  if (by === 'region') return (a, b) => regions.indexOf(a.key as City['region']) - regions.indexOf(b.key as City['region']);
  if (by === 'member_type') return (a, b) => memberTypes.indexOf(a.key as City['memberType']) - memberTypes.indexOf(b.key as City['memberType']);
  return (a, b) => a.label.localeCompare(b.label, 'en');
}

export function breakdown(
  survey: Survey,
  question: Question,
  by: BreakdownDimension,
  cities: ReadonlyMap<string, City>,
  minBase: number,
  selection?: Selection,
): Breakdown {
  const groups = new Map<string, { key: string; label: string; rows: number[] }>();
  const push = (r: number) => {
    const city = cities.get(survey.data.cityCodes[r] ?? '');
    if (!city) return;
    const g = groupOf(city, by);
    let entry = groups.get(g.key);
    if (!entry) groups.set(g.key, (entry = { ...g, rows: [] }));
    entry.rows.push(r);
  };
  if (selection === undefined) for (let r = 0; r < survey.data.rows; r++) push(r);
  else selection.forEach(push);

  const result: BreakdownGroup[] = [...groups.values()].sort(order(by)).map((g) => {
    const aggregate = aggregateQuestion(survey, question, cities, minBase, g.rows);
    const reason = suppressionReason(aggregate.n, minBase);
    // A suppressed group keeps only its size: no aggregate, so no percentage can leak.
    if (reason !== undefined) return { key: g.key, label: g.label, n: aggregate.n, suppressed: true, reason };
    return { key: g.key, label: g.label, n: aggregate.n, suppressed: false, aggregate };
  });
  return {
    kind: 'breakdown',
    surveyId: survey.id,
    questionId: question.id,
    by,
    groups: result,
    total: aggregateQuestion(survey, question, cities, minBase, selection),
    minBase,
  };
}
