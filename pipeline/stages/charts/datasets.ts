import type { Locale } from '../../locale/index.js';
/**
 * Per-city rows that custom specs may name: `<survey>:<question>` and `<survey>:respondents`.
 * This is row extraction, not aggregation: custom specs aggregate in Vega-Lite themselves.
 * Only cities that consented are named; the others become "Anonymous city 1, 2, …", numbered
 * after sorting by value so the numbering says nothing about which city is which.
 */
import type { City, Question, Survey, SurveyBundle } from '../../model/survey.js';
import type { TableColumn } from '../../model/figure.js';
import { minCountryCount } from '../survey/disclosure.js';

export type DatasetRow = Readonly<Record<string, string | number>>;

export interface Dataset {
  readonly id: string;
  readonly survey: Survey;
  readonly question: Question | undefined;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly DatasetRow[];
  /** Cities contributing at least one row. */
  readonly n: number;
}

interface Raw {
  readonly city: City | undefined;
  readonly named: boolean;
  readonly fields: Record<string, string | number>;
  readonly sortKey: string | number;
}

export function resolveDataset(id: string, bundle: SurveyBundle, locale: Locale): Dataset | string {
  const m = /^([A-Za-z0-9_.-]+):([A-Za-z0-9_.-]+)$/.exec(id);
  if (!m) return `"${id}" is not a dataset id; write "<survey>:<question>" or "<survey>:respondents", e.g. "pulse-2026:Q14"`;
  const survey = bundle.surveys.get(m[1]!);
  if (!survey) return `dataset "${id}" names survey "${m[1]}", which is not in data/`;
  const key = m[2]!;
  if (key === 'respondents') return respondents(id, survey, bundle, locale);
  const question = survey.questionsById.get(key);
  if (!question) return `dataset "${id}" names question "${key}", which is not in the codebook of ${survey.id}`;
  if (question.type === 'open' || !question.published) return `dataset "${id}": answers to open question ${key} are never published`;
  return answers(id, survey, question, bundle, locale);
}

function respondents(id: string, survey: Survey, bundle: SurveyBundle, locale: Locale): Dataset {
  const raws: Raw[] = [];
  survey.data.cityCodes.forEach((code, row) => {
    const city = bundle.citiesByCode.get(code);
    raws.push({ city, named: survey.data.consent[row] === 1, fields: { member_type: city?.memberType ?? '' }, sortKey: city?.country ?? '' });
  });
  const columns: TableColumn[] = [...placeColumns(locale), { key: 'member_type', label: locale.t('memberType') }];
  return { id, survey, question: undefined, columns, rows: finish(raws, locale), n: raws.length };
}

const placeColumns = (locale: Locale): TableColumn[] => [
  { key: 'city', label: locale.t('city') },
  { key: 'country', label: locale.t('country') },
  { key: 'region', label: locale.t('region') },
];

function answers(id: string, survey: Survey, question: Question, bundle: SurveyBundle, locale: Locale): Dataset {
  const missing = new Set(question.missing.map((m) => m.code));
  const labelOf = new Map<number, string>(question.options.map((o) => [o.code, o.label]));
  const raws: Raw[] = [];
  const cities = new Set<number>();
  const data = survey.data;
  const col = (name: string | undefined) => (name === undefined ? undefined : data.columns.get(name));
  for (let row = 0; row < data.rows; row++) {
    const city = bundle.citiesByCode.get(data.cityCodes[row] ?? '');
    const named = data.consent[row] === 1;
    const push = (fields: Record<string, string | number>, sortKey: string | number) => {
      raws.push({ city, named, fields, sortKey });
      cities.add(row);
    };
    if (question.type === 'multi') {
      question.columns.forEach((name, i) => {
        const option = question.options[i];
        if (option && col(name)?.[row] === 1) push({ value: option.label }, option.code);
      });
    } else if (question.type === 'ranking') {
      question.columns.forEach((name, i) => {
        const v = col(name)?.[row];
        const label = v === undefined ? undefined : labelOf.get(v);
        if (label !== undefined) push({ rank: i + 1, value: label }, v!);
      });
    } else {
      const v = col(question.columns[0])?.[row];
      if (v === undefined || Number.isNaN(v) || missing.has(v)) continue;
      if (question.type === 'numeric' || question.type === 'scale_0_10') push({ value: v }, v);
      else {
        const label = labelOf.get(v);
        if (label !== undefined) push({ value: label }, v);
      }
    }
  }
  const columns: TableColumn[] = [
    ...placeColumns(locale),
    ...(question.type === 'ranking' ? [{ key: 'rank', label: locale.t('rank'), numeric: true }] : []),
    { key: 'value', label: question.unit ? locale.t('valueUnit', { unit: question.unit }) : locale.t('answer'), numeric: question.type === 'numeric' || question.type === 'scale_0_10' },
  ];
  return { id, survey, question, columns, rows: finish(raws, locale), n: cities.size };
}

/** Sort by value, then place; then name consenting cities and number the others. */
function finish(raws: Raw[], locale: Locale): DatasetRow[] {
  const sorted = [...raws].sort(
    (a, b) =>
      compare(a.sortKey, b.sortKey) ||
      compare(a.city?.country ?? '', b.city?.country ?? '') ||
      compare(a.city?.region ?? '', b.city?.region ?? '') ||
      // Named cities by name; anonymous ones keep their (value, place) order only.
      Number(b.named) - Number(a.named) ||
      (a.named && b.named ? compare(a.city?.name ?? '', b.city?.name ?? '') : 0),
  );
  const anonymous = new Map<City | undefined, number>();
  // An anonymous city in a country with fewer than k respondents would be identified by its
  // country: such rows say "Other country" instead.
  const perCountry = new Map<string, Set<City>>();
  for (const r of raws) if (r.city) perCountry.set(r.city.country, (perCountry.get(r.city.country) ?? new Set()).add(r.city));
  const countryOf = (r: Raw) => {
    const c = r.city?.country ?? '';
    return r.named || (perCountry.get(c)?.size ?? 0) >= minCountryCount ? c : locale.t('otherCountry');
  };
  return sorted.map((r) => {
    let name: string;
    if (r.named && r.city) name = r.city.name;
    else {
      // One number per city, even when a city contributes several rows (multi, ranking).
      let k = r.city ? anonymous.get(r.city) : undefined;
      if (k === undefined) {
        k = anonymous.size + 1;
        if (r.city) anonymous.set(r.city, k);
      }
      name = locale.t('anonymousCityN', { n: k });
    }
    return { city: name, country: countryOf(r), region: r.city?.region ?? '', ...r.fields };
  });
}

function compare(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}
