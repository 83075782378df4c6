import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BRACKETS_PER_BLOCK, MAX_CHAPTER_BYTES, MAX_NESTING } from '../../pipeline/stages/markdown/parse.js';
import { buildEdition, chapter, project, readOutputTree, removeAll, tempDir, writeEdition, type Built } from './helpers.js';

/**
 * Pathological chapters are refused with a positioned error before the parser sees them, rather
 * than hanging the build; a large but ordinary chapter still builds.
 */
const front = (title: string) => `title: ${title}\nkind: essay\nsummary: A pathological chapter.`;
// Front matter (5 lines), a blank line: the body starts on line 7.
const body = 7;

const pathological: Record<string, { text: string; expect: RegExp }> = {
  'huge.md': { text: chapter(front('Huge'), 'Five megabytes of prose. '.repeat(210_000)), expect: /^chapters\/huge\.md:1:1 error The chapter is 5\.3 MB; the limit is 2 MB markdown-too-large$/ },
  'indented.md': {
    text: chapter(front('Indented'), Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n')),
    expect: new RegExp(`^chapters/indented\\.md:${body + MAX_NESTING}:1 error .* markdown-too-deep$`),
  },
  'one-line.md': { text: chapter(front('One line'), `${'- '.repeat(1000)}deep`), expect: new RegExp(`^chapters/one-line\\.md:${body}:1 error .* markdown-too-deep$`) },
  'ordered.md': { text: chapter(front('Ordered'), `Intro.\n\n${'1. '.repeat(1000)}deep`), expect: new RegExp(`^chapters/ordered\\.md:${body + 2}:1 error .* markdown-too-deep$`) },
  'quotes.md': { text: chapter(front('Quotes'), `${'> '.repeat(1000)}deep`), expect: new RegExp(`^chapters/quotes\\.md:${body}:1 error .* markdown-too-deep$`) },
  'mixed.md': { text: chapter(front('Mixed'), `${'- > 1. '.repeat(30)}deep`), expect: new RegExp(`^chapters/mixed\\.md:${body}:1 error .* markdown-too-deep$`) },
  'directives.md': {
    text: chapter(front('Directives'), `${':::callout\n'.repeat(1000)}deep\n${':::\n'.repeat(1000)}`),
    expect: new RegExp(`^chapters/directives\\.md:${body + MAX_NESTING}:1 error .*directives are nested.* markdown-too-deep$`),
  },
  'brackets.md': {
    text: chapter(front('Brackets'), `Text.\n\n${'['.repeat(100_000)}`),
    expect: new RegExp(`^chapters/brackets\\.md:${body + 2}:${MAX_BRACKETS_PER_BLOCK + 1} error .* markdown-too-complex$`),
  },
  'links.md': {
    text: chapter(front('Links'), `${'[a]('.repeat(50_000)}`),
    expect: new RegExp(`^chapters/links\\.md:${body}:${4 * MAX_BRACKETS_PER_BLOCK + 1} error .* markdown-too-complex$`),
  },
};

describe('pathological Markdown is refused with a position, not parsed for minutes', () => {
  let root: string;
  let out: string;
  let result: Built;
  beforeAll(async () => {
    root = await writeEdition(Object.fromEntries(Object.entries(pathological).map(([name, c]) => [name, c.text])));
    out = await tempDir('limits');
    result = await buildEdition(root, out, 'html');
  }, 60_000);
  afterAll(() => removeAll(root, out));

  it('the guard limits are what the messages say', () => {
    expect(MAX_CHAPTER_BYTES).toBe(2_000_000);
    expect(pathological['huge.md']?.text.length).toBeGreaterThan(5_000_000);
  });

  it('stops the build with one error per chapter and writes nothing', async () => {
    expect(result.ok).toBe(false);
    expect(result.problems).toHaveLength(Object.keys(pathological).length);
    expect(await readOutputTree(out)).toEqual(new Map());
  });

  for (const [name, { expect: pattern }] of Object.entries(pathological)) {
    it(name, () => {
      const mine = result.problems.filter((p) => p.startsWith(`chapters/${name}:`));
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatch(pattern);
    });
  }
});

describe('a large ordinary chapter', () => {
  let root: string;
  let out: string;
  beforeAll(async () => {
    // The prose of a real essay, without its charts, references and links, repeated to 1.5 MB.
    const housing = await readFile(path.join(project, 'chapters/housing.md'), 'utf8');
    const prose = housing
      .replace(/^---[\s\S]*?\n---\n/, '')
      .split('\n')
      .filter((l) => !l.startsWith('::') && !l.startsWith('#'))
      .join('\n')
      .replace(/:(?:ref|stat)\{[^}]*\}/g, 'n')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[\^[^\]]*\]:?/g, '');
    const parts: string[] = [];
    for (let i = 1; parts.join('').length < 1_500_000; i++) parts.push(`## Section ${i}\n\n${prose}\n\n`);
    root = await writeEdition({ 'long.md': chapter(front('A very long essay'), parts.join('')) });
    out = await tempDir('long');
  });
  afterAll(() => removeAll(root, out));

  it('builds (1.5 MB)', async () => {
    const r = await buildEdition(root, out, 'html');
    expect(r.ok, r.problems.join('\n')).toBe(true);
    const page = await readFile(path.join(out, 'html/long/index.html'), 'utf8');
    expect(page.length).toBeGreaterThan(1_500_000);
    expect(page).toMatch(/<h2 id="section-\d{3}">Section \d{3}<\/h2>/);
  }, 180_000);
});
