import { spawn } from 'node:child_process';
import { cp, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StagedOutput } from '../../pipeline/output/atomic.js';
import { bin, buildEdition, chapter, chromium, EPOCH, hashTree, monitor, project, removeAll, tempDir, writeEdition } from './helpers.js';

/** The visible output: everything but the build's own dot-folders (staging, ready, retired, lock). */
async function visibleHash(out: string): Promise<string> {
  const names = (await readdir(out)).filter((n) => !n.startsWith('.')).sort();
  const parts: string[] = [];
  for (const n of names) parts.push(`${n}:${await hashTree(path.join(out, n)).catch(() => 'file')}`);
  return parts.join('\n');
}

/** The build's own leftovers: dot entries other than the marker that says the folder is an output. */
async function dotEntries(out: string): Promise<string[]> {
  return (await readdir(out)).filter((n) => n.startsWith('.') && n !== '.monitor-output');
}

/** A small three-chapter edition under a given title, so "old" and "new" output differ (and builds are quick). */
async function editionCopy(title: string): Promise<string> {
  const essay = (n: number) => chapter(`title: Essay ${n}\nkind: essay\nsummary: Essay number ${n} of the small edition.`, `## Part one\n\nText ${n}.\n\n::chart[Affordability ${n}]{#fig-${n} question=Q05 alt="Bars of housing affordability."}\n`);
  const dir = await writeEdition({ 'one.md': essay(1), 'two.md': essay(2), 'three.md': essay(3) });
  const yaml = path.join(dir, 'edition.yaml');
  await writeFile(yaml, (await readFile(yaml, 'utf8')).replace(/^title: .*$/m, `title: ${title}`));
  return dir;
}

const env = { SOURCE_DATE_EPOCH: EPOCH, PUPPETEER_EXECUTABLE_PATH: chromium, NO_COLOR: '1' };

/** Start a build and SIGKILL it when `when` says so (a log line seen, or a delay); resolves when it is gone. */
function buildAndKill(root: string, out: string, when: { afterMs: number } | { onLine: RegExp }): Promise<{ killed: boolean; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'build', '--root', root, '--out', out, '--format', 'html', '--no-cache'], { cwd: project, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let killed = false;
    const kill = () => {
      if (child.exitCode === null && !killed) {
        killed = child.kill('SIGKILL');
      }
    };
    let timer: NodeJS.Timeout | undefined;
    if ('afterMs' in when) timer = setTimeout(kill, when.afterMs);
    let seen = '';
    child.stderr.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      if ('onLine' in when && when.onLine.test(seen)) kill();
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (timer) clearTimeout(timer);
      resolve({ killed, code });
    });
  });
}

describe('atomic output: kill -9 at any moment leaves the old or the new output, never a mixture', () => {
  let rootA: string;
  let rootB: string;
  let out: string;
  let reference: string;
  const hashes = new Map<string, string>();
  beforeAll(async () => {
    [rootA, rootB, out, reference] = await Promise.all([editionCopy('Old Monitor'), editionCopy('New Monitor'), tempDir('kill-out'), tempDir('kill-ref')]);
    // The expected trees of each edition, built once without interference.
    for (const [name, root] of [['A', rootA], ['B', rootB]] as const) {
      const dir = path.join(reference, name);
      const r = await buildEdition(root, dir, 'html');
      expect(r.ok, r.problems.join('\n')).toBe(true);
      hashes.set(name, await visibleHash(dir));
    }
    expect(hashes.get('A')).not.toBe(hashes.get('B'));
    await cp(path.join(reference, 'A'), out, { recursive: true });
  }, 120_000);
  afterAll(() => removeAll(rootA, rootB, out, reference));

  // Alternate the edition built, so each kill is checked against the state it interrupted.
  const moments: { label: string; when: { afterMs: number } | { onLine: RegExp } }[] = [
    { label: 'during start-up', when: { afterMs: 150 } },
    { label: 'after compiling', when: { onLine: /compiled \d+ chapters/ } },
    { label: 'while writing, just before the swap', when: { onLine: /html: \d+ files/ } },
    { label: 'at 1.5 s', when: { afterMs: 1500 } },
  ];
  let current = 'A';
  moments.forEach(({ label, when }, i) => {
    it(`killed ${label}`, async () => {
      const target = i % 2 === 0 ? 'B' : 'A';
      const before = await visibleHash(out);
      expect(before).toBe(hashes.get(current));
      await buildAndKill(target === 'A' ? rootA : rootB, out, when);
      const after = await visibleHash(out);
      expect([hashes.get(current), hashes.get(target)]).toContain(after);
      // The next build puts the folder in order, whatever the kill left behind.
      const r = await buildEdition(target === 'A' ? rootA : rootB, out, 'html');
      expect(r.ok, r.problems.join('\n')).toBe(true);
      expect(await visibleHash(out)).toBe(hashes.get(target));
      expect(await dotEntries(out)).toEqual([]);
      current = target;
    }, 60_000);
  });
});

describe('atomic output: failures keep the previous output', () => {
  let root: string;
  let out: string;
  let before: string;
  beforeAll(async () => {
    root = await editionCopy('Failing Monitor');
    out = await tempDir('fail-out');
    const r = await buildEdition(root, out, 'html');
    expect(r.ok, r.problems.join('\n')).toBe(true);
    before = await hashTree(out);
  }, 60_000);
  afterAll(() => removeAll(root, out));

  it('--out naming an existing regular file: a clear error, exit 1, the file untouched', async () => {
    const file = path.join(out, 'html', 'index.html');
    const bytes = await readFile(file);
    const r = await monitor(['build', '--root', root, '--out', file, '--format', 'html', '--no-cache'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Cannot write the output folder .*index\.html: a file is in the way\s+output-write/);
    expect(r.stderr).not.toMatch(/^\s+at /m); // a message, not a stack trace
    expect(await readFile(file)).toEqual(bytes);
    expect(await hashTree(out)).toBe(before);
  }, 60_000);

  it('--out below a regular file (fails as root too): an output-write error', async () => {
    await expect(buildEdition(root, path.join(out, 'html', 'index.html', 'sub'), 'html')).rejects.toMatchObject({
      message: expect.stringMatching(/^Cannot write the output folder .*: a file is in the way$/),
      ruleId: 'output-write',
    });
    expect(await hashTree(out)).toBe(before);
  });

  it('a content error stops the build before the output is touched', async () => {
    const broken = await editionCopy('Broken Monitor');
    try {
      const essay = path.join(broken, 'chapters/two.md');
      await writeFile(essay, (await readFile(essay, 'utf8')).replace(/^kind: essay$/m, 'kind: opinion'));
      const r = await buildEdition(broken, out, 'html');
      expect(r.ok).toBe(false);
      expect(r.problems.join('\n')).toMatch(/frontmatter-kind/);
      expect(await hashTree(out)).toBe(before);
    } finally {
      await removeAll(broken);
    }
  });

  it('a failed PDF print (no usable browser) keeps the previous output and leaves no staging folder', async () => {
    await expect(buildEdition(root, out, 'all', 'public', path.join(root, 'no-such-browser'))).rejects.toMatchObject({ ruleId: 'pdf-browser' });
    expect(await hashTree(out)).toBe(before);
    expect(await dotEntries(out)).toEqual([]);
  });

  it('a second build on the same folder is refused while another live process holds the lock', async () => {
    await writeFile(path.join(out, '.monitor-lock'), `${process.ppid}\n`);
    try {
      await expect(buildEdition(root, out, 'html')).rejects.toMatchObject({ message: expect.stringMatching(/Another build \(process \d+\) is writing/), ruleId: 'output-write' });
      expect(await hashTree(out)).not.toBe(before); // only the lock file differs
    } finally {
      await removeAll(path.join(out, '.monitor-lock'));
    }
    expect(await hashTree(out)).toBe(before);
  });
});

describe('StagedOutput', () => {
  it('refuses a write outside its staging folder', async () => {
    const out = await tempDir('escape');
    try {
      const staged = await StagedOutput.open(out, 'one');
      await expect(staged.write('../escape.txt', 'x')).rejects.toThrow(/outside the output folder/);
      await expect(staged.write('html/../../escape.txt', 'x')).rejects.toThrow(/outside the output folder/);
      await staged.write('html/index.html', 'new');
      await staged.commit(['html']);
      expect(await readFile(path.join(out, 'html/index.html'), 'utf8')).toBe('new');
      expect((await readdir(out)).sort()).toEqual(['.monitor-output', 'html']);
    } finally {
      await removeAll(out);
    }
  });

  it('finishes a build killed after its commit point, and restores one killed mid-swap', async () => {
    const out = await tempDir('recover');
    try {
      // An output folder of earlier builds (marked as such).
      await writeFile(path.join(out, '.monitor-output'), '{"tool":"eurocities-monitor"}\n');
      // Killed after `.staging` became `.ready` and html was moved aside, before the new html moved in.
      await mkdir(path.join(out, '.ready-x1', 'html'), { recursive: true });
      await writeFile(path.join(out, '.ready-x1', 'html', 'index.html'), 'new');
      await mkdir(path.join(out, '.retired-html-x1'), { recursive: true });
      await writeFile(path.join(out, '.retired-html-x1', 'index.html'), 'old');
      await mkdir(path.join(out, 'pdf'));
      await writeFile(path.join(out, 'pdf', 'a.pdf'), 'old pdf');
      // An older killed build: retired pdf beside a live pdf, and an unfinished staging folder.
      await mkdir(path.join(out, '.retired-pdf-y2'));
      await mkdir(path.join(out, '.staging-z3', 'html'), { recursive: true });
      await writeFile(path.join(out, '.monitor-lock'), '999999999\n');
      const staged = await StagedOutput.open(out, 'next');
      expect(await readFile(path.join(out, 'html/index.html'), 'utf8')).toBe('new');
      expect(await readFile(path.join(out, 'pdf/a.pdf'), 'utf8')).toBe('old pdf');
      await staged.discard();
      expect(await dotEntries(out)).toEqual([]);
      // Killed between the two renames of an older layout: the folder is missing, its old copy is put back.
      await mkdir(path.join(out, '.retired-html-w4'));
      await writeFile(path.join(out, '.retired-html-w4', 'index.html'), 'older');
      await removeAll(path.join(out, 'html'));
      await (await StagedOutput.open(out, 'again')).discard();
      expect(await readFile(path.join(out, 'html/index.html'), 'utf8')).toBe('older');
      expect(await dotEntries(out)).toEqual([]);
    } finally {
      await removeAll(out);
    }
  });
});
