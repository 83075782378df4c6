import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copySampleEdition, runMonitor, type RunResult } from './helpers.js';

/** One error planted in each kind of source; `monitor check` must report all of them in one run. */
describe('monitor check reports every problem at once, each with its location', () => {
  let root: string;
  let result: RunResult;
  let json: { problems: { file: string; line: number; column: number; severity: string; rule: string; hint?: string }[] };

  const edit = async (rel: string, from: string | RegExp, to: string) => {
    const file = path.join(root, rel);
    const text = await readFile(file, 'utf8');
    const next = text.replace(from, to);
    if (next === text) throw new Error(`plant failed in ${rel}`);
    await writeFile(file, next);
  };

  beforeAll(async () => {
    root = await copySampleEdition();
    // edition.yaml: a chapter that does not exist (line 44 after the insert below is computed from the file).
    await edit('edition.yaml', /^  - methodology\.md$/m, '  - methodology.md\n  - missing-chapter.md');
    // Front matter: a country that is not an ISO code.
    await edit('chapters/case-pau-food.md', /^country: FR$/m, 'country: France');
    // A directive: a chart without alt text.
    await edit('chapters/climate-environment.md', / alt="Diverging stacked bar[^"]*"/, '');
    // A codebook with an unknown question type (a second, small survey).
    const codebook = (await readFile(path.join(root, 'data/pulse-2026.codebook.yaml'), 'utf8'))
      .replace(/^id: pulse-2026$/m, 'id: mini-2026')
      .replace(/^data: pulse-2026\.csv$/m, 'data: mini-2026.csv')
      .replace(/^previous: .*\n/m, '')
      .replace(/^questions:[\s\S]*$/m, 'questions:\n  - id: M01\n    type: yes-no\n    wording: Does your city have a housing strategy?\n    options:\n      - code: 1\n        label: "Yes"\n');
    await writeFile(path.join(root, 'data/mini-2026.codebook.yaml'), codebook);
    await writeFile(path.join(root, 'data/mini-2026.csv'), 'city,consent,M01\nAT-GRA,1,1\n');
    // A CSV cell with an option code the codebook does not list (Q05 of the first row).
    await edit('data/pulse-2026.csv', /^AT-GRA,1,4,1,9,4,3,2,3,/m, 'AT-GRA,1,4,1,9,4,3,2,7,');

    result = await runMonitor(['check', '--root', root, '--no-cache'], { cwd: root });
    json = JSON.parse((await runMonitor(['check', '--root', root, '--no-cache', '--format', 'json'], { cwd: root })).stdout) as typeof json;
  }, 120_000);

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('exits with 1', () => {
    expect(result.code, result.stderr).toBe(1);
  });

  const planted = [
    { where: 'edition.yaml', rule: 'chapter-missing', file: 'edition.yaml', text: /^  - missing-chapter\.md$/m, column: 5 },
    { where: 'front matter', rule: 'frontmatter-country', file: 'chapters/case-pau-food.md', text: /^country: France$/m, column: 10 },
    { where: 'a directive', rule: 'chart-alt', file: 'chapters/climate-environment.md', text: /^::chart\[Are cities on track/m, column: 1 },
    { where: 'a codebook', rule: 'codebook-field', file: 'data/mini-2026.codebook.yaml', text: /^    type: yes-no$/m, column: 11 },
    { where: 'a CSV', rule: 'csv-code-unknown', file: 'data/pulse-2026.csv', text: /^AT-GRA,/m, column: 22 },
  ];

  for (const p of planted) {
    it(`reports the error in ${p.where} as path:line:col severity message rule-id, with a hint`, async () => {
      const text = await readFile(path.join(root, p.file), 'utf8');
      const line = text.slice(0, text.search(p.text)).split('\n').length;
      const lines = result.stdout.split('\n');
      const i = lines.findIndex((l) => l.startsWith(`${p.file}:${line}:`) && l.endsWith(`  ${p.rule}`));
      expect(i, result.stdout).toBeGreaterThanOrEqual(0);
      expect(lines[i]).toMatch(new RegExp(`^${p.file.replace(/\./g, '\\.')}:${line}:${p.column} error \\S.* ${p.rule}$`));
      expect(lines[i + 1]).toMatch(/^ {2}hint: \S/);
      const inJson = json.problems.find((q) => q.rule === p.rule && q.file === p.file);
      expect(inJson).toMatchObject({ line, column: p.column, severity: 'error' });
    });
  }

  it('ends with a summary that counts them', () => {
    const summary = result.stdout.trim().split('\n').at(-1) ?? '';
    expect(summary).toMatch(/^(\d+) errors?, \d+ warnings?$/);
    expect(Number(/^(\d+)/.exec(summary)?.[1])).toBeGreaterThanOrEqual(planted.length);
  });
});
