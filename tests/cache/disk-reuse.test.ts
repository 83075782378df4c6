import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encode } from '../../pipeline/cache/codec.js';
import { DiskStore } from '../../pipeline/cache/store.js';
import { compileEdition } from '../../pipeline/compile.js';
import { collectProblems } from '../../pipeline/diagnostics/format.js';
import { readSources } from '../../pipeline/stages/load/read-sources.js';
import { sampleEditionCopies } from '../workflow/helpers.js';

const buildDate = new Date(Date.UTC(2026, 0, 1));
const sampleCopy = sampleEditionCopies();

describe('the disk cache between CLI runs', () => {
  it('reuses the survey load and every chart plan, and the model is the one a fresh compile makes', async () => {
    const root = await sampleCopy();
    const sources = await readSources(root);
    const dir = path.join(root, '.monitor-cache');
    const compile = (cache: DiskStore | undefined) => compileEdition(sources, { profile: 'public', buildDate, drawCharts: true, ...(cache ? { cache } : {}) });

    const first = await DiskStore.open(dir, 'test-version', 'run-1');
    await compile(first);
    expect(first.stats.hits['surveys'] ?? 0).toBe(0);
    await first.flush();

    const second = await DiskStore.open(dir, 'test-version', 'run-2');
    const reused = await compile(second);
    expect(second.stats.hits['surveys']).toBe(1);
    expect(second.stats.misses['plan'] ?? 0).toBe(0);
    expect(second.stats.hits['plan']).toBeGreaterThan(10);

    const fresh = await compile(undefined);
    const figures = (r: typeof fresh) => encode(r.edition?.chapters.map((c) => c.figures));
    expect(figures(reused)).toEqual(figures(fresh));
    expect(collectProblems(reused.files)).toEqual(collectProblems(fresh.files));
  });
});
