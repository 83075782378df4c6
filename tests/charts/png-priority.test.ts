import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { closeChartWorkers, drawPng } from '../../pipeline/stages/charts/workers.js';

/**
 * Press images and social cards are drawn while Chromium prints the PDF; on two cores they took
 * time from it. Their threads run at the lowest priority (png-worker.ts), so they use what the
 * print leaves idle. Checked as the system sees it: the nice value of each of this process's
 * threads, from /proc (Linux, where the build machines run).
 */
afterAll(async () => {
  await closeChartWorkers();
});

/** Nice value of every thread of this process: field 19 of /proc/self/task/<tid>/stat. */
function niceValues(): number[] {
  return readdirSync('/proc/self/task').flatMap((tid) => {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      // The command name (field 2) may hold spaces: count from the closing parenthesis.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return [Number(fields[16])];
    } catch {
      return []; // the thread ended meanwhile
    }
  });
}

describe('the PNG threads', () => {
  it.runIf(process.platform === 'linux')('run at the lowest priority, and only they do', async () => {
    await closeChartWorkers();
    const before = niceValues().filter((n) => n === 19).length;
    const png = await drawPng({ svg: '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#06345f"/></svg>', options: {} });
    expect(Buffer.from(png.subarray(1, 4)).toString('latin1')).toBe('PNG');
    const after = niceValues();
    expect(after.filter((n) => n === 19).length).toBeGreaterThan(before);
    // The test's own thread (and the rest of the process) keeps its priority.
    expect(after.filter((n) => n !== 19).length).toBeGreaterThan(0);
  }, 60_000);
});
