import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEdition, chapter, readOutputTree, removeAll, tempDir, writeEdition, type Built } from './helpers.js';
import { compileFiles, essay } from './compile-helpers.js';

/**
 * Members markers cannot fail open. Every position where Markdown honours a `:::members` fence
 * keeps its passage out of the public edition (and in the members edition); every near-miss an
 * editor might type, and every fence Markdown cannot honour (inside raw HTML), is an error at its
 * line in both profiles, so it is never published as text. The body starts on line 7.
 */
const SECRET = 'Geheimnis42';

/** Positions Markdown honours: public text must not hold the secret, members text must. */
const honoured: Record<string, string> = {
  'top level': `Intro.\n\n:::members\n${SECRET}\n:::\n`,
  'after a paragraph, no blank line': `Intro.\n:::members\n${SECRET}\n:::\n`,
  'in a list item': `- item\n\n  :::members\n  ${SECRET}\n  :::\n`,
  'in a tight list item': `- item\n  :::members\n  ${SECRET}\n  :::\n- next\n`,
  'in a block quote': `> Quote.\n>\n> :::members\n> ${SECRET}\n> :::\n`,
  'inside a callout': `::::callout{title="Note"}\nOpen.\n\n:::members\n${SECRET}\n:::\n::::\n`,
  'its closing fence after raw HTML': `:::members\n<div>\n${SECRET}\n:::\n</div>\n`,
  'four colons': `::::members\n${SECRET}\n::::\n`,
  'with attributes': `:::members{.x}\n${SECRET}\n:::\n`,
  'indented three spaces': `   :::members\n${SECRET}\n:::\n`,
  'a heading inside': `:::members\n## Heading ${SECRET}\n\nText.\n:::\n`,
  'a table inside': `:::members\n| a |\n|---|\n| ${SECRET} |\n:::\n`,
  'directive with audience': `:::callout{audience=members title="${SECRET}"}\nx ${SECRET}\n:::\n`,
  'quoted audience': `:::callout{audience="members"}\n${SECRET}\n:::\n`,
};

/** Near-misses and fences Markdown cannot honour: an error at this line:column in both profiles. */
const refused: Record<string, { body: string; expect: string[] }> = {
  'space after the colons': { body: `::: members\n${SECRET}\n:::\n`, expect: ['7:1 error members-marker', '9:1 error directive-fence'] },
  'singular': { body: `:::member\n${SECRET}\n:::\n`, expect: ['7:1 error members-marker'] },
  'capitalised': { body: `:::Members\n${SECRET}\n:::\n`, expect: ['7:1 error members-marker'] },
  'members-only': { body: `:::members-only\n${SECRET}\n:::\n`, expect: ['7:1 error members-marker'] },
  'space and members-only': { body: `::: members-only\n${SECRET}\n:::\n`, expect: ['7:1 error members-marker', '9:1 error directive-fence'] },
  'two colons and a space': { body: `:: members\n${SECRET}\n`, expect: ['7:1 error members-marker'] },
  'leaf directive': { body: `::members\n\n${SECRET}\n`, expect: ['7:1 error members-marker'] },
  'text directive': { body: `Text :members[${SECRET}] more.\n`, expect: ['7:6 error members-marker'] },
  'fence in a paragraph line': { body: `Intro text\n::: members\n${SECRET}\n:::\n`, expect: ['8:1 error members-marker', '10:1 error directive-fence'] },
  'escaped fence': { body: `\\:::members\n${SECRET}\n:::\n`, expect: ['7:2 error members-marker', '9:1 error directive-fence'] },
  'emphasised name': { body: `::: *members*\n${SECRET}\n:::\n`, expect: ['7:1 error members-marker', '9:1 error directive-fence'] },
  'indented four spaces': { body: `Intro.\n\n    :::members\n${SECRET}\n:::\n`, expect: ['9:5 error members-marker', '11:1 error directive-fence'] },
  'fence mid-line': { body: `Some words :::members ${SECRET}\n`, expect: ['7:12 error members-marker'] },
  'loose audience': { body: `Text ${SECRET} {audience=members}\n`, expect: [`7:${6 + SECRET.length + 1} error members-marker`] },
  'loose audience, misspelt': { body: `Text {audience=member}\n`, expect: ['7:6 error members-marker'] },
  'directive with a space before its attributes': { body: `:::callout {audience=members}\n${SECRET}\n:::\n`, expect: ['7:1 error members-marker', '9:1 error directive-fence'] },
  'in a heading': { body: `## ::: members ${SECRET}\n`, expect: ['7:4 error members-marker'] },
  'in a table cell': { body: `| a |\n|---|\n| :::members ${SECRET} |\n`, expect: ['9:3 error members-marker'] },
  'never closed': { body: `Intro.\n\n:::members\n${SECRET}\n`, expect: ['9:1 error members-marker'] },
  'closed by a nested directive only': { body: `:::members\n:::callout\n${SECRET}\n:::\n`, expect: ['7:1 error members-marker'] },
  'inside a div, no blank line': { body: `<div>\n:::members\n${SECRET}\n:::\n</div>\n`, expect: ['8:1 error members-in-html', '10:1 error members-in-html'] },
  'inside a div, blank line after': { body: `<div>\n:::members\n\n${SECRET}\n:::\n</div>\n`, expect: ['8:1 error members-in-html', '11:1 error directive-fence'] },
  'fence swallowed by an HTML block opened inside': { body: `:::members\n<div>\n\n${SECRET}\n</div>\n`, expect: ['7:1 error members-marker'] },
  'chart audience inside HTML': { body: `<section>\n::chart[C]{#fig-x question=Q05 audience=members alt="A"}\n</section>\n`, expect: ['8:1 error members-in-html'] },
  'in an HTML comment': { body: `<!--\n:::members\n-->\n\n${SECRET}\n`, expect: ['8:1 error members-in-html'] },
};

describe('members fences in every position Markdown honours', () => {
  for (const [name, body] of Object.entries(honoured)) {
    it(name, async () => {
      const pub = await compileFiles({ 'chapters/essay.md': essay('T', body) }, 'public');
      const mem = await compileFiles({ 'chapters/essay.md': essay('T', body) }, 'members');
      expect(pub.problems).toEqual([]);
      expect(mem.problems).toEqual([]);
      expect(pub.json.get('essay')).not.toContain(SECRET);
      expect(mem.text.get('essay')).toContain(SECRET);
    });
  }
});

describe('files saved with CRLF line endings read like LF files', () => {
  const crlf = (text: string) => text.replace(/\n/g, '\r\n');
  for (const name of ['top level', 'in a list item', 'in a block quote', 'inside a callout']) {
    it(`honoured: ${name}`, async () => {
      const body = honoured[name] ?? '';
      const pub = await compileFiles({ 'chapters/essay.md': crlf(essay('T', body)) }, 'public');
      const mem = await compileFiles({ 'chapters/essay.md': crlf(essay('T', body)) }, 'members');
      expect([...pub.problems, ...mem.problems]).toEqual([]);
      expect(pub.json.get('essay')).not.toContain(SECRET);
      expect(mem.text.get('essay')).toContain(SECRET);
    });
  }
  for (const name of ['space after the colons', 'never closed', 'inside a div, no blank line', 'loose audience, misspelt']) {
    it(`refused: ${name}`, async () => {
      const r = await compileFiles({ 'chapters/essay.md': crlf(essay('T', refused[name]?.body ?? '')) });
      expect(r.problems).toEqual((refused[name]?.expect ?? []).map((e) => `chapters/essay.md:${e}`).sort());
    });
  }
});

describe('near-misses and unhonoured fences are errors at their line, in both profiles', () => {
  for (const [name, { body, expect: expected }] of Object.entries(refused)) {
    it(name, async () => {
      for (const profile of ['public', 'members'] as const) {
        const r = await compileFiles({ 'chapters/essay.md': essay('T', body) }, profile);
        expect(r.problems, profile).toEqual(expected.map((e) => `chapters/essay.md:${e}`).sort());
      }
    });
  }

  it('a fenced code block may show the syntax', async () => {
    const r = await compileFiles({ 'chapters/essay.md': essay('T', 'Write:\n\n```\n:::members\nText\n:::\n```\n\nand `{audience=members}`.\n') });
    expect(r.problems).toEqual([]);
  });
});

describe('a real build with near-misses publishes nothing', () => {
  let root: string;
  let out: string;
  let result: Built;
  const names = Object.keys(refused).map((_, i) => `c${String(i).padStart(2, '0')}.md`);
  beforeAll(async () => {
    const bodies = Object.values(refused).map((r) => r.body);
    root = await writeEdition(Object.fromEntries(names.map((n, i) => [n, chapter(`title: C${i}\nkind: essay\nsummary: S.`, bodies[i] ?? '')])));
    out = await tempDir('near-miss');
    result = await buildEdition(root, out, 'html');
  }, 120_000);
  afterAll(() => removeAll(root, out));

  it('fails, with an error in every chapter, and writes nothing', async () => {
    expect(result.ok).toBe(false);
    for (const n of names) expect(result.problems.some((p) => p.startsWith(`chapters/${n}:`) && / error /.test(p)), n).toBe(true);
    expect(await readOutputTree(out)).toEqual(new Map());
  });
});
