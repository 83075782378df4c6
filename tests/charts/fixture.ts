/**
 * A small synthetic survey bundle for chart tests, built straight from the model types so the
 * chart tests do not depend on the CSV loader. Answers come from a seeded generator.
 */
import type { City, Question, Region, ResponseTable, Survey, SurveyBundle } from '../../pipeline/model/survey.js';
import type { SourceFile } from '../../pipeline/model/source.js';

const cityRows: [string, string, string, Region, number, number, number][] = [
  ['SE-STO', 'Stockholm', 'SE', 'Nordic', 59.33, 18.07, 984_000],
  ['FI-HEL', 'Helsinki', 'FI', 'Nordic', 60.17, 24.94, 664_000],
  ['NO-OSL', 'Oslo', 'NO', 'Nordic', 59.91, 10.75, 709_000],
  ['DK-CPH', 'København', 'DK', 'Nordic', 55.68, 12.57, 660_000],
  ['IS-REY', 'Reykjavík', 'IS', 'Nordic', 64.15, -21.94, 139_000],
  ['FR-LYO', 'Lyon', 'FR', 'Western Europe', 45.76, 4.84, 522_000],
  ['FR-NAN', 'Nantes', 'FR', 'Western Europe', 47.22, -1.55, 320_000],
  ['DE-MUC', 'München', 'DE', 'Western Europe', 48.14, 11.58, 1_512_000],
  ['DE-LEI', 'Leipzig', 'DE', 'Western Europe', 51.34, 12.37, 616_000],
  ['NL-AMS', 'Amsterdam', 'NL', 'Western Europe', 52.37, 4.9, 918_000],
  ['NL-UTR', 'Utrecht', 'NL', 'Western Europe', 52.09, 5.12, 367_000],
  ['BE-GNT', 'Gent', 'BE', 'Western Europe', 51.05, 3.72, 265_000],
  ['AT-VIE', 'Wien', 'AT', 'Western Europe', 48.21, 16.37, 1_982_000],
  ['IE-DUB', 'Dublin', 'IE', 'Western Europe', 53.35, -6.26, 592_000],
  ['ES-BCN', 'Barcelona', 'ES', 'Southern Europe', 41.39, 2.17, 1_660_000],
  ['ES-BIO', 'Bilbao', 'ES', 'Southern Europe', 43.26, -2.93, 346_000],
  ['IT-MIL', 'Milano', 'IT', 'Southern Europe', 45.46, 9.19, 1_371_000],
  ['IT-BOL', 'Bologna', 'IT', 'Southern Europe', 44.49, 11.34, 392_000],
  ['PT-LIS', 'Lisboa', 'PT', 'Southern Europe', 38.72, -9.14, 545_000],
  ['PT-POR', 'Porto', 'PT', 'Southern Europe', 41.15, -8.61, 232_000],
  ['GR-ATH', 'Athína', 'GR', 'Southern Europe', 37.98, 23.73, 643_000],
  ['PL-LOD', 'Łódź', 'PL', 'Central and Eastern Europe', 51.76, 19.46, 658_000],
  ['PL-WAW', 'Warszawa', 'PL', 'Central and Eastern Europe', 52.23, 21.01, 1_861_000],
  ['CZ-PRG', 'Praha', 'CZ', 'Central and Eastern Europe', 50.08, 14.44, 1_357_000],
  ['CZ-BRN', 'Brno', 'CZ', 'Central and Eastern Europe', 49.2, 16.61, 382_000],
  ['SK-BTS', 'Bratislava', 'SK', 'Central and Eastern Europe', 48.15, 17.11, 475_000],
  ['HU-BUD', 'Budapest', 'HU', 'Central and Eastern Europe', 47.5, 19.04, 1_706_000],
  ['LT-VNO', 'Vilnius', 'LT', 'Central and Eastern Europe', 54.69, 25.28, 592_000],
  ['LV-RIX', 'Rīga', 'LV', 'Central and Eastern Europe', 56.95, 24.11, 605_000],
  ['EE-TLL', 'Tallinn', 'EE', 'Central and Eastern Europe', 59.44, 24.75, 457_000],
  ['RO-CLJ', 'Cluj-Napoca', 'RO', 'South-Eastern Europe', 46.77, 23.6, 286_000],
  ['BG-SOF', 'Sofia', 'BG', 'South-Eastern Europe', 42.7, 23.32, 1_248_000],
  ['HR-ZAG', 'Zagreb', 'HR', 'South-Eastern Europe', 45.81, 15.98, 767_000],
  ['SI-LJU', 'Ljubljana', 'SI', 'South-Eastern Europe', 46.06, 14.51, 295_000],
  ['RS-BEG', 'Beograd', 'RS', 'South-Eastern Europe', 44.79, 20.45, 1_198_000],
];

/** 60 respondents: every city once, and a second set of "sister" cities reusing the places. */
export const cities: City[] = cityRows.map(([code, name, country, region, lat, lon, population], i) => ({
  code,
  name,
  asciiName: name.normalize('NFD').replace(/[^\x20-\x7e]/g, ''),
  country,
  region,
  memberType: i % 7 === 0 ? 'associate' : 'full',
  lat,
  lon,
  population,
}));

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const opts = (labels: string[]) => labels.map((label, i) => ({ code: i + 1, label }));
function question(q: Partial<Question> & Pick<Question, 'id' | 'wording' | 'type' | 'columns'>): Question {
  return { options: [], bands: [], missing: [], base: 'all', unit: undefined, min: undefined, max: undefined, decimals: 0, ranks: 0, published: true, ...q };
}

export const questions: Question[] = [
  question({
    id: 'Q01', type: 'ranking', ranks: 3, columns: ['Q01_1', 'Q01_2', 'Q01_3'],
    wording: "What are your city's top three priorities for the next twelve months?",
    options: opts(['Housing', 'Climate and energy', 'Mobility', 'Economy and jobs', 'Social inclusion', 'Digital transition']),
    missing: [{ code: 99, label: 'No answer', kind: 'no-answer' }],
  }),
  question({
    id: 'Q02', type: 'scale_0_10', columns: ['Q02'],
    wording: 'On a scale from 0 to 10, how much do you trust the European Union?',
    bands: [
      { key: 'no', label: 'No trust', min: 0, max: 2 },
      { key: 'low', label: 'Low trust', min: 3, max: 4 },
      { key: 'neutral', label: 'Neutral', min: 5, max: 6 },
      { key: 'high', label: 'High trust', min: 7, max: 8 },
      { key: 'full', label: 'Full trust', min: 9, max: 10 },
    ],
    missing: [{ code: 98, label: "Don't know", kind: 'dont-know' }, { code: 99, label: 'No answer', kind: 'no-answer' }],
    min: 0, max: 10,
  }),
  question({
    id: 'Q04', type: 'likert', columns: ['Q04'],
    wording: 'How do you expect the economic situation of your city to develop over the next twelve months?',
    options: opts(['Much worse', 'Somewhat worse', 'About the same', 'Somewhat better', 'Much better']),
    missing: [{ code: 98, label: "Don't know", kind: 'dont-know' }],
  }),
  question({
    id: 'Q05', type: 'single', columns: ['Q05'],
    wording: 'How would you describe the affordability of housing in your city today?',
    options: opts(['Affordable', 'In the risk zone', 'Unaffordable']),
    missing: [{ code: 98, label: "Don't know", kind: 'dont-know' }],
  }),
  question({
    id: 'Q06', type: 'multi', columns: ['Q06_1', 'Q06_2', 'Q06_3', 'Q06_4'],
    wording: 'What are the main drivers of housing costs in your city? (Several answers possible.)',
    options: opts(['Demand above supply', 'Construction costs', 'Cost and availability of land', '=HYPERLINK("x")']),
  }),
  question({
    id: 'Q09', type: 'numeric', columns: ['Q09'], unit: 'homes per 10,000 inhabitants', min: 0, max: 100, decimals: 1, base: 'valid',
    wording: 'How many new affordable homes were completed in your city in 2025 per 10,000 inhabitants?',
    missing: [{ code: 99, label: 'Blank', kind: 'no-answer' }],
  }),
  question({
    id: 'Q14', type: 'numeric', columns: ['Q14'], unit: '% of municipal budget', min: 0, max: 100, decimals: 1, base: 'valid',
    wording: "What share of your city's 2026 budget is earmarked for climate action?",
    missing: [{ code: 99, label: 'Blank', kind: 'no-answer' }],
  }),
  question({ id: 'Q15', type: 'open', columns: ['Q15'], wording: 'What one message would you give to EU leaders?', published: false }),
];

function responses(seed: number): ResponseTable {
  const rand = lcg(seed);
  const pick = (k: number) => 1 + Math.floor(rand() * k);
  const rows = cities.length;
  const columns = new Map<string, Float64Array>();
  const col = (name: string) => {
    let c = columns.get(name);
    if (!c) columns.set(name, (c = new Float64Array(rows).fill(Number.NaN)));
    return c;
  };
  const consent = new Uint8Array(rows);
  for (let r = 0; r < rows; r++) {
    consent[r] = r % 4 === 3 ? 0 : 1;
    const ranked = [1, 2, 3, 4, 5, 6].sort(() => rand() - 0.5);
    col('Q01_1')[r] = ranked[0]!;
    col('Q01_2')[r] = ranked[1]!;
    col('Q01_3')[r] = r % 9 === 0 ? 99 : ranked[2]!;
    col('Q02')[r] = r % 11 === 0 ? 98 : Math.min(10, Math.floor(rand() * 11));
    col('Q04')[r] = r % 13 === 0 ? 98 : pick(5);
    col('Q05')[r] = r % 17 === 0 ? 98 : pick(3);
    for (let o = 1; o <= 4; o++) col(`Q06_${o}`)[r] = rand() < 0.5 ? 1 : 0;
    col('Q09')[r] = r % 10 === 0 ? Number.NaN : Math.round(rand() * 400) / 10;
    col('Q14')[r] = r % 12 === 0 ? Number.NaN : Math.round(rand() * 300) / 10;
  }
  return { rows, cityCodes: cities.map((c) => c.code), consent, columns };
}

export const survey: Survey = {
  id: 'pulse-2026',
  title: "Eurocities Pulse Mayors' Survey 2026",
  shortTitle: "Pulse Mayors' Survey 2026",
  fieldwork: { start: '2025-12-01', end: '2026-02-27' },
  population: 'Mayors of Eurocities member cities',
  populationSize: 80,
  respondents: cities.length,
  countries: new Set(cities.map((c) => c.country)).size,
  questions,
  questionsById: new Map(questions.map((q) => [q.id, q])),
  previous: {
    id: 'pulse-2025',
    title: "Eurocities Pulse Mayors' Survey 2025",
    shortTitle: "Pulse Mayors' Survey 2025",
    respondents: 30,
    questions: new Map([
      ['Q05', { n: 30, measure: 'share', shares: new Map([['1', 20], ['2', 45], ['3', 35]]) }],
      ['Q01', { n: 30, measure: 'top-three', shares: new Map([['1', 60], ['2', 50], ['3', 40], ['4', 30], ['5', 20], ['6', 10]]) }],
    ]),
  },
  data: responses(7),
  synthetic: true,
  files: { codebook: 'data/pulse-2026.codebook.yaml', csv: 'data/pulse-2026.csv', previous: 'data/pulse-2025.previous.yaml' },
};

export const bundle: SurveyBundle = {
  cities,
  citiesByCode: new Map(cities.map((c) => [c.code, c])),
  surveys: new Map([[survey.id, survey]]),
  defaultSurvey: survey.id,
  minBase: 8,
};

export function specFile(name: string, spec: unknown): SourceFile {
  return { path: `data/charts/${name}.vl.json`, bytes: new TextEncoder().encode(typeof spec === 'string' ? spec : JSON.stringify(spec)) };
}
