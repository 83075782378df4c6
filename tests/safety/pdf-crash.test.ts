import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitPdfInto } from '../pdf/emit-into.js';
import { makeEdition } from '../pdf/fixture.js';
import { pageTexts } from '../pdf/read-pdf.js';
import { chromium, project, removeAll, tempDir } from './helpers.js';

/** Live processes whose command line mentions `needle`. */
function processesMentioning(needle: string): string[] {
  return execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(needle) && !line.includes('ps -eo'));
}

/**
 * Chromium crashing in the middle of a print (killed with SIGKILL once the page is ready) is
 * retried once with a fresh browser: the PDF is still written, and no Chromium or profile is left.
 * (A hang is covered by tests/pdf/isolation.test.ts.)
 */
describe('Chromium crash mid-print', () => {
  let dir: string;
  let printCss: string;
  beforeAll(async () => {
    dir = await tempDir('crash');
    printCss = await readFile(path.join(project, 'styles/print.css'), 'utf8');
  });
  afterAll(() => removeAll(dir));

  it('is retried once with a fresh browser, and leaves no process or profile behind', async () => {
    const lines: string[] = [];
    let killed: number | undefined;
    const result = await emitPdfInto(dir, makeEdition({ chapters: 2 }), {
      keepPrintHtml: false,
      executablePath: chromium,
      styles: { printCss },
      log: (line) => {
        lines.push(line);
        // The first browser dies as soon as its page is ready to print.
        const pid = Number(/Chromium pid (\d+)/.exec(lines.join('\n'))?.[1]);
        if (killed === undefined && /browser ready/.test(line) && Number.isInteger(pid)) {
          killed = pid;
          process.kill(-pid, 'SIGKILL'); // its whole process group: renderers too
        }
      },
    });
    expect(killed).toBeDefined();
    expect(lines.join('\n')).toMatch(/retrying once with a fresh browser/);
    expect(existsSync(result.pdfPath)).toBe(true);
    expect((await pageTexts(result.pdfPath)).join('\n')).toContain('Chapter 1');
    const profiles = lines.flatMap((l) => /profile (\S+)/.exec(l)?.[1] ?? []);
    expect(profiles).toHaveLength(2);
    for (const profile of profiles) {
      expect(processesMentioning(profile)).toEqual([]);
      expect(existsSync(profile)).toBe(false);
    }
  }, 120_000);
});
