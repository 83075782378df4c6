import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import type { ChapterContext } from '../../pipeline/stages/markdown/context.js';
import { prepareChapter, renderChapterContent } from '../../pipeline/stages/markdown/chapter.js';
import { labelsOf } from '../../pipeline/stages/markdown/labels.js';
import { resolveLocale } from '../../pipeline/locale/index.js';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** A fixed edition around the fixture chapter: one other chapter and one figure to link to. */
function context(slug: string, language: string): ChapterContext {
  return {
    slug,
    number: 3,
    locale: resolveLocale({ language }),
    profile: 'public',
    labels: labelsOf(resolveLocale({ language })),
    index: {
      chapters: new Map([
        ['other.md', { slug: 'other', title: 'Other', audience: 'public', anchors: new Set(['part-two']) }],
        [`${slug}.md`, { slug, title: 'This', audience: 'public', anchors: new Set(['section']) }],
      ]),
      figures: new Map([['fig-other', { number: '5.2', chapterSlug: 'other' }]]),
    },
    // The survey stage has its own tests; here a stat is a fixed stand-in value.
    data: { stat: (a) => ({ ok: true, value: `[stat ${a['question']}/${a['option']}]` }), block: () => undefined },
    media: new Set(['chapters/images/map.png']),
  };
}

/**
 * Each fixture folder holds input.md and the reviewed output.html. To add one, write input.md, run
 * with UPDATE_FIXTURES=1, and review the new output.html before committing it.
 */
describe('Markdown stage fixtures', () => {
  for (const name of readdirSync(dir).sort()) {
    it(name, async () => {
      const input = readFileSync(path.join(dir, name, 'input.md'));
      const { file, chapter } = prepareChapter({ path: `chapters/${name}.md`, bytes: input }, 'public', 'Members only');
      expect(chapter, String(file.messages)).toBeDefined();
      if (!chapter) return;
      const rendered = await renderChapterContent(chapter, context(chapter.slug, chapter.frontMatter.lang ?? 'en'));
      const html = toHtml(rendered.content) + '\n';
      const expectedPath = path.join(dir, name, 'output.html');
      // A missing output.html fails: only the explicit update flag writes one, to be reviewed.
      if (process.env['UPDATE_FIXTURES'] === '1') writeFileSync(expectedPath, html);
      expect(existsSync(expectedPath), `${name}/output.html is missing: run with UPDATE_FIXTURES=1 and review it`).toBe(true);
      expect(html).toBe(readFileSync(expectedPath, 'utf8'));
      expect(file.messages.filter((m) => m.fatal)).toEqual([]);
    });
  }
});
