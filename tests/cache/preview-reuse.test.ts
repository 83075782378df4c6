import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PreviewSite } from '../../pipeline/preview/site.js';
import { sampleEditionCopies } from '../workflow/helpers.js';

const buildDate = new Date(Date.UTC(2026, 0, 1));
const sampleCopy = sampleEditionCopies();

const reused = (site: PreviewSite) => ({ hits: { ...site.cache.stats.hits }, misses: { ...site.cache.stats.misses } });
const reset = (site: PreviewSite) => {
  site.cache.stats.hits = {};
  site.cache.stats.misses = {};
};

describe('preview rebuild after an essay is edited', () => {
  it('reuses the survey load and every chart plan, and serves what a fresh build serves', async () => {
    const root = await sampleCopy();
    const site = new PreviewSite(root, 'public', buildDate);
    expect((await site.rebuild()).ok).toBe(true);
    reset(site);
    await appendFile(path.join(root, 'chapters/housing.md'), '\n\nA sentence the preview must show.\n');
    expect((await site.rebuild()).ok).toBe(true);
    const stats = reused(site);
    expect(stats.misses['surveys'] ?? 0).toBe(0);
    expect(stats.hits['surveys']).toBe(1);
    expect(stats.misses['plan'] ?? 0).toBe(0);
    expect(stats.hits['plan']).toBeGreaterThan(10);

    const fresh = new PreviewSite(root, 'public', buildDate);
    await fresh.rebuild();
    expect(site.paths().sort()).toEqual(fresh.paths().sort());
    for (const p of fresh.paths()) expect(site.file(p), p).toEqual(fresh.file(p));
    expect(String(site.file('housing/index.html'))).toContain('A sentence the preview must show.');
  }, 300_000);

  it('loads the surveys again when a data file changes, and its messages are reported on every rebuild', async () => {
    const root = await sampleCopy();
    const site = new PreviewSite(root, 'public', buildDate);
    await site.rebuild();
    const codebook = path.join(root, 'data/pulse-2026.codebook.yaml');
    // An unknown field: a warning or error on the codebook, positioned.
    await writeFile(codebook, `${await readFile(codebook, 'utf8')}\nunknownField: 1\n`);
    const first = await site.rebuild();
    const onCodebook = (r: typeof first) => r.problems.filter((p) => p.file === 'data/pulse-2026.codebook.yaml').map((p) => `${p.line}:${p.column} ${p.rule}`);
    expect(onCodebook(first).length).toBeGreaterThan(0);
    reset(site);
    await appendFile(path.join(root, 'chapters/housing.md'), '\n\nAnother sentence.\n');
    const second = await site.rebuild();
    expect(site.cache.stats.hits['surveys']).toBe(1);
    expect(onCodebook(second)).toEqual(onCodebook(first));
  }, 300_000);
});
