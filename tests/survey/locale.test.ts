import { describe, expect, it } from 'vitest';
import { loadSurveys } from '../../pipeline/stages/survey/index.js';
import { aggregateQuestion } from '../../pipeline/stages/survey/aggregate.js';
import type { SurveyBundle } from '../../pipeline/model/survey.js';
import { answersCsv, citiesCsv, codebookYaml, edition } from './fixtures.js';
import { encodeCp1250 } from './cp1250.js';
import { messages, source } from './helpers.js';

function allAggregates(bundle: SurveyBundle) {
  const survey = bundle.surveys.get('mini')!;
  return survey.questions.map((q) => aggregateQuestion(survey, q, bundle.citiesByCode, 1));
}

const twin = loadSurveys(edition(answersCsv(',', '.')), { minBase: 1 });

describe('European CSV dialects', () => {
  it('the UTF-8 comma file loads cleanly', () => {
    expect(messages(twin.files)).toEqual([]);
    expect(twin.bundle.surveys.get('mini')!.respondents).toBe(6);
  });

  it('a Polish Excel export (windows-1250, ";" and decimal comma) gives the same aggregates', () => {
    const csv = encodeCp1250(answersCsv(';', ',', '\r\n'));
    expect(csv.includes(0x9c)).toBe(true); // "ś" as a single cp1250 byte
    const cities = encodeCp1250(citiesCsv.replaceAll(',', ';').replace(/(\d+)\.(\d+)/g, '$1,$2'));
    const files = [
      source('data/cities.csv', cities),
      source('data/cities.format.yaml', 'encoding: windows-1250\ndelimiter: ";"\ndecimal: ","\n'),
      source('data/mini.codebook.yaml', codebookYaml('file: { encoding: windows-1250, delimiter: ";", decimal: "," }\n')),
      source('data/mini.csv', csv),
    ];
    const polish = loadSurveys(files, { minBase: 1 });
    expect(messages(polish.files)).toEqual([]);
    expect(polish.bundle.cities.map((c) => c.name)).toEqual(['Łódź', 'Kraków', 'Gdańsk', 'Göteborg', 'Cluj-Napoca', 'Hamburg']);
    expect(polish.bundle.citiesByCode.get('PL-LOD')!.lat).toBe(51.76);
    expect(allAggregates(polish.bundle)).toEqual(allAggregates(twin.bundle));
  });

  it('a German Excel export (UTF-8 with BOM, ";", decimal comma, undeclared) gives the same aggregates', () => {
    const text = answersCsv(';', ',');
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    const german = loadSurveys(edition(bytes), { minBase: 1 });
    expect(messages(german.files)).toEqual([]);
    expect(allAggregates(german.bundle)).toEqual(allAggregates(twin.bundle));
  });

  it('a BOM that leaked into the first header ("\\uFEFFcity") is stripped', () => {
    const leaked = loadSurveys(edition('\uFEFF' + answersCsv(',', '.')), { minBase: 1 });
    expect(messages(leaked.files)).toEqual([]);
    expect(allAggregates(leaked.bundle)).toEqual(allAggregates(twin.bundle));
  });

  it('reads numbers with the declared decimal comma exactly', () => {
    const survey = loadSurveys(edition(answersCsv(';', ',')), { minBase: 1 }).bundle.surveys.get('mini')!;
    expect([...survey.data.columns.get('Q2')!]).toEqual([12.5, 8, Number.NaN, 20.25, 3.5, 15]);
  });
});
