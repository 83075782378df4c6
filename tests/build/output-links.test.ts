import { readdir, readFile, rename, stat, writeFile, appendFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../pipeline/build.js';
import { chapter, EPOCH, readOutputTree, removeAll, tempDir, writeEdition } from '../safety/helpers.js';

/**
 * A rebuild hard-links the files that did not change from the current output into its staging
 * folder (pipeline/output/reuse.ts). Checked on the files themselves: an unchanged page keeps its
 * inode, a changed one gets a new one, and the output is byte for byte a fresh build's, also after
 * files in the output folder were edited or replaced by hand.
 */
let root: string;
let out: string;
let fresh: string;
let cacheDir: string;
let runs = 0;

const first = 'first.md';
const second = 'second.md';

async function htmlBuild(target: string, cached: boolean): Promise<string[]> {
  const lines: string[] = [];
  const result = await build({
    root,
    out: target,
    format: 'html',
    profile: 'public',
    keepPrintHtml: false,
    buildDate: new Date(Number(EPOCH) * 1000),
    runToken: `links-${process.pid}-${++runs}`,
    log: (line) => lines.push(line),
    cacheDir: cached ? cacheDir : undefined,
  });
  expect(result.ok).toBe(true);
  return lines;
}

async function inodes(dir: string): Promise<Map<string, number>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const out = new Map<string, number>();
  for (const e of entries.filter((x) => x.isFile())) {
    const file = path.join(e.parentPath, e.name);
    out.set(path.relative(dir, file), (await stat(file)).ino);
  }
  return out;
}

/** The output must be exactly what a build with no cache and no earlier output makes. */
async function expectSameAsFresh(): Promise<void> {
  await removeAll(fresh);
  await htmlBuild(fresh, false);
  const made = await readOutputTree(path.join(out, 'html'));
  const expected = await readOutputTree(path.join(fresh, 'html'));
  expect([...made.keys()]).toEqual([...expected.keys()]);
  for (const [name, bytes] of expected) expect(made.get(name)?.equals(bytes), name).toBe(true);
}

beforeAll(async () => {
  root = await writeEdition({
    [first]: chapter('title: First essay\nkind: essay\nsummary: The first.', '## Housing\n\nCities bought land for cooperative housing.\n'),
    [second]: chapter('title: Second essay\nkind: essay\nsummary: The second.', '## Transport\n\nNight buses now run every twenty minutes.\n'),
  });
  out = await tempDir('links-out');
  fresh = await tempDir('links-fresh');
  cacheDir = await tempDir('links-cache');
  await htmlBuild(out, true);
}, 120_000);

afterAll(async () => {
  await removeAll(root, out, fresh, cacheDir);
});

describe('a rebuild links unchanged files from the last output', () => {
  it('keeps the inode of every unchanged page and writes the changed one', async () => {
    const before = await inodes(path.join(out, 'html'));
    await appendFile(path.join(root, 'chapters', first), '\nA sentence added for the rebuild.\n');
    const log = await htmlBuild(out, true);
    const after = await inodes(path.join(out, 'html'));
    expect(log.some((l) => /^output: \d+ unchanged file\(s\) linked/.test(l))).toBe(true);
    expect(after.get('second/index.html')).toBe(before.get('second/index.html'));
    expect(after.get('assets/site.css')).toBe(before.get('assets/site.css'));
    expect(after.get('first/index.html')).not.toBe(before.get('first/index.html'));
    expect(await readFile(path.join(out, 'html/first/index.html'), 'utf8')).toContain('A sentence added for the rebuild.');
    await expectSameAsFresh();
  }, 120_000);

  it('writes afresh a file edited or replaced in the output folder since the last build', async () => {
    const page = path.join(out, 'html/second/index.html');
    const css = path.join(out, 'html/assets/site.css');
    await appendFile(page, '<!-- edited by hand -->');
    // Same bytes, new file: not the one the last build wrote, so not trusted either.
    const copy = `${css}.copy`;
    await writeFile(copy, await readFile(css));
    await rename(copy, css);
    const replaced = (await stat(css)).ino;
    await htmlBuild(out, true);
    expect(await readFile(page, 'utf8')).not.toContain('edited by hand');
    expect((await stat(css)).ino).not.toBe(replaced);
    await expectSameAsFresh();
  }, 120_000);

  it('writes every file when there is no cache to remember the last output', async () => {
    const before = await inodes(path.join(out, 'html'));
    await htmlBuild(out, false);
    const after = await inodes(path.join(out, 'html'));
    expect([...after].filter(([name, ino]) => before.get(name) === ino)).toEqual([]);
    await expectSameAsFresh();
  }, 120_000);
});

describe('a file written twice in one build', () => {
  it('is replaced in staging, never written through a link into the current output', async () => {
    const { linkOrWrite, contentHash } = await import('../../pipeline/output/reuse.js');
    const dir = await tempDir('links-twice');
    try {
      const current = path.join(dir, 'current.txt');
      const staged = path.join(dir, 'staged.txt');
      const first = await linkOrWrite(current, 'the last build\n', { file: path.join(dir, 'none'), entry: undefined });
      expect(first.linked).toBe(false);
      const again = await linkOrWrite(staged, 'the last build\n', { file: current, entry: first.entry });
      expect(again.linked).toBe(true);
      const changed = await linkOrWrite(staged, 'this build\n', { file: current, entry: first.entry });
      expect(changed.linked).toBe(false);
      expect(changed.entry.hash).toBe(contentHash('this build\n'));
      expect(await readFile(staged, 'utf8')).toBe('this build\n');
      expect(await readFile(current, 'utf8')).toBe('the last build\n');
    } finally {
      await removeAll(dir);
    }
  });
});
