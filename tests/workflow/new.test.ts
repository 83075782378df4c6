import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copySampleEdition, runMonitor } from './helpers.js';

describe('monitor new', () => {
  let root: string;
  let original: string;
  beforeEach(async () => {
    root = await copySampleEdition();
    original = await readFile(path.join(root, 'edition.yaml'), 'utf8');
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const chapters = async () => {
    const text = await readFile(path.join(root, 'edition.yaml'), 'utf8');
    return text.split('\n').filter((l) => /^ {2}- .*\.md$/.test(l)).map((l) => l.slice(4));
  };

  it.each([
    ['essay', 'housing-costs', 'economic-development.md'],
    ['guest-essay', 'guest-mobility', 'guest-urban-data.md'],
    ['case-study', 'case-lodz-housing', 'case-ljubljana-culture.md'],
    ['method', 'method-mentoring', 'method-webinar.md'],
  ])('%s: writes the chapter and lists it after the last chapter of its kind, leaving the rest of edition.yaml as it was', async (kind, slug, after) => {
    const result = await runMonitor(['new', kind, slug, '--root', root]);
    expect(result.code, result.stderr).toBe(0);
    const list = await chapters();
    expect(list[list.indexOf(after) + 1]).toBe(`${slug}.md`);
    // Exactly one line was added: comments, quoting and folded text are untouched.
    const updated = await readFile(path.join(root, 'edition.yaml'), 'utf8');
    expect(updated.replace(`  - ${slug}.md\n`, '')).toBe(original);
    const md = await readFile(path.join(root, 'chapters', `${slug}.md`), 'utf8');
    expect(md).toMatch(new RegExp(`^kind: ${kind}$`, 'm'));
    expect(md).toContain('✎');
    if (kind === 'case-study') {
      for (const section of ['The challenge', 'The solution', 'Impact', 'Lessons and pitfalls', 'Transferability']) expect(md).toContain(`## ${section}\n`);
      for (const field of ['city:', 'country:', 'themes:']) expect(md).toMatch(new RegExp(`^${field}`, 'm'));
    }
    if (kind === 'method') {
      for (const section of ['How to', 'Outcomes', 'Pitfalls']) expect(md).toContain(`## ${section}\n`);
      for (const field of ['format:', 'duration:', 'participants:', 'effort:', 'themes:']) expect(md).toMatch(new RegExp(`^${field}`, 'm'));
      expect(md).toMatch(/^:::members$/m);
    }
  });

  it('writes valid front matter: the edition still checks without errors', async () => {
    for (const [kind, slug] of [['essay', 'housing-costs'], ['guest-essay', 'guest-mobility'], ['case-study', 'case-lodz-housing'], ['method', 'method-mentoring']] as const) {
      expect((await runMonitor(['new', kind, slug, '--root', root])).code).toBe(0);
    }
    const check = await runMonitor(['check', '--root', root, '--no-cache', '--format', 'json']);
    const problems = (JSON.parse(check.stdout) as { problems: { file: string; severity: string }[] }).problems;
    expect(problems.filter((p) => p.severity === 'error'), check.stdout).toEqual([]);
    expect(check.code).toBe(0);
  }, 60_000);

  it('refuses an existing slug with exit 2 and changes nothing', async () => {
    const result = await runMonitor(['new', 'essay', 'housing', '--root', root]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('already exists');
    expect(await readFile(path.join(root, 'edition.yaml'), 'utf8')).toBe(original);
  });

  it('refuses a slug used by a listed chapter that has no file yet', async () => {
    await writeFile(path.join(root, 'edition.yaml'), original.replace('  - methodology.md\n', '  - methodology.md\n  - planned.md\n'));
    const result = await runMonitor(['new', 'essay', 'planned', '--root', root]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('already listed');
  });

  it.each([['Housing Costs'], ['housing_costs'], ['housing-'], ['a--b'], ['../escape']])('refuses the invalid slug %j with exit 2', async (slug) => {
    const result = await runMonitor(['new', 'essay', slug, '--root', root]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('not a valid slug');
    expect(await readFile(path.join(root, 'edition.yaml'), 'utf8')).toBe(original);
  });

  it('refuses an unknown kind with exit 2', async () => {
    const result = await runMonitor(['new', 'novel', 'my-novel', '--root', root]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown kind');
  });
});
