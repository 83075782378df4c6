import { describe, expect, it } from 'vitest';
import { compileEdition } from '../../pipeline/compile.js';
import { collectProblems } from '../../pipeline/diagnostics/format.js';
import { editionYaml, toSources } from '../helpers/edition-fixture.js';
import { answersCsv, citiesCsv, codebookYaml } from '../survey/fixtures.js';
import { encodeCp1250 } from '../survey/cp1250.js';

/**
 * One planted mistake is one reported error. Every input kind gets a clean edition that uses it
 * from several places (stats, charts, generated blocks, a custom spec, a link between chapters),
 * then one root error; what follows from it must stay silent.
 */

const spec = JSON.stringify({
  data: { name: 'mini:Q2' },
  mark: 'bar',
  encoding: { x: { field: 'value', type: 'quantitative', bin: true }, y: { aggregate: 'count', type: 'quantitative' } },
});

const essay = `---
title: Housing
kind: essay
summary: A short summary.
---

## Findings

Cities that find housing unaffordable: :stat{survey=mini question=Q1 option=3}, of :stat{survey=mini value=respondents} cities.

::chart[Housing affordability]{#fig-housing question=Q1 survey=mini alt="Bars: most cities find housing unaffordable"}

::chart[Climate budgets]{#fig-budget spec=budget alt="Bars of the climate budget shares"}

::chart[Where the cities are]{#fig-map type=map survey=mini alt="Map of the responding cities"}

See also [the annex](annex.md).
`;

const annex = `---
title: Responding cities
kind: annex
summary: Who answered.
---

## Cities

::respondents{survey=mini}

Housing is in :ref{#fig-housing}.
`;

function clean(): Map<string, string | Uint8Array> {
  return new Map<string, string | Uint8Array>([
    ['edition.yaml', `${editionYaml(['essay.md', 'annex.md'])}survey:\n  minBase: 3\n`],
    ['chapters/essay.md', essay],
    ['chapters/annex.md', annex],
    ['data/cities.csv', citiesCsv],
    ['data/mini.codebook.yaml', codebookYaml()],
    ['data/mini.csv', answersCsv(',', '.')],
    ['data/charts/budget.vl.json', spec],
  ]);
}

async function problems(files: ReadonlyMap<string, string | Uint8Array>): Promise<string[]> {
  const result = await compileEdition(toSources(files), { profile: 'public', buildDate: new Date(0), drawCharts: false });
  return collectProblems(result.files).map((p) => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.rule}`);
}

function plant(path: string, change: (text: string) => string | Uint8Array): Map<string, string | Uint8Array> {
  const files = clean();
  const before = files.get(path);
  if (typeof before !== 'string') throw new Error(`no text file ${path} in the clean edition`);
  const after = change(before);
  if (after === before) throw new Error(`the change to ${path} changed nothing`);
  files.set(path, after);
  return files;
}

/** Replace exactly one occurrence, so each case plants exactly one mistake. */
const once = (from: string | RegExp, to: string) => (text: string) => {
  const n = text.split(from).length - 1;
  if (n !== 1) throw new Error(`expected one ${String(from)}, found ${n}`);
  return text.replace(from, to);
};

const cases: { kind: string; files: () => Map<string, string | Uint8Array>; expect: string }[] = [
  { kind: 'edition.yaml', files: () => plant('edition.yaml', once('year: 2026', 'year: twenty')), expect: 'edition.yaml:2:7 error edition-field' },
  { kind: 'chapter front matter', files: () => plant('chapters/annex.md', once('kind: annex', 'kind: appendix')), expect: 'chapters/annex.md:3:7 error frontmatter-kind' },
  { kind: 'chapter encoding', files: () => plant('chapters/annex.md', (t) => encodeCp1250(t.replace('Who answered.', 'Kto odpowiedział.'))), expect: 'chapters/annex.md:4:25 error markdown-encoding' },
  { kind: 'chapter body', files: () => plant('chapters/essay.md', once('::chart[Where', '::chrat[Where')), expect: 'chapters/essay.md:15:1 error directive-unknown' },
  { kind: 'codebook', files: () => plant('data/mini.codebook.yaml', once('populationSize: 10', 'populationSize: ten')), expect: 'data/mini.codebook.yaml:5:17 error codebook-field' },
  {
    kind: 'CSV encoding',
    files: () => plant('data/mini.csv', cp1250Csv),
    expect: 'data/mini.csv:2:24 error csv-encoding',
  },
  { kind: 'CSV content', files: () => plant('data/mini.csv', once('SE-GOT,1,1,', 'SE-GOT,1,7,')), expect: 'data/mini.csv:5:10 error csv-code-unknown' },
  { kind: 'cities.csv', files: () => plant('data/cities.csv', once('SE,Nordic,', 'SE,Nordics,')), expect: 'data/cities.csv:5:29 error cities-field' },
  { kind: 'custom chart spec', files: () => plant('data/charts/budget.vl.json', once('"mark":"bar"', '"mark":"bar",')), expect: 'chapters/essay.md:13:1 error chart-spec' },
];

/** The answers saved by Excel in windows-1250, as an editor would send them. */
const cp1250Csv = (t: string) =>
  encodeCp1250(t.replace('Więcej środków, mniej biurokracji', 'Więcej środków').replace(/"Städte stärken, ""jetzt"""/, 'Städte').replace('Städer först', 'Städer').replace('Mai multă încredere', 'Mai').replace(/,Zaufajcie miastom/, ',Zaufajcie'));

describe('one root error is one reported error', () => {
  it('an encoding error is listed before the problems of other files', async () => {
    const files = plant('data/mini.csv', cp1250Csv);
    files.set('chapters/annex.md', once('kind: annex', 'kind: appendix')(files.get('chapters/annex.md') as string));
    expect(await problems(files)).toEqual(['data/mini.csv:2:24 error csv-encoding', 'chapters/annex.md:3:7 error frontmatter-kind']);
  });
  it('the clean edition has no problem', async () => {
    expect(await problems(clean())).toEqual([]);
  });
  for (const c of cases) {
    it(c.kind, async () => {
      expect(await problems(c.files())).toEqual([c.expect]);
    });
  }
});
