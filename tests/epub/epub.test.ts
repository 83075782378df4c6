import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEdition, project, removeAll, tempDir, type Built } from '../safety/helpers.js';
import { formatSize } from '../../pipeline/stages/emit-html/index.js';
import { ace, epubcheck } from './checkers.js';
import { unzip, type ZipItem } from './unzip.js';

const run = promisify(execFile);
const slug = 'eurocities-monitor-2026';
/** Letters and digits only: what the printed page and the book's text have in common. */
const letters = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[^\p{Ll}\p{Lu}\p{Lo}\p{Nd}]/gu, '');

/**
 * The sample edition's EPUB, built as `npm run build` builds it, checked by EPUBCheck and Ace and
 * against the printed PDF's plain text from pdftotext. The build placed the page breaks from
 * poppler's words too (`-bbox`), assembled into lines, running heads and folios by its own code:
 * this checks that code and the placing against the page's text, not poppler against itself.
 */
describe('the EPUB edition of the sample', () => {
  let out: string;
  let built: Built;
  let epub: Buffer;
  let items: ZipItem[];
  let text: Map<string, string>;
  let printed: string[];
  beforeAll(async () => {
    out = await tempDir('epub');
    built = await buildEdition(project, out, 'all');
    epub = await readFile(path.join(out, 'epub', `${slug}.epub`));
    items = unzip(epub);
    text = new Map(items.map((i) => [i.name, i.data.toString('utf8')]));
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', path.join(out, 'pdf', `${slug}.pdf`), '-'], { maxBuffer: 1 << 26 });
    printed = stdout.split('\f');
  }, 400_000);
  afterAll(() => removeAll(out));

  it('builds, with the EPUB beside the PDF', () => {
    expect(built.ok, built.problems.join('\n')).toBe(true);
    expect(built.written.epub).toBe(path.join(out, 'epub', `${slug}.epub`));
  });

  it('is an EPUB container: mimetype first and stored, then the package', () => {
    expect(epub.readUInt32LE(0)).toBe(0x04034b50);
    expect(epub.readUInt16LE(8)).toBe(0); // stored
    expect(epub.subarray(30, 38).toString('latin1')).toBe('mimetype');
    expect(epub.subarray(38, 58).toString('latin1')).toBe('application/epub+zip');
    expect(items[0]?.name).toBe('mimetype');
    expect(text.get('META-INF/container.xml')).toContain('full-path="EPUB/package.opf"');
  });

  it('EPUBCheck reports no error and no warning', async () => {
    expect(await epubcheck(path.join(out, 'epub', `${slug}.epub`))).toEqual([]);
  }, 300_000);

  it('Ace by DAISY reports no violation', async () => {
    expect(await ace(path.join(out, 'epub', `${slug}.epub`))).toEqual([]);
  }, 400_000);

  it('has a page-list entry for every printed page with a folio, each marking text printed on that page', () => {
    const nav = text.get('EPUB/nav.xhtml') ?? '';
    const list = /<nav epub:type="page-list"[\s\S]*?<\/nav>/.exec(nav)?.[0] ?? '';
    const entries = [...list.matchAll(/<a href="([^"#]+)#([^"]+)">([^<]+)<\/a>/g)].map((m) => ({ file: `EPUB/${m[1]}`, id: m[2] as string, label: m[3] as string }));
    // The folio as poppler reads it: the page's own number alone on the page's last line.
    const folios = printed.flatMap((page, i) => (page.split('\n').filter((l) => l.trim() !== '').at(-1)?.trim() === String(i + 1) ? [String(i + 1)] : []));
    expect(folios.length).toBeGreaterThan(40);
    expect(entries.map((e) => e.label)).toEqual(folios);
    const missed: string[] = [];
    for (const e of entries) {
      const xhtml = text.get(e.file) ?? '';
      const at = xhtml.indexOf(`id="${e.id}"`);
      expect(at, e.id).toBeGreaterThan(0);
      expect(xhtml.slice(xhtml.lastIndexOf('<', at), at)).toContain('role="doc-pagebreak"');
      // What a reader reads next, without the book's own data tables and the charts' drawings.
      const after = letters(
        xhtml
          .slice(xhtml.indexOf('>', at) + 1)
          .replace(/<svg[\s\S]*?<\/svg>/g, ' ')
          .replace(/<table class="data-table">[\s\S]*?<\/table>/g, ' ')
          .replace(/<[^>]+>/g, ' ')
          .replace(/&#?\w+;/g, ' '),
      ).slice(0, 16);
      const page = letters(printed[Number(e.label) - 1] ?? '');
      const before = letters(printed[Number(e.label) - 2] ?? '');
      // A word hyphenated across the page turn is marked before the word: its start is on the page before.
      const split = [1, 2, 3, 4, 5, 6, 7, 8].some((k) => before.includes(after.slice(0, k)) && page.includes(after.slice(k)));
      if (!page.includes(after) && !split) missed.push(`p. ${e.label}: "${after}"`);
    }
    expect(missed).toEqual([]);
  });

  it('declares its accessibility in the package document', () => {
    const opf = text.get('EPUB/package.opf') ?? '';
    const meta = (p: string) => [...opf.matchAll(new RegExp(`<meta property="${p}">([^<]*)</meta>`, 'g'))].map((m) => m[1]);
    expect(meta('schema:accessMode')).toEqual(expect.arrayContaining(['textual', 'visual']));
    expect(meta('schema:accessModeSufficient')).toContain('textual');
    expect(meta('schema:accessibilityFeature')).toEqual(expect.arrayContaining(['pageNavigation', 'tableOfContents', 'alternativeText', 'longDescription']));
    expect(meta('schema:accessibilityFeature')).not.toContain('MathML');
    expect(meta('schema:accessibilityHazard')).toEqual(['none']);
    expect(meta('schema:accessibilitySummary')[0]?.length).toBeGreaterThan(40);
    expect(meta('dcterms:conformsTo')).toEqual(['EPUB Accessibility 1.1 - WCAG 2.1 Level AA']);
    expect(meta('a11y:certifiedBy')).toEqual(['Eurocities']);
    expect(opf).toMatch(/<dc:source id="page-source">[^<]+\.pdf<\/dc:source>/);
  });

  it('gives every chapter lang and xml:lang, its charts inline with their names and data tables, and endnotes with back-links', () => {
    const chapters = [...text].filter(([n]) => n.startsWith('EPUB/text/'));
    expect(chapters.length).toBeGreaterThan(20);
    for (const [name, xhtml] of [...text].filter(([n]) => n.endsWith('.xhtml'))) {
      expect(xhtml, name).toMatch(/<html xmlns="http:\/\/www.w3.org\/1999\/xhtml"[^>]* lang="en" xml:lang="en"/);
      for (const tag of xhtml.matchAll(/<[a-z]+ [^>]*\blang="([^"]+)"[^>]*>/g)) expect(tag[0], name).toContain(`xml:lang="${tag[1]}"`);
    }
    let charts = 0;
    for (const [name, xhtml] of chapters) {
      const figures = [...xhtml.matchAll(/<figure class="chart[^"]*" id="([^"]+)"[\s\S]*?<\/figure>/g)];
      charts += figures.length;
      for (const f of figures) {
        const svg = /<svg [^>]*>/.exec(f[0])?.[0] ?? '';
        expect(svg, f[1]).toContain('role="img"');
        const title = /aria-labelledby="([^"]+)"/.exec(svg)?.[1] ?? 'none';
        expect(f[0], f[1]).toMatch(new RegExp(`<title id="${title}">[^<]{10,}</title>`));
        expect(f[0], f[1]).toMatch(/<table class="data-table"><caption>[^<]+<\/caption><thead>/);
      }
      const refs = [...xhtml.matchAll(/<a href="#(fn-[^"]+)" id="(fnref-[^"]+)"[^>]*role="doc-noteref"/g)];
      if (refs.length === 0) continue;
      expect(xhtml, name).toContain('role="doc-endnotes"');
      for (const r of refs) {
        expect(xhtml, name).toContain(`<li id="${r[1]}">`);
        expect(xhtml, name).toMatch(new RegExp(`<a href="#${r[2]}"[^>]*role="doc-backlink"`));
      }
    }
    expect(charts).toBeGreaterThan(10);
    expect(chapters.some(([, x]) => x.includes('role="doc-endnotes"'))).toBe(true);
  });

  it('embeds the edition’s fonts', () => {
    const fonts = items.filter((i) => i.name.startsWith('EPUB/fonts/') && i.name.endsWith('.woff2'));
    expect(fonts.length).toBeGreaterThan(4);
    const css = text.get('EPUB/styles/epub.css') ?? '';
    for (const f of fonts) expect(css).toContain(`url(../fonts/${path.basename(f.name)})`);
    expect(css).toContain("font-family:'Source Serif 4'");
  });

  it('is linked from the web edition with its size, and named in the colophon', async () => {
    const index = await readFile(path.join(out, 'html/index.html'), 'utf8');
    const size = formatSize(epub.length);
    expect(index).toMatch(new RegExp(`<a [^>]*href="${slug}\\.epub"[^>]*>[^<]*EPUB[^<]*\\(${size.replace('.', '\\.')}\\)</a>`));
    expect(Buffer.compare(await readFile(path.join(out, 'html', `${slug}.epub`)), epub)).toBe(0);
    expect(printed[1]).toContain(`${slug}.epub`);
  });

  it('is byte for byte the same when built again, alone, and in another time zone', async () => {
    const once = await buildEdition(project, out, 'epub');
    expect(once.ok, once.problems.join('\n')).toBe(true);
    const first = await readFile(path.join(out, 'epub', `${slug}.epub`));
    expect(Buffer.compare(first, epub)).toBe(0);
    const zone = process.env['TZ'];
    process.env['TZ'] = 'Pacific/Kiritimati';
    try {
      const again = await buildEdition(project, out, 'epub');
      expect(again.ok, again.problems.join('\n')).toBe(true);
    } finally {
      if (zone === undefined) delete process.env['TZ'];
      else process.env['TZ'] = zone;
    }
    const second = await readFile(path.join(out, 'epub', `${slug}.epub`));
    expect(second.length).toBe(first.length);
    expect(Buffer.compare(second, first)).toBe(0);
  }, 300_000);
});
