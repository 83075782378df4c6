import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../pipeline/build.js';
import { collectProblems } from '../../pipeline/diagnostics/format.js';
import type { Emitter } from '../../pipeline/emitters/index.js';
import { chartThreadCount, closeChartWorkers, holdChartWorkers } from '../../pipeline/stages/charts/workers.js';
import { EPOCH, miniEdition, removeAll, tempDir } from '../safety/helpers.js';

/**
 * The chart threads (each with Vega and what its drawings left on its heap) end once the model is
 * made, so their memory is free while the PDF prints; the preview, which draws again on every
 * save, keeps them. Seen from an emitter: how many threads are alive while it runs.
 */
function probe(): { table: Emitter[]; seen: { threads: number; figures: number }[] } {
  const seen: { threads: number; figures: number }[] = [];
  const table: Emitter[] = [
    {
      format: 'html',
      folder: 'html',
      entry: () => 'probe.txt',
      async emit(edition) {
        const figures = edition.chapters.flatMap((c) => c.figures).filter((f) => f.svg.startsWith('<svg')).length;
        seen.push({ threads: chartThreadCount(), figures });
        return { files: [{ path: 'probe.txt', contents: 'probe' }] };
      },
    },
    // The fixture's edition.yaml names pdf too; it is not asked for (--format html).
    { format: 'pdf', folder: 'pdf', entry: () => 'never.pdf', emit: () => Promise.reject(new Error('not asked for')) },
  ];
  return { table, seen };
}

describe('chart threads during emitting', () => {
  let root: string;
  let out: string;
  beforeAll(async () => {
    root = await miniEdition('threads');
    out = await tempDir('threads-out');
  });
  afterAll(async () => {
    await closeChartWorkers();
    await removeAll(root, out);
  });

  const run = (table: Emitter[], token: string) =>
    build({ root, out, format: 'html', profile: 'public', keepPrintHtml: false, buildDate: new Date(Number(EPOCH) * 1000), runToken: token, log: () => undefined, emitters: table });

  it('have ended in a build once every chart is drawn', async () => {
    const { table, seen } = probe();
    // No cache folder is given: every chart is drawn.
    const built = await run(table, 'threads-1');
    expect(collectProblems(built.files).map((p) => `${p.file}:${p.line} ${p.rule} ${p.message}`)).toEqual([]);
    expect(seen).toEqual([{ threads: 0, figures: expect.any(Number) }]);
    expect(seen[0]!.figures).toBeGreaterThan(0);
  }, 120_000);

  it('stay while the preview (another holder) keeps them', async () => {
    await closeChartWorkers();
    const release = holdChartWorkers();
    try {
      const { table, seen } = probe();
      expect((await run(table, 'threads-2')).ok).toBe(true);
      expect(seen[0]!.threads).toBeGreaterThan(0);
    } finally {
      await release({ now: true });
    }
  }, 120_000);
});
