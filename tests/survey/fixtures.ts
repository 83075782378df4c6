/** A tiny edition data/ folder for loader tests. */
import { source } from './helpers.js';
import type { SourceFile } from '../../pipeline/model/source.js';

export const citiesCsv = [
  'code,name,ascii_name,country,region,member_type,lat,lon,population',
  'PL-LOD,Łódź,Lodz,PL,Central and Eastern Europe,full,51.76,19.46,655000',
  'PL-KRA,Kraków,Krakow,PL,Central and Eastern Europe,full,50.06,19.94,805000',
  'PL-GDA,Gdańsk,Gdansk,PL,Central and Eastern Europe,full,54.35,18.65,485000',
  'SE-GOT,Göteborg,Goteborg,SE,Nordic,full,57.71,11.97,600000',
  'RO-CLU,Cluj-Napoca,Cluj-Napoca,RO,South-Eastern Europe,full,46.77,23.59,290000',
  'DE-HAM,Hamburg,Hamburg,DE,Western Europe,full,53.55,9.99,1910000',
  '',
].join('\n');

export function codebookYaml(file = ''): string {
  return `id: mini
title: Mini survey
fieldwork: { start: 2025-12-01, end: 2026-02-27 }
population: Mayors
populationSize: 10
${file}questions:
  - id: Q1
    type: single
    wording: Housing affordability?
    options:
      - { code: 1, label: Affordable }
      - { code: 2, label: In the risk zone }
      - { code: 3, label: Unaffordable }
    missing:
      - { code: 98, label: "Don't know", kind: dont-know }
  - id: Q2
    type: numeric
    wording: Share of budget for climate?
    unit: "%"
    min: 0
    max: 100
    decimals: 1
  - id: Q3
    type: multi
    wording: Drivers?
    options:
      - { code: 1, label: Demand }
      - { code: 2, label: Costs }
  - id: Q4
    type: open
    wording: Message to the EU?
`;
}

/** Answers as rows of [city, consent, Q1, Q2, Q3_1, Q3_2, Q4]; Q2 written with a decimal point. */
export const answers: string[][] = [
  ['PL-LOD', '1', '3', '12.5', '1', '0', 'Więcej środków, mniej biurokracji'],
  ['PL-KRA', '2', '2', '8.0', '1', '1', ''],
  ['PL-GDA', '1', '3', '', '0', '1', 'Zaufajcie miastom'],
  ['SE-GOT', '1', '1', '20.25', '1', '0', 'Städer först'],
  ['RO-CLU', '2', '98', '3.5', '', '', 'Mai multă încredere'],
  ['DE-HAM', '1', '2', '15.0', '1', '1', 'Städte stärken, "jetzt"'],
];
export const header = ['city', 'consent', 'Q1', 'Q2', 'Q3_1', 'Q3_2', 'Q4'];

const quote = (s: string, delimiter: string) => (s.includes(delimiter) || s.includes('"') || s.includes('\n') ? `"${s.replace(/"/g, '""')}"` : s);

/** The answers as CSV text in a given dialect. */
export function answersCsv(delimiter: ',' | ';', decimal: '.' | ',', eol = '\n'): string {
  return [header, ...answers]
    .map((row) => row.map((cell, i) => quote(i === 3 && decimal === ',' ? cell.replace('.', ',') : cell, delimiter)).join(delimiter))
    .join(eol) + eol;
}

export function edition(csv: string | Uint8Array, codebook = codebookYaml(), extra: SourceFile[] = []): SourceFile[] {
  return [source('data/cities.csv', citiesCsv), source('data/mini.codebook.yaml', codebook), source('data/mini.csv', csv), ...extra];
}
