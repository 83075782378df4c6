import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSurveys } from '../../pipeline/stages/survey/index.js';
import { MAX_FOOTNOTES, MAX_TABLE_ROWS } from '../../pipeline/stages/markdown/budgets.js';
import { MAX_IMAGE_BYTES } from '../../pipeline/stages/markdown/images.js';
import { MAX_NESTING } from '../../pipeline/stages/markdown/parse.js';
import { MAX_YAML_STRING } from '../../pipeline/diagnostics/yaml-source.js';
import { answersCsv, codebookYaml, edition } from '../survey/fixtures.js';
import { reasons } from '../survey/helpers.js';
import { compileFiles, editionYaml, essay } from './compile-helpers.js';
import { project } from './helpers.js';

/**
 * Every failure that comes from an input is a positioned error with a rule id, never a stack
 * trace: `check` must finish and list it. Bodies start on line 7.
 */
const billionLaughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
  .concat(Array.from({ length: 8 }, (_, i) => {
    const p = String.fromCharCode(97 + i);
    const n = String.fromCharCode(98 + i);
    return `${n}: &${n} [${Array(9).fill(`*${p}`).join(',')}]`;
  }))
  .join('\n');

describe('malformed % escapes in link and image addresses', () => {
  it('are link-url errors at the link, in both profiles', async () => {
    const body = 'A [link](a%zz.md), an [anchor](#sec%zz) and ![an image](img%E0%A4%A.png).\n\n[r]: other%.md\n';
    for (const profile of ['public', 'members'] as const) {
      const r = await compileFiles({ 'chapters/essay.md': essay('T', body) }, profile);
      expect(r.problems).toEqual(['chapters/essay.md:7:3 error link-url', 'chapters/essay.md:7:23 error link-url', 'chapters/essay.md:7:45 error link-url', 'chapters/essay.md:9:1 error link-url'].sort());
    }
  });
});

describe('YAML limits', () => {
  it('an alias bomb in edition.yaml', async () => {
    const yaml = `${editionYaml(['essay.md'])}${billionLaughs.replace(/^(\w):/gm, 'x$1:')}\n`;
    const r = await compileFiles({ 'edition.yaml': yaml, 'chapters/essay.md': essay('T', 'Text.\n') });
    const line = yaml.split('\n').findIndex((l) => l.includes('*a')) + 1;
    expect(r.problems).toEqual([`edition.yaml:${line}:9 error yaml-limit`]);
  });

  it('an alias bomb in front matter', async () => {
    const r = await compileFiles({ 'chapters/essay.md': essay('T', 'Text.\n', `${billionLaughs.replace(/^(\w):/gm, 'x$1:')}\n`) });
    expect(r.problems.filter((p) => p.includes('yaml-limit'))).toEqual(['chapters/essay.md:6:9 error yaml-limit']);
  });

  it('an alias bomb and an oversized string in a codebook', () => {
    const bomb = `${codebookYaml()}${billionLaughs.replace(/^(\w):/gm, 'x$1:')}\n`;
    const huge = codebookYaml().replace('wording: Housing affordability?', `wording: "${'x'.repeat(MAX_YAML_STRING + 1)}"`);
    const a = loadSurveys(edition(answersCsv(',', '.'), bomb), { minBase: 1, defaultSurvey: undefined });
    const b = loadSurveys(edition(answersCsv(',', '.'), huge), { minBase: 1, defaultSurvey: undefined });
    const bombLine = bomb.split('\n').findIndex((l) => l.includes('*a')) + 1;
    expect(reasons(a.files).filter((m) => m.includes('yaml-limit'))).toEqual([expect.stringMatching(new RegExp(`^data/mini\\.codebook\\.yaml:${bombLine}:9 yaml-limit: .*aliases`))]);
    expect(reasons(b.files).filter((m) => m.includes('yaml-limit'))).toEqual([expect.stringMatching(/^data\/mini\.codebook\.yaml:9:14 yaml-limit: This text is 100,001 characters long/)]);
  });

  it('an oversized string in front matter', async () => {
    const r = await compileFiles({ 'chapters/essay.md': `---\ntitle: T\nkind: essay\nsummary: ${'s'.repeat(MAX_YAML_STRING + 1)}\n---\n\nText.\n` });
    expect(r.problems).toEqual(['chapters/essay.md:4:10 error yaml-limit']);
  });
});

describe('raw HTML nesting counts against the Markdown limit', () => {
  it('2,000 nested <div>s are refused at the one that crosses the limit', async () => {
    const r = await compileFiles({ 'chapters/essay.md': essay('T', `Intro.\n\n${'<div>'.repeat(2000)}\ntext\n`) });
    expect(r.problems).toEqual([`chapters/essay.md:9:${5 * MAX_NESTING + 1} error markdown-too-deep`]);
  });

  it('one div per line, self-closing spellings and Markdown lists around them count too', async () => {
    const lines = Array.from({ length: 200 }, () => '<div/>').join('\n');
    const r = await compileFiles({ 'chapters/essay.md': essay('T', `${lines}\n`) });
    expect(r.problems).toEqual([`chapters/essay.md:${7 + MAX_NESTING}:1 error markdown-too-deep`]);
    const listed = `- > <div>${'<span>'.repeat(MAX_NESTING - 3)}x\n`;
    const l = await compileFiles({ 'chapters/essay.md': essay('T', listed) });
    expect(l.problems).toEqual(['chapters/essay.md:7:' + (10 + 6 * (MAX_NESTING - 4)) + ' error markdown-too-deep']);
  });

  it('ordinary raw HTML, unclosed paragraphs and list items are not deep', async () => {
    const html = `<table>${'<tr><td><p>one<p>two'.repeat(300)}</table>\n\n${'<br>'.repeat(500)}\n`;
    const r = await compileFiles({ 'chapters/essay.md': essay('T', html) });
    expect(r.problems).toEqual([]);
  });
});

describe('per-chapter budgets', () => {
  it(`more than ${MAX_FOOTNOTES} footnotes`, async () => {
    const n = MAX_FOOTNOTES + 1;
    const refs = Array.from({ length: n }, (_, i) => `Note[^${i}].`).join('\n\n');
    const defs = Array.from({ length: n }, (_, i) => `[^${i}]: Text ${i}.`).join('\n\n');
    const r = await compileFiles({ 'chapters/essay.md': essay('T', `${refs}\n\n${defs}\n`) });
    expect(r.problems).toEqual([`chapters/essay.md:${7 + 2 * MAX_FOOTNOTES}:5 error footnotes-too-many`, `chapters/essay.md:${7 + 2 * n + 2 * MAX_FOOTNOTES}:1 error footnotes-too-many`].sort());
  });

  it(`a table of more than ${MAX_TABLE_ROWS} rows`, async () => {
    const rows = Array.from({ length: MAX_TABLE_ROWS + 10 }, (_, i) => `| ${i} | x |`).join('\n');
    const r = await compileFiles({ 'chapters/essay.md': essay('T', `| n | v |\n|---|---|\n${rows}\n`) });
    expect(r.problems).toEqual([`chapters/essay.md:${9 + MAX_TABLE_ROWS - 1}:1 error table-too-long`]);
  });

  it(`an image over ${MAX_IMAGE_BYTES / 1e6} MB`, async () => {
    const big = new Uint8Array(MAX_IMAGE_BYTES + 1);
    const r = await compileFiles({ 'chapters/essay.md': essay('T', 'Intro.\n\n![A photo](images/big.png) and ![a small one](images/small.png)\n'), 'chapters/images/big.png': big, 'chapters/images/small.png': new Uint8Array(10) });
    expect(r.problems).toEqual(['chapters/essay.md:9:1 error image-too-large']);
    expect(r.result.edition?.media.has('images/big.png')).toBe(false);
  });
});

describe('inconsistencies', () => {
  it('chapter-missing points at the entry, also after a duplicate entry', async () => {
    const yaml = editionYaml(['essay.md', 'essay.md', 'essay.md', 'missing.md']);
    const r = await compileFiles({ 'edition.yaml': yaml, 'chapters/essay.md': essay('T', 'Text.\n') });
    expect(r.problems).toEqual(['edition.yaml:10:5 error chapter-duplicate', 'edition.yaml:11:5 error chapter-duplicate', 'edition.yaml:12:5 error chapter-missing']);
  });

  it('a CSV mixing CRLF and LF line endings reads like either (no duplicate messages)', () => {
    const lines = answersCsv(',', '.').trimEnd().split('\n');
    const mixed = `${lines[0]}\r\n${lines.slice(1).join('\n')}\n`;
    const alternating = `${lines.map((l, i) => `${l}${i % 2 ? '\r\n' : '\n'}`).join('')}`;
    for (const text of [mixed, alternating]) {
      const r = loadSurveys(edition(text), { minBase: 1, defaultSurvey: undefined });
      expect(reasons(r.files)).toEqual([]);
    }
    const broken = `${lines[0]}\r\n${lines[1]}\n${lines[2]?.replace('PL-KRA', '"PL-KRA')}\n`;
    const r = loadSurveys(edition(broken), { minBase: 1, defaultSurvey: undefined });
    const all = reasons(r.files);
    expect(all.length).toBeGreaterThan(0);
    expect(new Set(all).size).toBe(all.length);
  });

  it('the sample data stays clean', () => {
    const files = readdirSync(path.join(project, 'data')).filter((f) => f.endsWith('.csv'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(readFileSync(path.join(project, 'data', f), 'latin1')).not.toMatch(/\r\n[^\r]*[^\r]\n/);
  });
});
