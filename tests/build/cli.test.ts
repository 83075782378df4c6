import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const project = path.resolve(import.meta.dirname, '../..');
const bin = path.join(project, 'bin/monitor.js');

async function monitor(args: string[], cwd = project): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A copy of the sample edition in a temporary folder, to plant problems in. */
async function copySample(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'monitor-copy-'));
  for (const p of ['edition.yaml', 'chapters', 'data']) await cp(path.join(project, p), path.join(dir, p), { recursive: true });
  return dir;
}

describe('monitor build (HTML) on the sample edition', () => {
  let out: string;
  let result: Awaited<ReturnType<typeof monitor>>;
  beforeAll(async () => {
    out = await mkdtemp(path.join(os.tmpdir(), 'monitor-out-'));
    result = await monitor(['build', '--format', 'html', '--out', out]);
  }, 120_000);
  afterAll(() => rm(out, { recursive: true, force: true }));

  it('exits 0 and writes index.html plus one page per public chapter in edition.yaml', async () => {
    expect(result.code, result.stderr).toBe(0);
    const edition = parse(await readFile(path.join(project, 'edition.yaml'), 'utf8')) as { chapters: string[] };
    const pages = await readdir(path.join(out, 'html'));
    expect(pages).toContain('index.html');
    for (const name of edition.chapters) {
      const source = await readFile(path.join(project, 'chapters', name), 'utf8');
      const slug = name.replace(/\.md$/, '');
      if (/^audience:\s*members/m.test(source)) expect(pages).not.toContain(slug);
      else expect(pages).toContain(slug);
    }
  });

  it('gives every page lang, a unique title and a meta description', async () => {
    const files = (await readdir(path.join(out, 'html'), { recursive: true })).filter((f) => f.endsWith('.html'));
    expect(files.length).toBeGreaterThan(20);
    const titles = new Set<string>();
    for (const f of files) {
      const html = await readFile(path.join(out, 'html', f), 'utf8');
      expect(html).toMatch(/<html lang="en">/);
      const title = /<title>([^<]+)<\/title>/.exec(html)?.[1];
      expect(title, f).toBeTruthy();
      expect(titles.has(title as string), `duplicate title ${title}`).toBe(false);
      titles.add(title as string);
      expect(html, f).toMatch(/<meta name="description" content="[^"]{20,}">/);
      // Nothing from third parties: no absolute URLs in src or stylesheet links.
      expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\/(?!monitor\.example\.org)[^"]*"[^>]*(?:rel="stylesheet"|<img|<script)/);
      // The one script is the site's own search, loaded from the site; no inline script.
      expect(html.match(/<script[^>]*>[^<]*<\/script>/g) ?? [], f).toEqual([expect.stringMatching(/^<script type="module" src="(?:\.\.\/)*assets\/search\.js"><\/script>$/)]);
    }
  });

  it('writes a CSV next to each chart and links it', async () => {
    const html = await readFile(path.join(out, 'html/housing/index.html'), 'utf8');
    const links = [...html.matchAll(/href="(figure-[\d-]+\.csv)"/g)].map((m) => m[1] as string);
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) expect((await readFile(path.join(out, 'html/housing', l), 'utf8')).length).toBeGreaterThan(10);
  });
});

describe('monitor check', () => {
  it('reports three planted problems at once, each with path:line:col, and exits 1', async () => {
    const root = await copySample();
    try {
      const essay = path.join(root, 'chapters/housing.md');
      const text = await readFile(essay, 'utf8');
      await writeFile(essay, text.replace(/^title: .*$/m, 'title:\n  - Housing\n  - Again'));
      const culture = path.join(root, 'chapters/culture.md');
      await writeFile(culture, (await readFile(culture, 'utf8')).replace(/^kind: essay$/m, 'kind: opinion'));
      const yamlPath = path.join(root, 'edition.yaml');
      await writeFile(yamlPath, (await readFile(yamlPath, 'utf8')).replace('  - culture.md\n', '  - culture.md\n  - nowhere.md\n'));
      const r = await monitor(['check', '--root', root], root);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/^chapters\/housing\.md:\d+:\d+ error .* frontmatter-field$/m);
      expect(r.stdout).toMatch(/^chapters\/culture\.md:\d+:7 error .* frontmatter-kind$/m);
      expect(r.stdout).toMatch(/^edition\.yaml:\d+:5 error .*nowhere\.md.* chapter-missing$/m);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }, 60_000);

  it('passes on the sample edition', async () => {
    const r = await monitor(['check']);
    expect(r.stdout).toContain('No problems found.');
    expect(r.code).toBe(0);
  }, 60_000);
});

describe('usage errors exit 2', () => {
  it.each([[['frobnicate']], [['build', '--format', 'docx']], [['build', '--nope']], [['check', '--profile', 'vip']]])('%j', async (args) => {
    const r = await monitor(args);
    expect(r.code).toBe(2);
    expect(r.stderr.length).toBeGreaterThan(0);
  });

  it('every command has --help', async () => {
    for (const c of ['build', 'check']) {
      const r = await monitor([c, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`monitor ${c}`);
    }
  });
});

describe('another edition root', () => {
  it('builds with --root and --out without touching the project', async () => {
    const snapshot = async () => {
      const files = ['edition.yaml', ...(await readdir(path.join(project, 'chapters'))).map((f) => `chapters/${f}`)];
      const out = await readdir(path.join(project, 'output'), { recursive: true }).catch(() => []);
      return JSON.stringify([await Promise.all(files.map((f) => readFile(path.join(project, f), 'utf8'))), out.sort()]);
    };
    const before = await snapshot();
    const out = await mkdtemp(path.join(os.tmpdir(), 'monitor-mini-'));
    try {
      const r = await monitor(['build', '--root', 'tests/fixtures/mini-edition', '--out', out, '--format', 'html']);
      expect(r.code, r.stderr).toBe(0);
      const page = await readFile(path.join(out, 'html/logement/index.html'), 'utf8');
      expect(page).toContain('<html lang="fr">');
      // 2 of the 4 valid answers are "Inabordable": the stat is computed from the edition's own data.
      expect(page).toContain('inabordable : 50');
      // The foreword is unnumbered: the essay after it is chapter 1.
      expect(page).toContain('Figure 1.1');
      expect(await readFile(path.join(out, 'html/avant-propos/index.html'), 'utf8')).toContain('«\u00a0nous agissons\u00a0»');
      expect(await snapshot()).toBe(before);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }, 60_000);
});
