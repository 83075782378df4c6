import { resolveLocale } from '../../pipeline/locale/index.js';
import { describe, expect, it } from 'vitest';
import { findPathology, MAX_BLOCKS, MAX_EMPHASIS_PER_BLOCK, MAX_PARAGRAPH_LINES } from '../../pipeline/stages/markdown/parse.js';
import { smartenText } from '../../pipeline/stages/markdown/typography.js';
import { compileFiles, essay } from './compile-helpers.js';

/**
 * Per-paragraph passes must be linear in the paragraph's length. A quadratic pass turns a 2 MB
 * single-paragraph chapter (within the size limit) into minutes of work; these cases ran for
 * minutes before and finish in seconds now. Figures: `npm run bench` (pathological cases).
 * The generous timeouts are not speed assertions: they only stop a quadratic pass from hanging CI.
 */
const SENTENCE = 'The mayor said "we\'ll build -- and build again" in \'26... then left - quickly. ';

describe('linear per-paragraph passes', () => {
  it('smart quotes over a 1.9 MB paragraph', () => {
    const text = SENTENCE.repeat(Math.ceil(1_900_000 / SENTENCE.length));
    const out = smartenText(text, resolveLocale({ language: 'en' }).quotes);
    expect(out.startsWith('The mayor said “we’ll build – and build again” in ’26… then left – quickly. ')).toBe(true);
    expect(out.length).toBeLessThan(text.length);
  }, 30_000);

  it('a 1.9 MB single-paragraph chapter compiles', async () => {
    const body = SENTENCE.repeat(Math.ceil(1_900_000 / SENTENCE.length));
    const r = await compileFiles({ 'chapters/essay.md': essay('Long', `${body}\n`) });
    expect(r.problems).toEqual([]);
    const text = r.text.get('essay') ?? '';
    expect(text.length).toBeGreaterThan(1_800_000);
    expect(text).toContain('“we’ll build – and build again”');
  }, 120_000);

  it('the bracket guard scans each line once: 1,000,000 lines (one paragraph of 1,000 lines per block) and one bracket at the end', () => {
    const text = `${`${'a\n'.repeat(1_000)}\n`.repeat(1_000)}[end]\n`;
    expect(findPathology(text)).toBeUndefined();
  }, 30_000);

  it(`more than ${MAX_BLOCKS} paragraphs in a chapter are refused at the first one over the limit`, async () => {
    const r = await compileFiles({ 'chapters/essay.md': essay('Many', 'a\n\n'.repeat(500_000)) });
    // The front matter's two `---` fences count as blocks too.
    expect(r.problems).toEqual([`chapters/essay.md:${7 + 2 * (MAX_BLOCKS - 2)}:1 error markdown-too-complex`]);
  }, 120_000);

  it(`a paragraph of more than ${MAX_PARAGRAPH_LINES} lines is refused at the line that crosses the limit (the parser is quadratic in them)`, async () => {
    const line = `${'Lorem ipsum dolor sit amet. '.repeat(3)}\n`;
    const body = `Intro.\n\n${line.repeat(22_000)}`;
    const r = await compileFiles({ 'chapters/essay.md': essay('Lines', body) });
    expect(r.problems).toEqual([`chapters/essay.md:${7 + 2 + MAX_PARAGRAPH_LINES}:1 error markdown-too-complex`]);
  }, 120_000);

  it('a long list, a long table and many short paragraphs are not paragraphs of many lines', () => {
    const list = '- item\n'.repeat(5_000);
    const table = `| a | b |\n|---|---|\n${'| 1 | 2 |\n'.repeat(5_000)}`;
    const paragraphs = 'One line.\n\n'.repeat(5_000);
    expect(findPathology(`${list}\n${table}\n${paragraphs}`)).toBeUndefined();
  });
});

describe('emphasis delimiters', () => {
  it(`more than ${MAX_EMPHASIS_PER_BLOCK} runs of * or _ in one paragraph are refused (the parser matches them pairwise)`, async () => {
    const body = `Intro.\n\n${'a* '.repeat(30_000)}\n`;
    const r = await compileFiles({ 'chapters/essay.md': essay('Stars', body) });
    expect(r.problems).toEqual([`chapters/essay.md:9:${3 * MAX_EMPHASIS_PER_BLOCK + 2} error markdown-too-complex`]);
  }, 120_000);

  it('ordinary emphasis, snake_case and many short paragraphs stay within the limit', () => {
    const text = `${'Some *emphasis*, __strong__ and a snake_case_name.\n\n'.repeat(3_000)}${'*a* '.repeat(900)}\n`;
    expect(findPathology(text)).toBeUndefined();
  });
});
