import type { Element, Root, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { afterAll, describe, expect, it } from 'vitest';
import { compileEdition } from '../../pipeline/compile.js';
import { renderChapterBody } from '../../pipeline/stages/render/chapter-body.js';
import { readSources } from '../../pipeline/stages/load/read-sources.js';
import { closeChartWorkers } from '../../pipeline/stages/charts/workers.js';

afterAll(() => closeChartWorkers());

/** Every node object and every property object and list of a tree. */
function objectsOf(tree: Root): Set<object> {
  const seen = new Set<object>();
  const walk = (node: Root | RootContent): void => {
    seen.add(node);
    if (node.type === 'element') {
      seen.add(node.properties);
      for (const value of Object.values(node.properties)) if (Array.isArray(value)) seen.add(value);
      if (node.content) walk(node.content);
    }
    if ('children' in node) {
      seen.add(node.children);
      for (const child of node.children) walk(child);
    }
  };
  walk(tree);
  return seen;
}

const elements = (tree: Root | Element): Element[] =>
  tree.children.flatMap((c) => (c.type === 'element' ? [c, ...elements(c)] : []));

describe('a chapter body rendered for an edition', () => {
  it('shares no node, property object or list with the model, which stays as it was after the copy is changed', async () => {
    const { edition } = await compileEdition(await readSources(process.cwd()), { profile: 'members', buildDate: new Date(0), drawCharts: true });
    if (!edition) throw new Error('the sample edition did not compile');
    let figures = 0;
    for (const chapter of edition.chapters) {
      const before = JSON.stringify(chapter.content);
      const model = objectsOf(chapter.content);
      for (const target of ['web', 'print'] as const) {
        const body = renderChapterBody(chapter, target, { baseUrl: 'https://example.org/', locale: edition.locale });
        const html = toHtml(body);
        expect(html).not.toContain('data-monitor-figure');
        figures += (html.match(/class="chart-caption"/g) ?? []).length;
        const shared = [...objectsOf(body)].filter((o) => model.has(o));
        expect(shared, `${chapter.slug} (${target})`).toEqual([]);
        // Change everything a later stage could change: the model does not see it.
        for (const el of elements(body)) {
          el.properties['dataTouched'] = 'yes';
          const c = el.properties['className'];
          if (Array.isArray(c)) c.push('touched');
          for (const child of el.children) if (child.type === 'text') child.value = 'changed';
        }
      }
      expect(JSON.stringify(chapter.content), chapter.slug).toBe(before);
    }
    expect(figures).toBeGreaterThan(10);
  });

  it('gives pull quotes a group role in print and makes authors’ wide tables keyboard regions on the web', async () => {
    const { edition } = await compileEdition(await readSources(process.cwd()), { profile: 'public', buildDate: new Date(0), drawCharts: false });
    if (!edition) throw new Error('the sample edition did not compile');
    const all = (target: 'web' | 'print') =>
      edition.chapters.flatMap((chapter) => elements(renderChapterBody(chapter, target, { baseUrl: '', locale: edition.locale })));
    const print = all('print');
    const web = all('web');
    const quotes = print.filter((e) => e.tagName === 'figure' && !String(e.properties['className'] ?? '').includes('chart'));
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes.every((e) => e.properties['role'] === 'group')).toBe(true);
    const tables = web.filter((e) => e.tagName === 'div' && Array.isArray(e.properties['className']) && e.properties['className'].includes('table-scroll'));
    expect(tables.length).toBeGreaterThan(0);
    expect(tables.every((e) => e.properties['role'] === 'region' && e.properties['tabIndex'] === 0 && typeof e.properties['ariaLabel'] === 'string')).toBe(true);
    expect(web.filter((e) => e.tagName === 'figure' && e.properties['role'] === 'group')).toEqual([]);
  });
});
