import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { compileEdition } from '../../pipeline/compile.js';
import type { OutputFile } from '../../pipeline/model/output.js';
import { finishSite, planSite } from '../../pipeline/stages/emit-html/index.js';
import { openSearchIndex, searchablePart } from '../../pipeline/stages/emit-html/search.js';
import { readSources } from '../../pipeline/stages/load/read-sources.js';
import { closeChartWorkers } from '../../pipeline/stages/charts/workers.js';

afterAll(() => closeChartWorkers());

/**
 * Pagefind is handed each page only up to the end of its <main> (searchablePart): the navigation
 * over every chapter and the footer stay out. The index must be, byte for byte, the index of the
 * whole pages, for every kind of page of the sample edition (home, chapters, facet pages) and
 * for both profiles.
 */
const digest = (files: readonly OutputFile[]) => files.map((f) => `${f.path} ${createHash('sha256').update(f.contents).digest('hex')}`);

async function indexOf(pages: readonly OutputFile[], language: string, whole: boolean): Promise<OutputFile[]> {
  const indexer = await openSearchIndex(language, { whole });
  for (const p of pages) indexer.add(p.path, String(p.contents));
  return indexer.finish();
}

describe('the pages as the search index reads them', () => {
  for (const profile of ['public', 'members'] as const) {
    it(`give the index of the whole pages (${profile})`, async () => {
      const result = await compileEdition(await readSources(process.cwd()), { profile, buildDate: new Date(0), drawCharts: true });
      const edition = result.edition;
      if (!edition) throw new Error('the sample edition did not compile');
      const pages = finishSite(planSite(edition, { css: '', fonts: [] }), {}).filter((f) => f.path.endsWith('.html'));
      expect(pages.length).toBeGreaterThan(20);
      // What is left out is most of a page: the navigation lists every chapter.
      const whole = pages.reduce((n, p) => n + String(p.contents).length, 0);
      const trimmed = pages.reduce((n, p) => n + searchablePart(String(p.contents)).length, 0);
      expect(trimmed).toBeLessThan(whole);
      expect(pages.every((p) => !searchablePart(String(p.contents)).includes('class="site-nav"'))).toBe(true);
      // The charts' drawings are left out too: their boxes stay, empty.
      const charted = pages.filter((p) => String(p.contents).includes('<div class="chart-svg'));
      expect(charted.length).toBeGreaterThan(5);
      for (const p of charted) expect(searchablePart(String(p.contents))).not.toMatch(/<div class="chart-svg[^"]*"><svg/);
      // So are their data tables and download links, which the index excludes.
      for (const p of charted) expect(searchablePart(String(p.contents))).not.toMatch(/class="chart-data"|class="chart-download"/);
      const language = edition.locale.primary;
      const full = await indexOf(pages, language, true);
      expect(full.length).toBeGreaterThan(3);
      expect(digest(await indexOf(pages, language, false))).toEqual(digest(full));
      // The comparison can fail: cutting the page before the end of its main text changes the index.
      const cut = pages.map((p) => ({ ...p, contents: String(p.contents).replace(/<\/h1>[\s\S]*<\/main>/, '</h1></main>') }));
      expect(digest(await indexOf(cut, language, true))).not.toEqual(digest(full));
    }, 120_000);
  }
});
