/** One fixture per rule: the exact path:line:col and rule id an editor would see. */
import { describe, expect, it } from 'vitest';
import { loadSurveys } from '../../pipeline/stages/survey/index.js';
import { catalogue } from '../../pipeline/diagnostics/catalogue.js';
import { answersCsv, citiesCsv, codebookYaml, edition } from './fixtures.js';
import { messages, reasons, source } from './helpers.js';
import type { SourceFile } from '../../pipeline/model/source.js';

const head = 'city,consent,Q1,Q2,Q3_1,Q3_2,Q4';
const ok = answersCsv(',', '.');
const rows = (...lines: string[]) => [head, ...lines].join('\n') + '\n';
const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));
const ranking = `  - id: Q5
    type: ranking
    wording: Priorities?
    ranks: 2
    options: [{ code: 1, label: A }, { code: 2, label: B }]
`;

const cases: { rule: string; files: SourceFile[]; expected: string[] }[] = [
  {
    rule: 'csv-encoding',
    files: edition(bytes(`${head}\nPL-LOD,1,3,12.5,1,0,Wi`, [0xea], 'cej\n')),
    expected: ['data/mini.csv:2:23 csv-encoding'],
  },
  {
    // The quoted line break in row 2 pushes the ragged row to line 4.
    rule: 'csv-ragged',
    files: edition(rows('PL-LOD,1,3,12.5,1,0,"Line one\nline two"', 'PL-KRA,2,2,8.0,1,1,,extra')),
    expected: ['data/mini.csv:4:21 csv-ragged'],
  },
  {
    rule: 'csv-parse',
    files: edition(rows('PL-LOD,1,3,12.5,1,0,', 'DE-HAM,1,2,15.0,1,1,"never closed')),
    expected: ['data/mini.csv:3:21 csv-parse'],
  },
  {
    rule: 'csv-column-unknown',
    files: edition(rows('PL-LOD,1,3,12.5,1,0,').replace(head, `${head},Q9`).replace('1,0,\n', '1,0,,\n')),
    expected: ['data/mini.csv:1:33 csv-column-unknown'],
  },
  {
    rule: 'csv-column-missing',
    files: edition('city,consent,Q1,Q2,Q3_1,Q3_2\nPL-LOD,1,3,12.5,1,0\n'),
    expected: ['data/mini.csv:1:1 csv-column-missing'],
  },
  {
    rule: 'csv-column-duplicate',
    files: edition(`${head},Q1\nPL-LOD,1,3,12.5,1,0,,3\n`),
    expected: ['data/mini.csv:1:33 csv-column-duplicate'],
  },
  {
    rule: 'csv-code-unknown',
    files: edition(rows('PL-LOD,1,7,12.5,1,0,')),
    expected: ['data/mini.csv:2:10 csv-code-unknown'],
  },
  {
    rule: 'csv-out-of-range',
    files: edition(rows('PL-LOD,1,3,12.5,1,0,', 'PL-KRA,2,2,120.5,1,1,')),
    expected: ['data/mini.csv:3:12 csv-out-of-range'],
  },
  {
    rule: 'csv-number',
    files: edition(rows('PL-KRA,2,2,"8,5",1,1,')),
    expected: ['data/mini.csv:2:12 csv-number'],
  },
  {
    rule: 'csv-city-unknown',
    files: edition(rows('PL-LOD,1,3,12.5,1,0,', 'PL-KRA,2,2,8.0,1,1,', 'XX-FOO,1,1,1.0,0,0,')),
    expected: ['data/mini.csv:4:1 csv-city-unknown'],
  },
  {
    rule: 'csv-city-duplicate',
    files: edition(rows('PL-LOD,1,3,12.5,1,0,', 'PL-KRA,2,2,8.0,1,1,', 'SE-GOT,1,1,1.0,0,0,', 'PL-LOD,1,1,1.0,0,0,')),
    expected: ['data/mini.csv:5:1 csv-city-duplicate'],
  },
  {
    rule: 'csv-rank-duplicate',
    files: edition(`${head},Q5_1,Q5_2\nPL-LOD,1,3,12.5,1,0,,2,2\n`, codebookYaml() + ranking),
    expected: ['data/mini.csv:2:24 csv-rank-duplicate'],
  },
  {
    rule: 'cities-field',
    files: [source('data/cities.csv', citiesCsv.replace('PL-KRA,Kraków,Krakow,PL', 'PL-KRA,Kraków,Krakow,Poland')), ...edition(ok).slice(1)],
    // Answers from the city whose row is wrong are not reported again as an unknown city.
    expected: ['data/cities.csv:3:22 cities-field'],
  },
  {
    rule: 'cities-missing',
    files: edition(ok).slice(1),
    expected: expect.arrayContaining(['data/cities.csv:?:? cities-missing']) as unknown as string[],
  },
  {
    rule: 'codebook-field',
    files: edition(ok, codebookYaml().replace('type: single', 'type: singel')),
    expected: ['data/mini.codebook.yaml:8:11 codebook-field'],
  },
  {
    rule: 'codebook-yaml',
    files: edition(ok, codebookYaml().replace('title: Mini survey', 'title: [Mini survey')),
    expected: ['data/mini.codebook.yaml:3:1 codebook-yaml'],
  },
  {
    rule: 'survey-missing',
    files: edition(ok, codebookYaml().replace('population: Mayors', 'population: Mayors\ndata: answers.csv')),
    expected: ['data/mini.codebook.yaml:5:7 survey-missing'],
  },
];

describe('every rule reports its exact place', () => {
  for (const c of cases) {
    it(c.rule, () => {
      const { files } = loadSurveys(c.files, { minBase: 1 });
      expect(messages(files)).toEqual(c.expected);
      expect(files.flatMap((f) => f.messages.map((m) => m.ruleId)).every((id) => id! in catalogue)).toBe(true);
    });
  }

  it('survey-missing for an unknown default survey names edition.yaml', () => {
    const { files, bundle } = loadSurveys(edition(ok), { minBase: 1, defaultSurvey: 'pulse-2030' });
    expect(messages(files)).toEqual(['edition.yaml:?:? survey-missing']);
    expect(bundle.surveys.has('mini')).toBe(true);
  });

  it('reports every problem of every file in one run', () => {
    const csv = rows(
      'PL-LOD,1,7,12.5,1,0,"quoted, with comma\nand a line break"',
      'PL-KRA,3,2,120.5,1,2,',
      'XX-FOO,1,1,1.0,0,0,',
      'PL-LOD,1,1,abc,0,0,',
      'SE-GOT,1,1,1.0,0',
    );
    const cities = citiesCsv.replace('SE,Nordic', 'SE,Nordics');
    const { files } = loadSurveys([source('data/cities.csv', cities), ...edition(csv).slice(1)], { minBase: 1 });
    expect(messages(files)).toEqual([
      'data/cities.csv:5:29 cities-field',
      'data/mini.csv:2:10 csv-code-unknown',
      'data/mini.csv:4:8 csv-code-unknown',
      'data/mini.csv:4:12 csv-out-of-range',
      'data/mini.csv:4:20 csv-code-unknown',
      'data/mini.csv:5:1 csv-city-unknown',
      'data/mini.csv:6:1 csv-city-duplicate',
      'data/mini.csv:6:12 csv-number',
      'data/mini.csv:7:16 csv-ragged',
    ]);
    // Reasons name the column and the value, so the editor need not count cells.
    expect(reasons(files).find((r) => r.includes('csv-out-of-range'))).toContain('Q2 (Q2): 120.5 is outside 0–100');
  });
});
