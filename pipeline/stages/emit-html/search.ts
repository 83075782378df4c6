import type * as Pagefind from 'pagefind';
import type { OutputFile } from './index.js';

/** The Pagefind files the site's own search script needs; the bundled UIs and playground are left out. */
const kept = /^(pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|wasm\.[a-z-]+\.pagefind|pagefind\.[a-z-]+_[0-9a-f]+\.pf_meta|(fragment|index|filter)\/[^/]+)$/;

/** Chart drawings, data tables and page furniture would only add noise to the results. */
const notIndexed = ['.chart-svg', '.chart-data', '.chart-download', '.pager', '.members-banner'];

let users = 0;

/** A search index being filled: pages go in as they are made, the files come out at the end. */
export interface SearchIndexer {
  /** Hand one page over; Pagefind indexes it in its own process while the caller goes on. A page that is not searchable is left out. */
  add(path: string, html: string): void;
  /** The index's files, below `pagefind/`, once every page is in. */
  finish(): Promise<OutputFile[]>;
}

/**
 * A Pagefind search index. Pagefind handles its messages one at a time, in the order they are
 * sent, so pages added in the same order give the same files: callers add them in the site's
 * plan order. Only what the pages say is indexed: a public build's pages hold no members-only
 * text, so neither does its index.
 */
export async function openSearchIndex(language: string, options: { readonly whole?: boolean } = {}): Promise<SearchIndexer> {
  users += 1;
  let index: Pagefind.PagefindIndex | undefined;
  try {
    const created = await (await pagefindModule()).createIndex({ forceLanguage: language, excludeSelectors: notIndexed });
    if (!created.index) throw new Error(`search index: ${created.errors.join('; ')}`);
    index = created.index;
  } catch (error) {
    await release();
    throw error;
  }
  const open = index;
  const added: Promise<void>[] = [];
  return {
    add(path, html) {
      if (!searchable(html)) return;
      const url = `/${path.replace(/index\.html$/, '')}`;
      const content = options.whole === true ? html : searchablePart(html);
      const adding = open.addHTMLFile({ url, content }).then((result) => {
        if (result.errors.length > 0) throw new Error(`search index, ${path}: ${result.errors.join('; ')}`);
      });
      adding.catch(() => undefined); // reported by finish
      added.push(adding);
    },
    async finish() {
      try {
        await Promise.all(added);
        const got = await open.getFiles();
        if (got.errors.length > 0) throw new Error(`search index: ${got.errors.join('; ')}`);
        return got.files
          .filter((f) => kept.test(f.path))
          .map((f) => ({ path: `pagefind/${f.path}`, contents: f.content }))
          .sort((a, b) => (a.path < b.path ? -1 : 1));
      } finally {
        await open.deleteIndex().catch(() => undefined);
        await release();
      }
    },
  };
}

/**
 * Whether a page goes into the index: only pages with a `data-pagefind-body` are searchable
 * (layout.ts leaves it off facet pages). Pagefind would read the others, and then skip them.
 */
function searchable(html: string): boolean {
  return indexedMain.test(html);
}

const indexedMain = /<main\b[^>]*\sdata-pagefind-body[\s=>]/;

/**
 * What Pagefind needs of a page: everything up to the end of its `<main>` (the indexed body, the
 * head and the banner), without the navigation and the footer that follow it, and with each
 * chart's drawing taken out of its `.chart-svg` box, and its data table and download links left
 * out. None of that is indexed (only data-pagefind-body is, and those boxes are excluded), but the
 * navigation lists every chapter and the drawings are most of a chapter's bytes: Pagefind would
 * parse them all for nothing. The index is the same, byte for byte
 * (tests/web/search-trim.test.ts). A page with no `</main>` goes whole.
 */
export function searchablePart(html: string): string {
  const end = html.lastIndexOf('</main>');
  if (end < 0) return html;
  const main = html.slice(0, end + '</main>'.length).replace(unread, '$1$2');
  return `${main}</div></body></html>\n`;
}

/**
 * What of a chart Pagefind need not read (stages/render/figure.ts), cut in one pass over the page:
 * its SVG drawing, whose box stays, empty ($1$2); its data table and its download links, a tenth
 * of the bytes left.
 */
const unread = new RegExp(
  [
    /(<div class="chart-svg(?: [a-z-]+)*">)<svg\b[\s\S]*?<\/svg>(<\/div>)/.source,
    /<details class="chart-data">[\s\S]*?<\/details>/.source,
    /<ul class="chart-download">[\s\S]*?<\/ul>/.source,
  ].join('|'),
  'g',
);

/** The search index over the given pages, added in the order given. */
export async function searchIndex(pages: readonly { readonly path: string; readonly html: string }[], language: string): Promise<OutputFile[]> {
  const indexer = await openSearchIndex(language);
  for (const p of pages) indexer.add(p.path, p.html);
  return indexer.finish();
}

async function release(): Promise<void> {
  users -= 1;
  // The indexer is a child process: stop it once no build in this process needs it.
  if (users === 0) await (await pagefindModule()).close();
}

/** Pagefind is an ES module only: imported when first used, so the CommonJS bundle can load it too (scripts/bundle.mjs). */
const pagefindModule = () => import('pagefind');
