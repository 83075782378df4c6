import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { OutputFile } from '../../pipeline/model/output.js';
import { finishSite, indexedPages, planSite, siteSearchIndex } from '../../pipeline/stages/emit-html/index.js';
import { compileFiles, essay } from '../safety/compile-helpers.js';

/**
 * The build makes the search index while the PDF prints, from pages without the documents' links
 * (indexedPages). It must be, byte for byte, the index of the pages as finished with the PDF
 * and EPUB linked in their headers.
 */
const digest = (files: readonly OutputFile[]) =>
  files.map((f) => `${f.path} ${createHash('sha256').update(f.contents).digest('hex')}`).sort();

describe('the search index made before the documents exist', () => {
  it('is the index of the finished pages, which link the PDF and the EPUB', async () => {
    const { result, problems } = await compileFiles({
      'chapters/first.md': essay('First essay', '## Housing\n\nCities bought land for cooperative housing in Vienna and Zurich.\n'),
      'chapters/second.md': essay('Second essay', '## Transport\n\nNight buses now run every twenty minutes.\n'),
    });
    expect(problems.filter((p) => p.includes(' error '))).toEqual([]);
    const edition = result.edition;
    if (!edition) throw new Error('no edition');
    const plan = planSite(edition, { css: '', fonts: [] });
    const documents = { pdf: { name: 'monitor.pdf', bytes: new Uint8Array(123_456) }, epub: { name: 'monitor.epub', bytes: new Uint8Array(65_432) } };
    const finished = finishSite(plan, documents);
    const pages = finished.filter((f) => f.path.endsWith('.html'));
    // The finished pages do link the documents, so the two sets of pages differ.
    expect(pages.every((p) => String(p.contents).includes('monitor.pdf') && String(p.contents).includes('monitor.epub'))).toBe(true);

    const made = indexedPages(plan);
    const early = await made.index;
    // Without documents, the early pages are the finished pages.
    expect(digest(await made.pages)).toEqual(digest(finishSite(plan, {}).filter((f) => f.path.endsWith('.html'))));
    const late = await siteSearchIndex(finished, edition);
    expect(early.length).toBeGreaterThan(3);
    expect(digest(early)).toEqual(digest(late));

    // A build that links documents only indexes these pages: none kept or memoised, the same index.
    const memoised: string[] = [];
    const memo = { get: () => undefined, set: (key: string) => void memoised.push(key) };
    const indexedOnly = indexedPages(plan, memo, { keep: false });
    expect(await indexedOnly.pages).toEqual([]);
    expect(digest(await indexedOnly.index)).toEqual(digest(late));
    expect(memoised).toEqual([]);
    // Kept, they are memoised (a following build reuses them).
    const kept = indexedPages(plan, memo);
    expect((await kept.pages).length).toBe(pages.length);
    await kept.index;
    expect(memoised.length).toBe(pages.length);

    // The comparison can fail: one word more in a page's main text changes the index.
    const changed = pages.map((p) => (p.path.startsWith('second/') ? { ...p, contents: String(p.contents).replace('Night buses', 'Night trams') } : p));
    expect(digest(await siteSearchIndex(changed, edition))).not.toEqual(digest(late));
  }, 60_000);
});
