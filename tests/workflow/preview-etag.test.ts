import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../../pipeline/preview/server.js';
import { ASSETS_DIR } from '../../pipeline/stages/emit-html/site-paths.js';
import { copySampleEdition } from './helpers.js';

let preview: Preview | undefined;
let root = '';
afterAll(async () => {
  await preview?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('preview: what the browser may keep between reloads', () => {
  it('revalidates styles with an entity tag (304 while unchanged), and never lets a page be stored', async () => {
    root = await copySampleEdition();
    preview = await startPreview({ root, port: 0, host: '127.0.0.1', profile: 'public', buildDate: new Date(Date.UTC(2026, 0, 1)), log: () => {}, debounceMs: 10 });
    const css = new URL(`${ASSETS_DIR}/site.css`, preview.url).href;
    const first = await fetch(css);
    const tag = first.headers.get('etag');
    expect(first.status).toBe(200);
    expect(tag).toMatch(/^".+"$/);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const again = await fetch(css, { headers: { 'if-none-match': tag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');

    const page = await fetch(new URL('housing/', preview.url));
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('etag')).toBeNull();

    // The edition's own stylesheet changes site.css: the old tag no longer matches.
    await mkdir(path.join(root, 'styles'), { recursive: true });
    await writeFile(path.join(root, 'styles', 'web.css'), '.an-edition-override { color: red; }\n');
    await new Promise((r) => setTimeout(r, 200));
    await preview.settled();
    const changed = await fetch(css, { headers: { 'if-none-match': tag! } });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toContain('.an-edition-override');
    expect(changed.headers.get('etag')).not.toBe(tag);
  }, 300_000);
});
