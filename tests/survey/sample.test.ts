import { describe, expect, it } from 'vitest';
import { loadSurveys } from '../../pipeline/stages/survey/index.js';
import { questionTypes } from '../../pipeline/model/survey.js';
import { codebookYaml, edition } from './fixtures.js';
import { messages, sampleSources, source } from './helpers.js';
import { aggregateQuestion } from '../../pipeline/stages/survey/aggregate.js';

describe('the shipped sample data', () => {
  const { bundle, files } = loadSurveys(sampleSources(), { minBase: 30, defaultSurvey: 'pulse-2026' });
  const survey = bundle.surveys.get('pulse-2026')!;

  it('loads with no messages', () => {
    expect(messages(files)).toEqual([]);
    expect(bundle.cities.length).toBeGreaterThanOrEqual(140);
    expect(survey.respondents).toBe(90);
    expect(survey.countries).toBe(27);
    expect(survey.synthetic).toBe(true);
    expect(survey.previous?.respondents).toBe(86);
  });

  it('has at least 12 closed questions covering every type', () => {
    const closed = survey.questions.filter((q) => q.type !== 'open');
    expect(closed.length).toBeGreaterThanOrEqual(12);
    expect(new Set(survey.questions.map((q) => q.type))).toEqual(new Set(questionTypes));
  });

  it('keeps the fixed question ids of the plan', () => {
    expect(survey.questions.map((q) => q.id)).toEqual(Array.from({ length: 15 }, (_, i) => `Q${String(i + 1).padStart(2, '0')}`));
  });

  it('names real cities with local spellings', () => {
    const names = new Set(bundle.cities.map((c) => c.name));
    for (const n of ['Łódź', 'Kraków', 'Göteborg', 'Cluj-Napoca', 'Gdańsk', 'Bilbao', 'Pau', 'Hamburg', 'Gent', 'Tampere', 'Ljubljana', 'Brno', 'Plovdiv', 'Tallinn', 'Rīga', 'Vilnius', 'Zagreb', 'Thessaloniki', 'Oslo', 'Kyiv', 'Reykjavík']) {
      expect(names, n).toContain(n);
    }
    expect(bundle.cities.find((c) => c.name === 'Oslo')!.memberType).toBe('associate');
  });
});

describe('large files', () => {
  it('streams a 200,000-row CSV and counts every row', { timeout: 60_000 }, () => {
    const rows = 200_000;
    const cities: string[] = ['code,name,ascii_name,country,region,member_type,lat,lon,population\n'];
    const answers: string[] = ['city,consent,Q1,Q2,Q3_1,Q3_2,Q4\n'];
    for (let i = 0; i < rows; i++) {
      cities.push(`C${i},Miasto ${i},Miasto ${i},PL,Central and Eastern Europe,partner,51.5,19.5,\n`);
      answers.push(`C${i},${(i % 4) + 1 === 4 ? 2 : 1},${(i % 3) + 1},${i % 100}.5,${i % 2},0,"text, ${i}"\n`);
    }
    const sources = edition(answers.join(''), codebookYaml());
    sources[0] = source('data/cities.csv', cities.join(''));
    const { files, bundle } = loadSurveys(sources, { minBase: 30 });
    expect(messages(files)).toEqual([]);
    const survey = bundle.surveys.get('mini')!;
    expect(survey.respondents).toBe(rows);
    const q1 = aggregateQuestion(survey, survey.questionsById.get('Q1')!, bundle.citiesByCode, 30);
    expect(q1.kind === 'categorical' && q1.shares.map((s) => s.count)).toEqual([66_667, 66_667, 66_666]);
  });

  it('caps the messages of a systematic error', () => {
    const codes = ['PL-LOD', 'PL-KRA', 'PL-GDA', 'SE-GOT', 'RO-CLU', 'DE-HAM'];
    const parts = ['city,consent,Q1,Q2,Q3_1,Q3_2,Q4\n'];
    for (let i = 0; i < 2000; i++) parts.push(`${codes[i % 6]},1,1,1.5,1,0,\n`);
    const { files } = loadSurveys(edition(parts.join('')), { minBase: 1 });
    const all = files.flatMap((f) => f.messages);
    expect(all.length).toBe(51); // 1994 duplicates: 50 listed plus one summary
    expect(all.at(-1)!.reason).toBe('1944 more problems of this kind were not listed');
  });
});
