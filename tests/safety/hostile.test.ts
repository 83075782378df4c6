import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageTexts } from '../pdf/read-pdf.js';
import { dangers, idsAndNames } from './dom.js';
import { buildEdition, chapter, grepTree, readOutputTree, removeAll, tempDir, withEpubEntries, writeEdition, type Built } from './helpers.js';
import { hostileBody, hostileMarkers } from './hostile.js';

/**
 * A guest author's chapter full of hostile raw HTML, built for real (HTML and PDF) beside an
 * ordinary chapter. Nothing that could run, load or navigate may survive, and no payload marker
 * may appear anywhere in the output or in the PDF's text.
 */
const secretChart = '::chart[SECRETCAPTION members chart]{#fig-members-secret question=Q05 audience=members alt="SECRETALT bars"}';
const chapters = {
  'evil.md': chapter('title: Evil guest essay\nkind: guest-essay\nsummary: Hostile raw HTML from a guest author.', `${hostileBody}\n\n${secretChart}\n\n<div data-monitor-figure="fig-public-other"></div>\n`),
  'plain.md': chapter('title: Plain essay\nkind: essay\nsummary: An ordinary chapter with one public chart.', '## Housing\n\n::chart[Public chart]{#fig-public-other question=Q05 alt="Bars of housing affordability."}\n'),
};

describe('hostile Markdown and raw HTML, built for real', () => {
  let root: string;
  let out: string;
  let result: Built;
  let files: Map<string, Buffer>;
  let pdfText: string;
  beforeAll(async () => {
    root = await writeEdition(chapters);
    out = await tempDir('hostile-out');
    result = await buildEdition(root, out, 'all');
    // The EPUB's chapters are searched decompressed, like the web pages.
    files = withEpubEntries(await readOutputTree(out));
    const pdf = [...files.keys()].find((f) => f.startsWith('pdf/') && f.endsWith('.pdf'));
    pdfText = pdf ? (await pageTexts(path.join(out, pdf))).join('\n') : '';
  }, 120_000);
  afterAll(() => removeAll(root, out));

  it('builds (hostile input is sanitized, not an error) and writes both editions', () => {
    expect(result.ok, result.problems.join('\n')).toBe(true);
    expect(files.has('html/evil/index.html')).toBe(true);
    expect(files.has('epub/eurocities-monitor-2026.epub!/EPUB/text/evil.xhtml')).toBe(true);
    expect(pdfText).toContain('Evil guest essay');
  });

  it('leaves no payload marker in any output file', () => {
    for (const marker of hostileMarkers) expect(grepTree(files, marker), marker).toEqual([]);
  });

  it('leaves no payload marker in the PDF text', () => {
    expect(pdfText.length).toBeGreaterThan(500);
    for (const marker of hostileMarkers) expect(pdfText, marker).not.toContain(marker);
  });

  it('leaves nothing in any page that could run, load from a third party or navigate away', () => {
    const pages = [...files].filter(([name]) => name.endsWith('.html') || name.endsWith('.xhtml'));
    expect(pages.length).toBeGreaterThan(2);
    expect(pages.some(([name]) => name.endsWith('evil.xhtml'))).toBe(true);
    for (const [name, bytes] of pages) expect(dangers(bytes.toString('utf8')), name).toEqual([]);
    // The text-level forms, in case a parser disagrees with ours (the site's own search script, in
    // exactly the form the layout writes it, is the one script allowed).
    const foreignScript = /<script(?! type="module" src="(?:\.\.\/)*assets\/search\.js"><\/script>)/i;
    for (const pattern of [/javascript:/i, /vbscript:/i, /\son\w+=/i, foreignScript, /<iframe/i, /<base\b/i, /<embed/i, /<object/i, /url\(https:\/\/evil/i, /evil\.example/i]) {
      expect(grepTree(new Map(pages), pattern), String(pattern)).toEqual([]);
    }
  });

  it('keeps the safe parts of the author’s HTML', () => {
    const html = files.get('html/evil/index.html')?.toString('utf8') ?? '';
    expect(html).toContain('<a href="https://example.org/">ok</a>');
    expect(html).toContain('<details open><summary>s</summary>d</details>');
    expect(html).toContain('<div>styled</div>');
  });

  it('prefixes ids and names that would clobber the DOM or the page’s own anchors', () => {
    const html = files.get('html/evil/index.html')?.toString('utf8') ?? '';
    const ids = idsAndNames(html);
    for (const id of ['location', 'getElementById', '__proto__', 'cookie', 'forms']) {
      expect(ids, id).not.toContain(id);
    }
    for (const id of ['location', 'getElementById', '__proto__', 'cookie', 'top', 'main', 'site-nav']) {
      expect(ids, id).toContain(`user-content-${id}`);
    }
    // The page's own anchors exist once each.
    for (const id of ['top', 'main', 'site-nav']) expect(ids.filter((i) => i === id), id).toHaveLength(1);
  });

  it('renders nothing for forged figure placeholders: no members-only chart, no other chapter’s chart', () => {
    expect(grepTree(files, 'SECRETCAPTION')).toEqual([]);
    expect(grepTree(files, 'SECRETALT')).toEqual([]);
    expect(grepTree(files, 'fig-members-secret')).toEqual([]);
    expect(pdfText).not.toContain('SECRETCAPTION');
    const evil = files.get('html/evil/index.html')?.toString('utf8') ?? '';
    expect(evil).not.toContain('<figure');
    expect(evil).not.toContain('data-monitor-figure');
    expect([...files.keys()].filter((f) => f.startsWith('html/evil/') && f.endsWith('.csv'))).toEqual([]);
    // The other chapter's chart is there, once.
    const plain = files.get('html/plain/index.html')?.toString('utf8') ?? '';
    expect(plain.match(/<figure class="chart/g)).toHaveLength(1);
  });
});
