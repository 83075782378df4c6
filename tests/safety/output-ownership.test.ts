import { lstat, mkdir, readFile, readdir, readlink, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEdition, chapter, EPOCH, hashTree, monitor, project, removeAll, tempDir, writeEdition } from './helpers.js';

/**
 * Editor mistakes with --out: a build writes only into a folder that is empty, absent or marked as
 * its own, never deletes or renames what it did not make, and never follows a link planted in the
 * output folder. Each check compares the foreign files byte for byte before and after.
 */
const small = () => writeEdition({ 'one.md': chapter('title: One\nkind: essay\nsummary: A small chapter.', '## Part\n\nText of the small edition.\n') });

/** Every entry below `dir` (links listed, never followed), with file contents: a before/after fingerprint. */
async function snapshot(dir: string): Promise<string> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const lines: string[] = [];
  for (const e of entries.sort((a, b) => path.join(a.parentPath, a.name).localeCompare(path.join(b.parentPath, b.name)))) {
    const full = path.join(e.parentPath, e.name);
    const rel = path.relative(dir, full);
    if (e.isSymbolicLink()) lines.push(`${rel} -> ${await readlink(full)}`);
    else if (e.isFile()) lines.push(`${rel}: ${(await readFile(full)).toString('base64')}`);
    else lines.push(`${rel}/`);
  }
  return lines.join('\n');
}

/** A folder of the user's, like the home folder of the issue: a thesis PDF, a blog page and notes. */
async function usersFolder(): Promise<string> {
  const dir = await tempDir('users');
  await mkdir(path.join(dir, 'pdf'));
  await writeFile(path.join(dir, 'pdf/thesis.pdf'), '%PDF-1.4 my thesis');
  await mkdir(path.join(dir, 'html'));
  await writeFile(path.join(dir, 'html/blog.html'), '<p>my blog</p>');
  await mkdir(path.join(dir, 'notes'));
  await writeFile(path.join(dir, 'notes/todo.txt'), 'buy milk');
  return dir;
}

const env = { SOURCE_DATE_EPOCH: EPOCH };

describe('the output folder is ours or refused', () => {
  let root: string;
  const cleanup: string[] = [];
  beforeAll(async () => {
    root = await small();
  });
  afterAll(() => removeAll(root, ...cleanup));

  it('a folder holding someone else\'s files is refused with exit 2, a clear message, and nothing changed', async () => {
    const dir = await usersFolder();
    cleanup.push(dir);
    const before = await snapshot(dir);
    const r = await monitor(['build', '--root', root, '--out', dir, '--format', 'html', '--no-cache'], env);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/Refusing to write the output into .*"html".*not marked as a monitor output/s);
    expect(r.stderr).toMatch(/output-refused/);
    expect(r.stderr).toMatch(/hint: .*empty or new folder.*--force/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(await snapshot(dir)).toBe(before);
  }, 60_000);

  it('--force never replaces html/ or pdf/ that a build did not make', async () => {
    const dir = await usersFolder();
    cleanup.push(dir);
    const before = await snapshot(dir);
    await expect(buildEdition(root, dir, 'html', 'public', undefined, { force: true })).rejects.toMatchObject({ ruleId: 'output-refused', message: expect.stringMatching(/not marked/) });
    expect(await snapshot(dir)).toBe(before);
  });

  it('--force writes beside foreign files, which stay byte for byte; later builds need no --force', async () => {
    const dir = await tempDir('beside');
    cleanup.push(dir);
    await mkdir(path.join(dir, 'notes'));
    await writeFile(path.join(dir, 'notes/todo.txt'), 'buy milk');
    await writeFile(path.join(dir, 'README.txt'), 'mine');
    const notes = await snapshot(path.join(dir, 'notes'));
    await expect(buildEdition(root, dir, 'html')).rejects.toMatchObject({ ruleId: 'output-refused' });
    const r = await buildEdition(root, dir, 'html', 'public', undefined, { force: true });
    expect(r.ok, r.problems.join('\n')).toBe(true);
    expect(await readFile(path.join(dir, 'html/index.html'), 'utf8')).toContain('<html');
    const again = await buildEdition(root, dir, 'html');
    expect(again.ok).toBe(true);
    expect(await snapshot(path.join(dir, 'notes'))).toBe(notes);
    expect(await readFile(path.join(dir, 'README.txt'), 'utf8')).toBe('mine');
    expect((await readdir(dir)).sort()).toEqual(['.monitor-output', 'README.txt', 'html', 'notes']);
  });

  it('an empty or absent folder is used and marked; the marker makes it ours', async () => {
    const parent = await tempDir('fresh');
    cleanup.push(parent);
    const dir = path.join(parent, 'new', 'out');
    const r = await buildEdition(root, dir, 'html');
    expect(r.ok, r.problems.join('\n')).toBe(true);
    expect(JSON.parse(await readFile(path.join(dir, '.monitor-output'), 'utf8'))).toMatchObject({ tool: 'eurocities-monitor' });
  });

  describe('always refused, even with --force', () => {
    const cases: [string, () => Promise<{ out: string; home?: string }>][] = [
      ['the file-system root', async () => ({ out: '/' })],
      ['the home folder', async () => { const home = await tempDir('home'); cleanup.push(home); await writeFile(path.join(home, '.bashrc'), 'x'); return { out: home, home }; }],
      ['the home folder, spelled with a trailing slash', async () => { const home = await tempDir('home2'); cleanup.push(home); return { out: `${home}/`, home }; }],
      ['the edition root', async () => ({ out: root })],
      ['the parent of the edition root', async () => ({ out: path.dirname(root) })],
      ['the project root', async () => ({ out: project })],
      ['/etc', async () => ({ out: '/etc' })],
      ['a folder below /usr', async () => ({ out: '/usr/share/monitor-out' })],
      ['/var', async () => ({ out: '/var' })],
      ['the temporary folder itself', async () => ({ out: os.tmpdir() })],
      ['a link to /etc', async () => { const d = await tempDir('link'); cleanup.push(d); await symlink('/etc', path.join(d, 'etc-link')); return { out: path.join(d, 'etc-link') }; }],
    ];
    for (const [label, make] of cases) {
      it(label, async () => {
        const { out, home } = await make();
        const existed = await lstat(out).then(() => true, () => false);
        const before = existed && !['/', '/etc', '/var', os.tmpdir(), project, path.dirname(root)].includes(out) ? await snapshot(out) : undefined;
        await expect(buildEdition(root, out, 'html', 'public', undefined, { force: true, home: home ?? os.homedir() })).rejects.toMatchObject({
          ruleId: 'output-refused',
          message: expect.stringMatching(/^Refusing to write the output into /),
        });
        if (!existed) expect(await lstat(out).then(() => true, () => false)).toBe(false);
        if (before !== undefined) expect(await snapshot(out)).toBe(before);
        if (out === root) expect(await lstat(path.join(root, 'html')).then(() => true, () => false)).toBe(false);
      });
    }
  });
});

describe('planted links and names in a marked output folder never reach outside it', () => {
  let root: string;
  let out: string;
  let victim: string;
  let victimBefore: string;
  beforeAll(async () => {
    root = await small();
    out = await tempDir('planted');
    const r = await buildEdition(root, out, 'html');
    expect(r.ok, r.problems.join('\n')).toBe(true);
    // Files outside the output folder, shaped like an output so a careless recovery would move them.
    victim = await tempDir('victim');
    await mkdir(path.join(victim, 'html'));
    await writeFile(path.join(victim, 'html/precious.html'), 'precious');
    await mkdir(path.join(victim, 'notes'));
    await writeFile(path.join(victim, 'notes/diary.txt'), 'dear diary');
    victimBefore = await snapshot(victim);
  }, 60_000);
  afterAll(() => removeAll(root, out, victim));

  for (const name of ['.ready-evil', '.staging-evil', '.retired-html-evil', 'html']) {
    it(`a symbolic link named ${name}`, async () => {
      const htmlBefore = await hashTree(path.join(out, 'html'));
      const planted = path.join(out, name);
      const moved = name === 'html' ? path.join(out, 'html-real') : undefined;
      if (moved) await (await import('node:fs/promises')).rename(planted, moved);
      await symlink(victim, planted);
      try {
        const outcome = await buildEdition(root, out, 'html').then(
          (r) => ({ ok: r.ok }),
          (e: Error & { ruleId?: string }) => ({ error: e }),
        );
        // Refused with a clear message (or ignored): never anything moved or deleted outside.
        if ('error' in outcome) {
          expect(outcome.error.ruleId).toBe('output-refused');
          expect(outcome.error.message).toMatch(/symbolic link/);
          expect(outcome.error.message).toContain(name);
        }
        expect(await snapshot(victim)).toBe(victimBefore);
        expect((await lstat(planted)).isSymbolicLink()).toBe(true);
      } finally {
        await removeAll(planted);
        if (moved) await (await import('node:fs/promises')).rename(moved, path.join(out, 'html'));
      }
      expect(await hashTree(path.join(out, 'html'))).toBe(htmlBefore);
    }, 60_000);
  }

  it('a real .ready- folder holding a foreign name never makes the build move or delete that entry', async () => {
    await mkdir(path.join(out, 'notes'));
    await writeFile(path.join(out, 'notes/mine.txt'), 'mine');
    await mkdir(path.join(out, '.ready-planted', 'notes'), { recursive: true });
    await writeFile(path.join(out, '.ready-planted', 'notes/theirs.txt'), 'theirs');
    try {
      const r = await buildEdition(root, out, 'html');
      expect(r.ok, r.problems.join('\n')).toBe(true);
      expect(await readFile(path.join(out, 'notes/mine.txt'), 'utf8')).toBe('mine');
      expect(await readdir(path.join(out, 'notes'))).toEqual(['mine.txt']);
    } finally {
      await removeAll(path.join(out, 'notes'), path.join(out, '.ready-planted'));
    }
  }, 60_000);
});

describe('files of a profile that was not built are removed', () => {
  let root: string;
  let out: string;
  beforeAll(async () => {
    root = await writeEdition({
      'one.md': chapter('title: One\nkind: essay\nsummary: A small chapter.', '## Part\n\nPublic text.\n\n:::members\nMEMBERSCANARY passage.\n:::\n'),
    });
    out = await tempDir('profiles');
  });
  afterAll(() => removeAll(root, out));

  it('a public --format html build after a members build leaves no members PDF in pdf/, and says so', async () => {
    const members = await buildEdition(root, out, 'all', 'members');
    expect(members.ok, members.problems.join('\n')).toBe(true);
    expect((await readdir(path.join(out, 'pdf'))).some((f) => f.endsWith('.pdf'))).toBe(true);
    const lines: string[] = [];
    const pub = await buildEdition(root, out, 'html', 'public', undefined, { log: (l) => lines.push(l) });
    expect(pub.ok, pub.problems.join('\n')).toBe(true);
    expect(await lstat(path.join(out, 'pdf')).then(() => true, () => false)).toBe(false);
    expect(lines.join('\n')).toMatch(/removed pdf\/ left by an earlier members build/);
    const text = (await readdir(out, { recursive: true })).join('\n');
    expect(text).not.toMatch(/\.pdf$/m);
  }, 180_000);

  it('a public --format pdf build after a members HTML build leaves no members pages in html/', async () => {
    const members = await buildEdition(root, out, 'html', 'members');
    expect(members.ok, members.problems.join('\n')).toBe(true);
    expect(await readFile(path.join(out, 'html/index.html'), 'utf8')).toMatch(/Members only/);
    const pub = await buildEdition(root, out, 'pdf', 'public');
    expect(pub.ok, pub.problems.join('\n')).toBe(true);
    expect(await lstat(path.join(out, 'html')).then(() => true, () => false)).toBe(false);
    expect((await readdir(path.join(out, 'pdf'))).some((f) => f.endsWith('.pdf'))).toBe(true);
  }, 180_000);

  it('a same-profile HTML build keeps the PDF', async () => {
    const pub = await buildEdition(root, out, 'html', 'public');
    expect(pub.ok, pub.problems.join('\n')).toBe(true);
    expect((await readdir(path.join(out, 'pdf'))).some((f) => f.endsWith('.pdf'))).toBe(true);
  }, 60_000);
});
