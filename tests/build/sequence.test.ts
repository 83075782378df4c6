import { readdir, readFile, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, check } from '../../pipeline/build.js';
import { collectProblems } from '../../pipeline/diagnostics/format.js';
import type { Emitter } from '../../pipeline/emitters/index.js';
import type { Edition } from '../../pipeline/model/edition.js';
import { startPreview } from '../../pipeline/preview/server.js';
import { parseFormats, UnknownFormatError } from '../../pipeline/sequence.js';
import { EPOCH, miniEdition, removeAll, tempDir } from '../safety/helpers.js';

describe('--format', () => {
  it('takes a comma list, in any order, without repeats', () => {
    expect(parseFormats('html,pdf')).toEqual(['html', 'pdf']);
    expect(parseFormats('pdf, html,pdf')).toEqual(['pdf', 'html']);
    expect(parseFormats('html')).toEqual(['html']);
  });

  it('defaults to the formats edition.yaml enables, and keeps `all` as their alias', () => {
    expect(parseFormats(undefined)).toBe('edition');
    expect(parseFormats('all')).toBe('edition');
  });

  it('refuses a format no emitter makes, naming it and the known ones', () => {
    expect(() => parseFormats('html,docx')).toThrow(UnknownFormatError);
    expect(() => parseFormats('html,docx')).toThrow(/"docx".*html/);
  });
});

/** A table of stand-in emitters that record the model they are given. */
function recordingTable() {
  const seen: { format: string; edition: Edition; previous: string[] }[] = [];
  const fake = (format: string, folder: string, bytes: (e: Edition) => string): Emitter => ({
    format,
    folder,
    entry: () => `${format}.txt`,
    async emit(edition, ctx) {
      seen.push({ format, edition, previous: [...ctx.previous.keys()] });
      const contents = bytes(edition);
      return { files: [{ path: `${format}.txt`, contents }], document: { name: `${format}.txt`, bytes: new TextEncoder().encode(contents) } };
    },
  });
  const titles = (e: Edition) => e.chapters.map((c) => c.frontMatter.title).join('\n');
  // `pdf` first, as in the real table: the `html` stand-in must see its result. `zine` shares html/.
  const table = [fake('pdf', 'pdf', (e) => `PDF of ${e.config.title}`), fake('html', 'html', titles), fake('zine', 'html', titles)];
  return { table, seen };
}

describe('build, check and preview run one sequence', () => {
  let root: string;
  let out: string;
  beforeAll(async () => {
    root = await miniEdition('sequence');
    out = await tempDir('sequence-out');
    const yaml = await readFile(path.join(root, 'edition.yaml'), 'utf8');
    await writeFile(path.join(root, 'edition.yaml'), `${yaml}formats: [html, zine]\n`);
  });
  const ownTmps: string[] = [];
  afterAll(() => removeAll(root, out, ...ownTmps));

  it('check knows the formats of the table it is given', async () => {
    const { table } = recordingTable();
    const date = new Date(Number(EPOCH) * 1000);
    const rules = async (t?: readonly Emitter[]) => collectProblems((await check(root, 'public', date, { emitters: t })).files).map((p) => `${p.file}:${p.line} ${p.rule}`);
    expect(await rules(table)).toEqual([]);
    // The real table makes no `zine`: the same edition.yaml is refused at the entry.
    const line = (await readFile(path.join(root, 'edition.yaml'), 'utf8')).split('\n').findIndex((l) => l.startsWith('formats:')) + 1;
    expect(await rules()).toEqual([`edition.yaml:${line} edition-format`]);
  });

  it('build and preview hand the same model to the emitters, in table order, and keep what they return', async () => {
    const { table, seen } = recordingTable();
    const date = new Date(Number(EPOCH) * 1000);
    const built = await build({ root, out, profile: 'public', keepPrintHtml: false, buildDate: date, runToken: 'seq-test', log: () => undefined, emitters: table });
    expect(built.ok).toBe(true);
    // No --format: the edition's own formats (html, zine), in table order.
    expect(seen.map((s) => `${s.format} after [${s.previous.join()}]`)).toEqual(['html after []', 'zine after [html]']);
    expect(await readFile(path.join(out, 'html', 'html.txt'), 'utf8')).toMatch(/^Avant-propos\nLe logement\n/);
    expect(await readFile(path.join(out, 'html', 'zine.txt'), 'utf8')).toMatch(/^Avant-propos\nLe logement\n/);
    // An explicit list runs exactly those, still in table order.
    seen.length = 0;
    await build({ root, out, format: 'html,pdf', profile: 'public', keepPrintHtml: false, buildDate: date, runToken: 'seq-test2', log: () => undefined, emitters: table });
    expect(seen.map((s) => `${s.format} after [${s.previous.join()}]`)).toEqual(['pdf after []', 'html after [pdf]']);
    expect(await readFile(path.join(out, 'pdf', 'pdf.txt'), 'utf8')).toBe('PDF of Moniteur de test');
    const fromBuild = seen[1]!.edition;

    seen.length = 0;
    const preview = await startPreview({ root, port: 0, host: '127.0.0.1', profile: 'public', buildDate: date, log: () => undefined, emitters: table });
    try {
      expect(seen.map((s) => s.format)).toEqual(['html']);
      expect(comparable(seen[0]!.edition)).toEqual(comparable(fromBuild));
      expect(preview.site.file('html.txt')).toMatch(/^Avant-propos\nLe logement\n/);
      // The PDF button: the `pdf` emitter's returned bytes, served as they are, with nothing written.
      // The temporary folder is this test's own while it asks (TMPDIR is read at each call, and this
      // worker's environment is its own): test files running alongside make folders in the shared one.
      const ownTmp = await tempDir('seq-tmp');
      ownTmps.push(ownTmp);
      const sharedTmp = process.env['TMPDIR'];
      process.env['TMPDIR'] = ownTmp;
      let pdf: Awaited<ReturnType<typeof get>>;
      try {
        expect(os.tmpdir()).toBe(ownTmp);
        pdf = await get(`${preview.url}__monitor/pdf`);
      } finally {
        if (sharedTmp === undefined) delete process.env['TMPDIR'];
        else process.env['TMPDIR'] = sharedTmp;
      }
      expect(pdf).toEqual({ status: 200, type: 'application/pdf', body: 'PDF of Moniteur de test' });
      expect(seen.map((s) => s.format)).toEqual(['html', 'pdf']);
      expect(comparable(seen[1]!.edition)).toEqual(comparable(fromBuild));
      expect(await readdir(ownTmp)).toEqual([]);
    } finally {
      await preview.close();
    }
  }, 120_000);
});

/** The model as data: the locale's functions are new closures per run, its settings must match. */
function comparable(edition: Edition): unknown {
  const { locale, ...rest } = edition;
  return { ...rest, locale: { language: locale.language, formatTag: locale.formatTag, strings: locale.strings, quotes: locale.quotes } };
}

function get(url: string): Promise<{ status: number; type: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }));
    });
    req.on('error', reject);
    req.end();
  });
}
