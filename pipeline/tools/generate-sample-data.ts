/**
 * Writes the synthetic sample data of the 2026 edition into data/:
 * cities.csv, pulse-2026.csv, pulse-2026.codebook.yaml, pulse-2025.previous.yaml.
 * Deterministic: a seeded PRNG, no clock. Run: npx tsx pipeline/tools/generate-sample-data.ts [root]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { sampleCities } from './sample-cities.js';
import { questionnaire } from './sample-questionnaire.js';

// ── Deterministic randomness ─────────────────────────────────────────────────────────────────
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(2026);
const pick = (weights: readonly number[]): number => {
  const total = weights.reduce((s, w) => s + w, 0);
  let x = rand() * total;
  for (let i = 0; i < weights.length; i++) if ((x -= weights[i]!) < 0) return i;
  return weights.length - 1;
};
const normal = (): number => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

// ── Cities ───────────────────────────────────────────────────────────────────────────────────
const regionOf: Record<string, string> = {};
const assign = (region: string, codes: string) => codes.split(' ').forEach((c) => (regionOf[c] = region));
assign('Nordic', 'DK FI IS NO SE');
assign('Western Europe', 'AT BE CH DE FR GB IE LU NL');
assign('Southern Europe', 'CY ES GR IT MT PT');
assign('Central and Eastern Europe', 'CZ EE GE HU LT LV MD PL SK UA');
assign('South-Eastern Europe', 'AL BA BG HR ME MK RO RS SI');
const eu = new Set('AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK'.split(' '));

interface SampleCity { code: string; name: string; ascii: string; country: string; region: string; type: string; lat: string; lon: string; pop: number }
const used = new Set<string>();
const cities: SampleCity[] = sampleCities.trim().split('\n').map((line) => {
  const [name, ascii, country, lat, lon, pop] = line.split('|') as [string, string, string, string, string, string];
  const letters = ascii.toUpperCase().replace(/[^A-Z]/g, '');
  let code = `${country}-${letters.slice(0, 3)}`;
  for (let k = 3; used.has(code); k++) code = `${country}-${letters.slice(0, 2)}${letters[k] ?? k}`;
  used.add(code);
  const population = Number(pop);
  const type = !eu.has(country) ? 'associate' : population >= 250000 ? 'full' : 'partner';
  return { code, name, ascii, country, region: regionOf[country]!, type, lat, lon, pop: population };
});

// ── CSV writing ──────────────────────────────────────────────────────────────────────────────
const cell = (v: string | number): string => {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const csv = (rows: readonly (readonly (string | number)[])[]) => rows.map((r) => r.map(cell).join(',')).join('\n') + '\n';

// ── Responses ────────────────────────────────────────────────────────────────────────────────
// 90 respondents in 27 countries: every country with three or more member cities, then others
// drawn at random; one city per chosen country first, the rest drawn from the remaining cities.
const shuffle = <T>(xs: readonly T[]): T[] => xs.map((x) => ({ x, k: rand() })).sort((a, b) => a.k - b.k).map((e) => e.x);
const perCountry = new Map<string, SampleCity[]>();
for (const c of cities) perCountry.set(c.country, [...(perCountry.get(c.country) ?? []), c]);
const big = [...perCountry.keys()].filter((k) => perCountry.get(k)!.length >= 3).sort();
const chosen = [...big, ...shuffle([...perCountry.keys()].filter((k) => !big.includes(k)).sort())].slice(0, 27);
const firsts = chosen.map((k) => shuffle(perCountry.get(k)!)[0]!);
// Lean towards Central and Eastern Europe so two regions reach the minimum base and three do not.
const rest = cities
  .filter((c) => chosen.includes(c.country) && !firsts.includes(c))
  .map((c) => ({ c, k: rand() - (c.region === 'Central and Eastern Europe' ? 0.5 : 0) }))
  .sort((a, b) => a.k - b.k)
  .map((e) => e.c);
const respondents = [...firsts, ...rest].slice(0, 90).sort((a, b) => a.code.localeCompare(b.code));

const tilt: Record<string, number> = { Nordic: 0.6, 'Western Europe': 0.3, 'Southern Europe': 0, 'Central and Eastern Europe': -0.2, 'South-Eastern Europe': -0.6 };
const messages = [
  'Give cities direct access to EU funds, with less paperwork.',
  'Housing is the defining challenge of this decade; treat it as one.',
  'Listen to mayors, not only to capitals.',
  'Fund the green transition where it happens: in cities, streets and homes.',
  'Keep cohesion policy place-based, simple and predictable.',
  'Trust us with responsibility, and we will deliver, faster.',
  'Public transport needs stable, long-term investment, not pilot projects.',
  'Say "cities" in every strategy, and mean it.',
  'Europe is built in its cities.\nPlease remember that when you write the next budget.',
];

const header = ['city', 'consent', 'Q01_1', 'Q01_2', 'Q01_3', 'Q02', 'Q03', 'Q04', 'Q05',
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((i) => `Q06_${i}`), ...[1, 2, 3, 4, 5, 6, 7].map((i) => `Q07_${i}`),
  'Q08', 'Q09', 'Q10', ...[1, 2, 3, 4, 5, 6].map((i) => `Q11_${i}`), 'Q12', 'Q13', 'Q14', 'Q15'];

const scale = (mean: number, sd: number) => (rand() < 0.03 ? 98 : rand() < 0.01 ? 99 : Math.round(clamp(mean + sd * normal(), 0, 10)));
const withDk = (weights: number[], dk: number) => (rand() < dk ? 98 : pick(weights) + 1);
const multi = (probs: number[]): number[] => probs.map((p) => (rand() < p ? 1 : 0));
const numeric = (median: number, spread: number, blank: number) =>
  rand() < blank ? '' : clamp(median * Math.exp(spread * normal()), 0, 60).toFixed(1);

const rows = respondents.map((city, i) => {
  const t = tilt[city.region] ?? 0;
  // Q01: up to three distinct priorities, weighted.
  const weights = [0.42, 0.36, 0.24, 0.27, 0.2, 0.12, 0.1, 0.05, 0.2, 0.1, 0.08];
  const ranked: (number | string)[] = [];
  if (i === 17) ranked.push(99, '', '');
  else {
    const count = rand() < 0.06 ? 2 : 3;
    const w = [...weights];
    for (let k = 0; k < count; k++) { const j = pick(w); ranked.push(j + 1); w[j] = 0; }
    while (ranked.length < 3) ranked.push('');
  }
  const q05Weights = [0.14 - t * 0.06, 0.46, 0.4 + t * 0.12];
  const q06 = i === 40 || i === 71 ? Array<string>(8).fill('') : multi([0.76, 0.71, 0.6, 0.45, 0.33, 0.38, 0.41, 0.08]);
  const q07 = multi([0.57, 0.43, 0.38, 0.35, 0.46, 0.22, 0.07]);
  const q11 = multi([0.48 + t * 0.1, 0.17, 0.86, 0.52 + t * 0.15, 0.3, 0]);
  if (!q11.includes(1)) q11[5] = 1; // "None of these" when nothing else was chosen
  const open = rand() < 0.3 ? '' : messages[i % messages.length]!;
  return [
    city.code, rand() < 0.75 ? 1 : 2, ...ranked,
    scale(6.5 + t, 2.2), scale(4.4 + t * 1.2, 2.1),
    withDk([0.08, 0.27 - t * 0.05, 0.38, 0.22 + t * 0.05, 0.05], 0.03),
    withDk(q05Weights, 0.04),
    ...q06, ...q07,
    withDk([0.05, 0.2 - t * 0.06, 0.3, 0.35 + t * 0.06, 0.1], 0.05),
    numeric(6 + t * 2, 0.7, 0.12),
    withDk([0.3, 0.45, 0.25], 0.03),
    ...q11,
    withDk([0.45 + t * 0.1, 0.25, 0.27], 0.03),
    withDk([0.1, 0.25, 0.35, 0.25, 0.05], 0.02),
    numeric(8 + t * 3, 0.6, 0.15),
    open,
  ];
});

// ── Codebook and previous edition ────────────────────────────────────────────────────────────
const countries = new Set(respondents.map((c) => c.country)).size;
const codebook = {
  id: 'pulse-2026',
  title: "Eurocities Pulse Mayors' Survey 2026",
  shortTitle: "Pulse Mayors' Survey 2026",
  synthetic: true,
  fieldwork: { start: '2025-12-01', end: '2026-02-27' },
  population: 'Mayors of Eurocities member cities',
  populationSize: 212,
  data: 'pulse-2026.csv',
  previous: 'pulse-2025.previous.yaml',
  file: { encoding: 'utf-8', delimiter: ',', decimal: '.' },
  idColumn: 'city',
  consentColumn: 'consent',
  consent: { named: 1, anonymous: 2 },
  questions: questionnaire,
};
const previous = {
  synthetic: true,
  id: 'pulse-2025',
  title: "Eurocities Pulse Mayors' Survey 2025",
  shortTitle: "Pulse Mayors' Survey 2025",
  respondents: 86,
  questions: {
    Q01: { n: 86, measure: 'top-three', shares: { 1: 44.2, 2: 40.7, 3: 28.0, 4: 31.4, 5: 24.4, 6: 12.8, 7: 11.6, 8: 4.7, 9: 19.8, 10: 9.3, 11: 8.1 } },
    Q02: { n: 86, shares: { no: 4.7, low: 9.3, neutral: 24.4, high: 45.3, full: 16.3 } },
    Q03: { n: 86, shares: { no: 15.1, low: 27.9, neutral: 33.7, high: 19.8, full: 3.5 } },
    Q05: { n: 86, shares: { 1: 14.0, 2: 47.0, 3: 39.0 } },
  },
};

const notice = (what: string) =>
  `# SYNTHETIC SAMPLE DATA (synthetic: true): ${what}\n# Generated by pipeline/tools/generate-sample-data.ts; edit the generator, not this file.\n`;

const root = process.argv[2] ?? '.';
const dir = join(root, 'data');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'cities.csv'), csv([
  ['code', 'name', 'ascii_name', 'country', 'region', 'member_type', 'lat', 'lon', 'population'],
  ...cities.map((c) => [c.code, c.name, c.ascii, c.country, c.region, c.type, c.lat, c.lon, c.pop]),
]));
writeFileSync(join(dir, 'pulse-2026.csv'), csv([header, ...rows]));
writeFileSync(join(dir, 'pulse-2026.codebook.yaml'), notice('invented answers for the sample edition.') + stringify(codebook, { lineWidth: 0 }));
writeFileSync(join(dir, 'pulse-2025.previous.yaml'), notice('invented figures for the sample edition.') + stringify(previous, { lineWidth: 0 }));
console.log(`data/: ${cities.length} cities; ${rows.length} respondents in ${countries} countries`);
