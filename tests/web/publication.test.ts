import { execFileSync } from 'node:child_process';
import { distinctColours } from '../helpers/png.js';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { projectRoot } from '../../pipeline/build.js';
import { buildEdition, readOutputTree, removeAll, tempDir, type Built } from '../safety/helpers.js';

/**
 * The essential constraints of the Frictionless Data Package v1 JSON Schemas (data-package,
 * data-resource, tabular-data-resource, table-schema), written out here because no schema file is
 * available offline.
 */
const name = z.string().regex(/^([-a-z0-9._/])+$/);
const relativePath = z.string().refine((p) => !p.startsWith('/') && !p.split('/').includes('..') && !/^[a-z]+:/i.test(p), 'a relative path without ".."');
const license = z.object({ name: z.string().regex(/^([-a-zA-Z0-9._])+$/).optional(), path: z.string().url().optional(), title: z.string().optional() }).refine((l) => l.name || l.path);
const source = z.object({ title: z.string().min(1), path: z.string().optional(), email: z.string().email().optional() });
const field = z.object({
  name: z.string().min(1),
  type: z.enum(['string', 'number', 'integer', 'boolean', 'object', 'array', 'date', 'time', 'datetime', 'year', 'yearmonth', 'duration', 'geopoint', 'geojson', 'any']),
});
const resource = z
  .object({
    profile: z.string().optional(),
    name,
    path: z.union([relativePath, z.array(relativePath).min(1)]),
    title: z.string().optional(),
    description: z.string().optional(),
    format: z.string().optional(),
    mediatype: z.string().regex(/^(.+)\/(.+)$/).optional(),
    encoding: z.string().optional(),
    bytes: z.number().int().optional(),
    hash: z.string().regex(/^([^:]+:[a-fA-F0-9]+|[a-fA-F0-9]{32})$/).optional(),
    schema: z.object({ fields: z.array(field).min(1), missingValues: z.array(z.string()).optional() }).optional(),
    sources: z.array(source).optional(),
    licenses: z.array(license).min(1).optional(),
  })
  .refine((r) => r.profile !== 'tabular-data-resource' || r.schema, 'a tabular resource has a schema');
const dataPackageSchema = z.object({
  profile: z.string().optional(),
  name: name.optional(),
  title: z.string().optional(),
  homepage: z.string().url().optional(),
  created: z.string().datetime().optional(),
  contributors: z.array(z.object({ title: z.string(), role: z.enum(['author', 'publisher', 'maintainer', 'wrangler', 'contributor']).optional() })).optional(),
  licenses: z.array(license).min(1).optional(),
  sources: z.array(source).optional(),
  resources: z.array(resource).min(1),
});
type Pkg = z.infer<typeof dataPackageSchema>;

let out: string;
let built: Built;
let files: Map<string, Buffer>;
let pkg: Pkg;
let raw: unknown;

beforeAll(async () => {
  out = await tempDir('datapackage');
  built = await buildEdition(projectRoot, out, 'html');
  expect(built.ok, built.problems.join('\n')).toBe(true);
  files = await readOutputTree(out);
  raw = JSON.parse(files.get('html/data/datapackage.json')?.toString('utf8') ?? 'null');
  pkg = dataPackageSchema.parse(raw);
}, 120_000);
afterAll(() => removeAll(out));

/** Figure CSV downloads as the chapter pages offer them: html/<chapter>/figure-N-M.csv. */
const figureCsvs = () => [...files].filter(([n]) => /^html\/[^/]+\/figure-[^/]+\.csv$/.test(n));

describe('the data package', () => {
  it('is a valid Data Package v1 with one resource per figure, the codebooks and the cities table', () => {
    expect(dataPackageSchema.safeParse(raw).success).toBe(true);
    const csvs = figureCsvs();
    expect(csvs.length).toBeGreaterThan(10);
    const names = pkg.resources.map((r) => r.name);
    for (const [n] of csvs) expect(names, n).toContain(path.basename(n, '.csv'));
    expect(names).toContain('cities');
    expect(names).toContain('codebook-pulse-2026');
    expect(pkg.resources.length).toBe(csvs.length + 2);
  });

  it('holds the very bytes of every figure’s CSV download, the figure title, wording and base, and fields matching the header', async () => {
    const figures = new Map(built.edition?.chapters.flatMap((c) => c.figures.map((f) => [f.csvName, f] as const)));
    for (const [n, bytes] of figureCsvs()) {
      const r = pkg.resources.find((x) => x.name === path.basename(n, '.csv'));
      const rel = String(r?.path);
      expect(files.get(`html/data/${rel}`)?.equals(bytes), n).toBe(true);
      const page = files.get(`html/${path.dirname(n).slice('html/'.length)}/index.html`)?.toString('utf8') ?? '';
      const figure = figures.get(path.basename(n));
      expect(r?.title, n).toBe(figure?.caption);
      expect(page, n).toContain(`${figure?.caption}</figcaption>`);
      expect(r?.description, n).toMatch(/Base: /);
      const parsed = Papa.parse<string[]>(bytes.toString('utf8').trimEnd());
      const [header = [], ...rows] = parsed.data;
      expect(r?.schema?.fields.map((f) => f.name), n).toEqual(header);
      r?.schema?.fields.forEach((f, i) => {
        const cells = rows.map((row) => row[i] ?? '').filter((c) => c !== '');
        if (f.type === 'number' || f.type === 'integer') for (const c of cells) expect(Number.isFinite(Number(c)), `${n} ${f.name} ${c}`).toBe(true);
        if (f.type === 'integer') for (const c of cells) expect(Number.isInteger(Number(c))).toBe(true);
      });
      expect(r?.licenses?.[0]?.name).toBe('CC-BY-4.0');
      expect(r?.sources?.[0]?.title).toContain('Eurocities Monitor 2026');
    }
    expect(files.get('html/data/cities.csv')?.equals(await readFile(path.join(projectRoot, 'data/cities.csv')))).toBe(true);
  });

  it('never ships raw survey responses', () => {
    expect([...files.keys()].filter((n) => n.startsWith('html/data/') && /pulse-2026\.csv$/.test(n))).toEqual([]);
  });

  it('is zipped whole, readable by unzip, with fixed timestamps, and linked from every chart and the home page', () => {
    const zipName = [...files.keys()].find((n) => /^html\/data\/[^/]+\.zip$/.test(n)) ?? 'missing';
    const zipFile = path.join(out, zipName);
    execFileSync('unzip', ['-tq', zipFile]);
    const listed = execFileSync('unzip', ['-Z1', zipFile], { encoding: 'utf8' }).trim().split('\n');
    expect(listed.sort()).toEqual(['datapackage.json', ...pkg.resources.map((r) => String(r.path))].sort());
    for (const entry of listed) expect(execFileSync('unzip', ['-p', zipFile, entry]).equals(files.get(`html/data/${entry}`) ?? Buffer.alloc(0)), entry).toBe(true);
    const verbose = execFileSync('zipinfo', ['-T', zipFile], { encoding: 'utf8' });
    expect(verbose.match(/ 19800101\.000000 /g)?.length).toBe(listed.length);

    const href = `data/${path.basename(zipName)}`;
    expect(files.get('html/index.html')?.toString('utf8')).toContain(`href="${href}"`);
    for (const [n, bytes] of files) {
      if (!n.endsWith('/index.html')) continue;
      const html = bytes.toString('utf8');
      const charts = html.match(/<figure class="chart /g)?.length ?? 0;
      const links = html.match(new RegExp(`href="\\.\\./${href.replace(/\./g, '\\.')}">All data of this edition`, 'g'))?.length ?? 0;
      expect(links, n).toBe(charts);
    }
  });
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer | undefined): { width: number; height: number } | undefined {
  if (!bytes || bytes.toString('latin1', 1, 4) !== 'PNG' || bytes.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const colours = distinctColours;

describe('social cards and chart images', () => {
  it('every page carries og:title, og:description, og:type, og:image under baseUrl and a large-image Twitter card, with a 1200×630 PNG', () => {
    const base = built.edition?.config.baseUrl ?? 'missing';
    const pages = [...files].filter(([n]) => n.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(20);
    const meta = (html: string, key: string) => new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1];
    for (const [n, bytes] of pages) {
      const html = bytes.toString('utf8');
      expect(meta(html, 'og:title'), n).toBeTruthy();
      expect(meta(html, 'og:description'), n).toBeTruthy();
      expect(meta(html, 'og:type'), n).toMatch(n === 'html/index.html' ? /^website$/ : /^(article|website)$/);
      expect(meta(html, 'twitter:card'), n).toBe('summary_large_image');
      const image = meta(html, 'og:image') ?? '';
      expect(image.startsWith(base), n).toBe(true);
      expect(pngSize(files.get(`html/${image.slice(base.length)}`)), n).toEqual({ width: 1200, height: 630 });
    }
    const card = [...files.keys()].find((k) => k === 'html/cards/home.png') ?? 'missing';
    expect(colours(path.join(out, card))).toBeGreaterThan(20);
  });

  it('every chart has a PNG of at least 1200 px beside its CSV, linked next to the CSV download', () => {
    for (const [n] of figureCsvs()) {
      const png = n.replace(/\.csv$/, '.png');
      const size = pngSize(files.get(png));
      expect(size?.width, png).toBeGreaterThanOrEqual(1200);
      const page = files.get(`${path.dirname(n)}/index.html`)?.toString('utf8') ?? '';
      const csvLink = page.indexOf(`href="${path.basename(n)}"`);
      const pngLink = page.indexOf(`href="${path.basename(png)}"`);
      expect(csvLink, n).toBeGreaterThan(0);
      expect(pngLink - csvLink, png).toBeGreaterThan(0);
      expect(pngLink - csvLink, png).toBeLessThan(400);
    }
    const first = figureCsvs()[0]?.[0].replace(/\.csv$/, '.png') ?? 'missing';
    expect(colours(path.join(out, first))).toBeGreaterThan(20);
  });
});

/** Front matter straight from the sample's chapter files: the independent truth for the explorers. */
async function frontMatters(): Promise<{ file: string; slug: string; fm: Record<string, unknown> }[]> {
  const { parse } = await import('yaml');
  const { readdir } = await import('node:fs/promises');
  const dir = path.join(projectRoot, 'chapters');
  const list = (await readdir(dir)).filter((f) => f.endsWith('.md'));
  return Promise.all(
    list.map(async (file) => {
      const text = await readFile(path.join(dir, file), 'utf8');
      const fm = parse(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '') as Record<string, unknown>;
      return { file, slug: String(fm['slug'] ?? file.replace(/\.md$/, '')), fm };
    }),
  );
}

const cardLinks = (html: string) => [...html.matchAll(/<h[23] class="card-title"[^>]*><a href="(?:\.\.\/)+([^"/]+)\/"/g)].map((m) => m[1]).sort();
const folded = (v: string) => v.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

describe('the best-practice explorer and the methods collection', () => {
  it('each theme and country page lists exactly the public case studies that have it, and the overview lists them all', async () => {
    const cases = (await frontMatters()).filter((c) => c.fm['kind'] === 'case-study' && c.fm['audience'] !== 'members');
    expect(cases.length).toBeGreaterThan(5);
    expect(cardLinks(files.get('html/case-studies/index.html')?.toString('utf8') ?? '')).toEqual(cases.map((c) => c.slug).sort());
    const themes = new Set(cases.flatMap((c) => (c.fm['themes'] as string[]).map(folded)));
    const countries = new Set(cases.map((c) => String(c.fm['country']).toLowerCase()));
    const themePages = [...files.keys()].filter((n) => /^html\/case-studies\/theme\/[^/]+\/index\.html$/.test(n));
    expect(themePages.map((n) => n.split('/')[3]).sort()).toEqual([...themes].sort());
    for (const theme of themes) {
      const html = files.get(`html/case-studies/theme/${theme}/index.html`)?.toString('utf8') ?? '';
      const expected = cases.filter((c) => (c.fm['themes'] as string[]).map(folded).includes(theme)).map((c) => c.slug).sort();
      expect(cardLinks(html), theme).toEqual(expected);
    }
    for (const country of countries) {
      const html = files.get(`html/case-studies/country/${country}/index.html`)?.toString('utf8') ?? '';
      expect(cardLinks(html), country).toEqual(cases.filter((c) => String(c.fm['country']).toLowerCase() === country).map((c) => c.slug).sort());
    }
    // Themes and countries are links on each case study.
    for (const c of cases) {
      const page = files.get(`html/${c.slug}/index.html`)?.toString('utf8') ?? '';
      for (const t of c.fm['themes'] as string[]) expect(page, `${c.slug} ${t}`).toContain(`href="../case-studies/theme/${folded(t)}/"`);
      expect(page).toContain(`href="../case-studies/country/${String(c.fm['country']).toLowerCase()}/"`);
    }
  });

  it('the methods overview lists every public method with format, duration, participants and effort, with a page per format, effort and theme', async () => {
    const methods = (await frontMatters()).filter((c) => c.fm['kind'] === 'method' && c.fm['audience'] !== 'members');
    expect(methods.length).toBeGreaterThanOrEqual(2);
    const overview = files.get('html/methods/index.html')?.toString('utf8') ?? '';
    expect(cardLinks(overview)).toEqual(methods.map((m) => m.slug).sort());
    for (const m of methods) {
      for (const key of ['duration', 'participants']) expect(overview, `${m.slug} ${key}`).toContain(String(m.fm[key]));
      expect(overview).toContain(`href="../methods/format/${folded(String(m.fm['format']))}/"`);
      expect(overview).toContain(`href="../methods/effort/${m.fm['effort']}/"`);
      const page = files.get(`html/methods/effort/${m.fm['effort']}/index.html`)?.toString('utf8') ?? '';
      expect(cardLinks(page)).toContain(m.slug);
      // The chapter has its three sections, and members-only resources stay out of the public page.
      const chapterPage = files.get(`html/${m.slug}/index.html`)?.toString('utf8') ?? '';
      for (const section of ['How to', 'Outcomes', 'Pitfalls']) expect(chapterPage).toMatch(new RegExp(`<h2[^>]*>${section}</h2>`));
      expect(chapterPage).not.toContain('Resources for members');
    }
    // The home page groups chapters by part, methods included, and links the methods overview.
    const home = files.get('html/index.html')?.toString('utf8') ?? '';
    expect(home).toContain('Knowledge-sharing methods');
    expect(home).toContain('href="methods/"');
    expect(home).not.toContain('class="site-nav"');
  });
});

describe('the home page', () => {
  it('shows the key figures as the very drawing of the edition’s headline tiles chart, linked to it', () => {
    const home = files.get('html/index.html')?.toString('utf8') ?? '';
    const section = /<section class="key-figures[^"]*"[^>]*>([\s\S]*?)<\/section>/.exec(home)?.[1] ?? '';
    expect(section).not.toBe('');
    const link = /<a href="([^"/]+)\/#([^"]+)">/.exec(section);
    expect(link).not.toBeNull();
    const chapter = files.get(`html/${link?.[1]}/index.html`)?.toString('utf8') ?? '';
    const figure = new RegExp(`<figure class="chart chart-tiles" id="${link?.[2]}"[\\s\\S]*?</figure>`).exec(chapter)?.[0] ?? '';
    expect(figure).not.toBe('');
    const texts = (html: string) => [...html.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    // The numbers a reader sees on the home page are the chapter's, label for label.
    expect(texts(section).length).toBeGreaterThan(0);
    expect(texts(section)).toEqual(texts(figure.replace(/<figcaption[\s\S]*?<\/figcaption>/, '').split('<p class="chart-source"')[0] ?? ''));
  });
});
