/** Consent to be named, written as numbers or words, as survey exports write it. */
import { describe, expect, it } from 'vitest';
import { loadSurveys } from '../../pipeline/stages/survey/index.js';
import { readConsent } from '../../pipeline/stages/survey/consent.js';
import { codebookYaml, edition } from './fixtures.js';
import { messages } from './helpers.js';

const head = 'city,consent,Q1,Q2,Q3_1,Q3_2,Q4';
const csv = (a: string, b: string) => `${head}\nPL-LOD,${a},3,12.5,1,0,\nPL-KRA,${b},2,8.0,1,1,\n`;

describe('consent codes', () => {
  it.each([
    ['Y', 'N'], ['y', 'n'], ['yes', 'no'], ['YES', 'No'], ['true', 'false'], ['TRUE', 'False'], ['1', '0'], ['1', '2'], ['ja', 'nein'], ['Oui', 'Non'],
  ])('%s / %s read as named / anonymous', (a, b) => {
    const { bundle, files } = loadSurveys(edition(csv(a, b)), { minBase: 1 });
    expect(messages(files)).toEqual([]);
    expect([...bundle.surveys.get('mini')!.data.consent]).toEqual([1, 0]);
  });

  it('uses the codebook codes, numbers or text, before the usual words', () => {
    expect(readConsent('2', { named: 2, anonymous: 1 })).toBe(true);
    expect(readConsent('publish', { named: 'Publish', anonymous: 'Withhold' })).toBe(true);
    expect(readConsent('withhold', { named: 'Publish', anonymous: 'Withhold' })).toBe(false);
    const book = codebookYaml().replace('questions:', 'consent: { named: Publish, anonymous: Withhold }\nquestions:');
    const { bundle, files } = loadSurveys(edition(csv('PUBLISH', 'withhold'), book), { minBase: 1 });
    expect(messages(files)).toEqual([]);
    expect([...bundle.surveys.get('mini')!.data.consent]).toEqual([1, 0]);
  });

  it('reports anything else at its cell', () => {
    const { files } = loadSurveys(edition(csv('maybe', 'N')), { minBase: 1 });
    expect(messages(files)).toEqual(['data/mini.csv:2:8 csv-code-unknown']);
  });
});
