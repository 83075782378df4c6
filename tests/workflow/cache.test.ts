import { appendFile, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetStats } from '../../pipeline/cache/store.js';
import { PreviewSite } from '../../pipeline/preview/site.js';
import { copySampleEdition } from './helpers.js';

const buildDate = new Date(Date.UTC(2026, 0, 1));

/** Incremental builds must give exactly what a build from scratch gives, and reuse what did not change. */
describe('content-hash cache', () => {
  let root: string;
  let site: PreviewSite;
  beforeAll(async () => {
    root = await copySampleEdition();
    site = new PreviewSite(root, 'public', buildDate);
    expect((await site.rebuild()).ok).toBe(true);
  }, 120_000);
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const fromScratch = async () => {
    const fresh = new PreviewSite(root, 'public', buildDate);
    expect((await fresh.rebuild()).ok).toBe(true);
    return fresh;
  };

  it('an unchanged edition reuses every chapter and chart and changes no file', async () => {
    resetStats(site.cache);
    const result = await site.rebuild();
    expect(result.changed).toEqual([]);
    expect(site.cache.stats.misses).toEqual({});
    expect(site.cache.stats.hits['chart']).toBeGreaterThan(0);
  });

  it('editing one essay re-parses and re-renders only that essay, redraws no chart, makes only its page anew, and matches a build from scratch', async () => {
    await appendFile(path.join(root, 'chapters/culture.md'), '\n\nA sentence only the cache test writes.\n');
    resetStats(site.cache);
    const result = await site.rebuild();
    expect(site.cache.stats.misses).toEqual({ prepare: 1, render: 1, page: 1 });
    expect(result.changed).toEqual(['culture/index.html']);
    const fresh = await fromScratch();
    for (const file of ['culture/index.html', 'index.html', 'housing/index.html']) expect(site.file(file)).toBe(fresh.file(file));
  }, 120_000);

  it('renaming an essay re-renders the pages that show its title (navigation, TOC) and the chapters that link to it', async () => {
    const file = path.join(root, 'chapters/housing.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^title: .*$/m, 'title: "Housing: a renamed essay"'));
    resetStats(site.cache);
    const result = await site.rebuild();
    expect(site.cache.stats.misses['chart']).toBeUndefined();
    // Every page's navigation names the chapter.
    expect(result.changed).toContain('index.html');
    expect(result.changed).toContain('culture/index.html');
    const fresh = await fromScratch();
    expect(site.paths().sort()).toEqual(fresh.paths().sort());
    for (const p of fresh.paths()) expect(site.file(p), p).toEqual(fresh.file(p));
  }, 120_000);
});
