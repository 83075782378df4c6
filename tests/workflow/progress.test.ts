import { describe, expect, it } from 'vitest';
import { createReporter } from '../../pipeline/progress/reporter.js';

function run(verbosity: 'quiet' | 'normal' | 'verbose', tty: boolean) {
  const lines: string[] = [];
  const raw: string[] = [];
  let t = 0;
  const r = createReporter({ verbosity, tty, line: (s) => lines.push(s), raw: (s) => raw.push(s), now: () => (t += 100) });
  r.progress({ stage: 'chapters', count: 22 });
  r.log('compiled 22 chapters');
  r.progress({ stage: 'charts', count: 20 });
  const timings = r.finish();
  return { lines, raw, timings };
}

describe('progress reporter', () => {
  it('prints plain lines with counts and times when not on a terminal', () => {
    const { lines, raw, timings } = run('normal', false);
    expect(raw).toEqual([]);
    expect(lines).toEqual(['compiled 22 chapters', expect.stringMatching(/^ {2}chapters \(22\) +\d+ ms$/), expect.stringMatching(/^ {2}charts \(20\) +\d+ ms$/)]);
    expect(timings.map((t) => t.stage)).toEqual(['chapters', 'charts']);
  });
  it('updates one line in place on a terminal and clears it at the end', () => {
    const { lines, raw } = run('normal', true);
    expect(lines).toEqual(['compiled 22 chapters']);
    expect(raw.some((s) => s.includes('chapters (22)…'))).toBe(true);
    expect(raw.at(-1)).toBe('\r\x1b[K');
  });
  it('prints nothing with --quiet, and a total with --verbose', () => {
    expect(run('quiet', true).lines).toEqual([]);
    expect(run('quiet', false).lines).toEqual([]);
    expect(run('verbose', true).lines.at(-1)).toMatch(/^ {2}total +\d+ ms$/);
  });
});
