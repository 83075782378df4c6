import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describePrintFailure, withBrowserState } from '../../pipeline/stages/emit-pdf/errors.js';
import { printBudget } from '../../pipeline/stages/emit-pdf/budget.js';
import { PrintTimeoutError } from '../../pipeline/stages/emit-pdf/print.js';
import { buildEdition, chapter, EPOCH, monitor, removeAll, tempDir, writeEdition } from './helpers.js';

/**
 * A document too large for Chromium to print is refused before printing, with a positioned
 * `pdf-too-large` error at the chapter that makes it big (not "Chromium crashed… rerun"), and a
 * print that does fail says what happened.
 */
const essay = (n: number, body: string) => chapter(`title: Essay ${n}\nkind: essay\nsummary: Essay number ${n}.`, `## Part one\n\n${body}\n`);
const footnotes = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => `Claim ${i}.[^${prefix}${i}]`).join(' ') + '\n\n' + Array.from({ length: n }, (_, i) => `[^${prefix}${i}]: Source ${i}.`).join('\n');
const table = (rows: number) => ['| City | Value |', '| --- | ---: |', ...Array.from({ length: rows }, (_, i) => `| City ${i} | ${i} |`)].join('\n');

describe('the print budget', () => {
  const dirs: string[] = [];
  afterAll(() => removeAll(...dirs));

  it('names the chapter that makes the document big, at path:1:1, and never starts Chromium', async () => {
    const root = await writeEdition({ 'small.md': essay(1, footnotes(2, 'a')), 'big.md': essay(2, footnotes(4, 'b')) });
    const out = await tempDir('budget-out');
    dirs.push(root, out);
    const lines: string[] = [];
    const r = await buildEdition(root, out, 'all', 'public', undefined, { printBudget: { ...printBudget, footnotes: 5 }, log: (l) => lines.push(l) });
    expect(r.ok).toBe(false);
    const problem = r.problems.find((p) => p.endsWith(' pdf-too-large'));
    expect(problem).toMatch(/^chapters\/big\.md:1:1 error The PDF edition is too large to print: 6 footnotes in all, over the limit of 5 footnotes; this chapter holds 4 footnotes of it pdf-too-large$/);
    expect(lines.join('\n')).not.toMatch(/Chromium pid/);
    expect(await readFile(path.join(out, 'html/index.html')).then(() => true, () => false)).toBe(false);
  }, 60_000);

  it('an HTML-only build is not limited by the print budget', async () => {
    const root = await writeEdition({ 'big.md': essay(1, footnotes(4, 'b')) });
    const out = await tempDir('budget-html');
    dirs.push(root, out);
    const r = await buildEdition(root, out, 'html', 'public', undefined, { printBudget: { ...printBudget, footnotes: 1 } });
    expect(r.ok, r.problems.join('\n')).toBe(true);
  }, 60_000);

  describe('real sizes, through the CLI', () => {
    let out: string;
    beforeAll(async () => {
      out = await tempDir('budget-cli');
      dirs.push(out);
    });

    it(`${(printBudget.tableRows + 1_000).toLocaleString('en-GB')} table rows over five chapters: exit 1, the largest chapter named`, async () => {
      const per = Math.ceil((printBudget.tableRows + 1_000) / 5);
      const chapters: Record<string, string> = {};
      for (let i = 1; i <= 5; i++) chapters[`t${i}.md`] = essay(i, table(per + (i === 3 ? 10 : 0)));
      const root = await writeEdition(chapters);
      dirs.push(root);
      const r = await monitor(['build', '--root', root, '--out', out, '--format', 'pdf', '--no-cache'], { SOURCE_DATE_EPOCH: EPOCH });
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/chapters\/t3\.md:1:1 +error +The PDF edition is too large to print: [\d,]+ table rows in all/);
      expect(r.stderr).toMatch(/pdf-too-large/);
      expect(r.stderr).toMatch(/split|shorten|CSV/i);
      expect(r.stderr).not.toMatch(/Chromium (pid|crashed|failed)/);
    }, 300_000);

    it(`${((printBudget.imageBytes * 1.1) / 1e6).toFixed(0)} MB of images over seven chapters: exit 1, the chapter with the most named`, async () => {
      const chapters: Record<string, string> = {};
      for (let i = 1; i <= 7; i++) chapters[`i${i}.md`] = essay(i, `![Photo ${i} of the city.](images/p${i}.png)`);
      const root = await writeEdition(chapters);
      dirs.push(root);
      await mkdir(path.join(root, 'chapters/images'));
      const each = Math.ceil((printBudget.imageBytes * 1.1) / 7);
      for (let i = 1; i <= 7; i++) {
        const bytes = Buffer.alloc(each + (i === 5 ? 1000 : 0));
        Buffer.from('89504e470d0a1a0a', 'hex').copy(bytes);
        await writeFile(path.join(root, `chapters/images/p${i}.png`), bytes);
      }
      const r = await monitor(['build', '--root', root, '--out', out, '--format', 'all', '--no-cache'], { SOURCE_DATE_EPOCH: EPOCH });
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/chapters\/i5\.md:1:1 +error +The PDF edition is too large to print: [\d.]+ MB of images in all/);
      expect(r.stderr).not.toMatch(/Chromium (pid|crashed|failed)/);
    }, 300_000);
  });
});

describe('an honest message when Chromium fails', () => {
  it('a timeout says it timed out', () => {
    expect(describePrintFailure(new PrintTimeoutError(60_000))).toMatch(/^it timed out \(printing did not finish within 60000 ms\)$/);
  });
  it('Chromium killed with SIGKILL says out of memory', () => {
    const e = withBrowserState(new Error('Protocol error: Target closed'), { exit: { code: null, signal: 'SIGKILL' } });
    expect(describePrintFailure(e)).toMatch(/killed \(SIGKILL\).*out of memory/);
  });
  it('a crashed page says so', () => {
    const e = withBrowserState(new Error('Navigating frame was detached'), { pageCrashed: true });
    expect(describePrintFailure(e)).toMatch(/page being printed crashed.*out of memory/);
  });
  it('an unexpected exit gives its code', () => {
    const e = withBrowserState(new Error('Target closed'), { exit: { code: 11, signal: null } });
    expect(describePrintFailure(e)).toBe('Chromium exited unexpectedly (exit code 11)');
  });
});
