import * as pagefind from 'pagefind';
import type { OutputFile } from './index.js';

/** The Pagefind files the site's own search script needs; the bundled UIs and playground are left out. */
const kept = /^(pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|wasm\.[a-z-]+\.pagefind|pagefind\.[a-z-]+_[0-9a-f]+\.pf_meta|(fragment|index|filter)\/[^/]+)$/;

/** Chart drawings, data tables and page furniture would only add noise to the results. */
const notIndexed = ['.chart-svg', '.chart-data', '.chart-download', '.pager', '.members-banner'];

let users = 0;

/**
 * The Pagefind search index over the given pages, as files below `pagefind/`. Pages are added one
 * by one in path order, so two builds of the same pages give the same files. Only what the pages
 * say is indexed: a public build's pages hold no members-only text, so neither does its index.
 */
export async function searchIndex(pages: readonly { readonly path: string; readonly html: string }[], language: string): Promise<OutputFile[]> {
  users += 1;
  try {
    const created = await pagefind.createIndex({ forceLanguage: language, excludeSelectors: notIndexed });
    const index = created.index;
    if (!index) throw new Error(`search index: ${created.errors.join('; ')}`);
    try {
      for (const p of [...pages].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
        const added = await index.addHTMLFile({ url: `/${p.path.replace(/index\.html$/, '')}`, content: p.html });
        if (added.errors.length > 0) throw new Error(`search index, ${p.path}: ${added.errors.join('; ')}`);
      }
      const got = await index.getFiles();
      if (got.errors.length > 0) throw new Error(`search index: ${got.errors.join('; ')}`);
      return got.files
        .filter((f) => kept.test(f.path))
        .map((f) => ({ path: `pagefind/${f.path}`, contents: f.content }))
        .sort((a, b) => (a.path < b.path ? -1 : 1));
    } finally {
      await index.deleteIndex();
    }
  } finally {
    users -= 1;
    // The indexer is a child process: stop it once no build in this process needs it.
    if (users === 0) await pagefind.close();
  }
}
