import { describe, expect, it } from 'vitest';
import { h } from 'hastscript';
import { emitHtml, type PageMemo } from '../../pipeline/stages/emit-html/index.js';
import type { Edition } from '../../pipeline/model/edition.js';
import { makeEdition } from '../pdf/fixture.js';

const assets = { css: '', fonts: [] };

/** A memo that counts what it was asked for and what it was given. */
function countingMemo(): PageMemo & { entries: Map<string, string>; hits: number; sets: number } {
  const entries = new Map<string, string>();
  const memo = {
    entries,
    hits: 0,
    sets: 0,
    get(key: string) {
      const html = entries.get(key);
      if (html !== undefined) memo.hits += 1;
      return html;
    },
    set(key: string, html: string) {
      memo.sets += 1;
      entries.set(key, html);
    },
  };
  return memo;
}

const pages = (files: ReturnType<typeof emitHtml>) => new Map(files.filter((f) => f.path.endsWith('.html')).map((f) => [f.path, f.contents]));

describe('pages are serialised once per tree', () => {
  it('a rebuild of the same edition reuses every page, byte for byte, and an edited chapter re-serialises its own page', () => {
    const edition = makeEdition({ chapters: 4 });
    const fresh = pages(emitHtml(edition, assets));
    const memo = countingMemo();
    expect(pages(emitHtml(edition, assets, memo))).toEqual(fresh);
    expect(memo.sets).toBe(fresh.size);

    memo.hits = 0;
    memo.sets = 0;
    expect(pages(emitHtml(edition, assets, memo))).toEqual(fresh);
    expect(memo.hits).toBe(fresh.size);
    expect(memo.sets).toBe(0);

    // Chapter 2 gains a paragraph: its page changes and is serialised again; the others are reused.
    const chapter = edition.chapters[1]!;
    const content = { ...chapter.content, children: [...chapter.content.children, h('p', 'A sentence added in the edit.')] };
    const edited: Edition = { ...edition, chapters: edition.chapters.map((c, i) => (i === 1 ? { ...c, content } : c)) };
    memo.hits = 0;
    memo.sets = 0;
    const again = pages(emitHtml(edited, assets, memo));
    expect(again).toEqual(pages(emitHtml(edited, assets)));
    const changed = [...again].filter(([p, html]) => fresh.get(p) !== html).map(([p]) => p);
    expect(changed).toContain(`${chapter.slug}/index.html`);
    expect(memo.sets).toBe(changed.length);
    expect(memo.hits).toBe(fresh.size - changed.length);
  });

  it('keys pages by what makes them: a title seen only in the navigation, or the footer, re-makes every page', () => {
    const edition = makeEdition({ chapters: 4 });
    const memo = countingMemo();
    const before = pages(emitHtml(edition, assets, memo));
    // Chapter 3's new title shows on every page, in the navigation; no other page's own content changes.
    const renamed: Edition = { ...edition, chapters: edition.chapters.map((c, i) => (i === 2 ? { ...c, frontMatter: { ...c.frontMatter, title: 'A title renamed late' } } : c)) };
    memo.hits = 0;
    memo.sets = 0;
    const after = pages(emitHtml(renamed, assets, memo));
    expect(after).toEqual(pages(emitHtml(renamed, assets)));
    for (const [path, html] of after) {
      expect(html, path).toContain('A title renamed late');
      expect(html).not.toBe(before.get(path));
    }
    expect(memo.hits).toBe(0);
    // The footer's publisher, likewise.
    const republished: Edition = { ...renamed, config: { ...renamed.config, publisher: 'A publisher renamed late' } };
    memo.hits = 0;
    const footer = pages(emitHtml(republished, assets, memo));
    expect(footer).toEqual(pages(emitHtml(republished, assets)));
    expect([...footer.values()].every((html) => String(html).includes('A publisher renamed late'))).toBe(true);
    expect(memo.hits).toBe(0);
  });
});
