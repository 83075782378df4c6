import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DiskStore, PACK_KEEP_RUNS } from '../../pipeline/cache/store.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'monitor-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const version = 'v'.repeat(64);
const open = (run: number) => DiskStore.open(dir, version, `run${run}`);

describe('DiskStore: one pack file per namespace', () => {
  it('keeps each namespace in one file and reads values back with their Maps, Sets and Dates', async () => {
    const first = await open(1);
    for (let i = 0; i < 30; i++) first.set('render', `key${i}`, { n: i, seen: new Set([i]), by: new Map([['a', i]]) });
    first.set('prepare', 'p', { when: new Date(Date.UTC(2026, 0, 2)) });
    await first.flush();
    expect((await readdir(first.dir)).sort()).toEqual(['prepare.index', 'prepare.run1.pack', 'render.index', 'render.run1.pack']);

    const second = await open(2);
    expect(await second.get('render', 'key7')).toEqual({ n: 7, seen: new Set([7]), by: new Map([['a', 7]]) });
    expect(await second.get('prepare', 'p')).toEqual({ when: new Date(Date.UTC(2026, 0, 2)) });
    expect(await second.get('render', 'absent')).toBeUndefined();
    expect(second.stats).toEqual({ hits: { render: 1, prepare: 1 }, misses: { render: 1 } });
  });

  it('decodes only the entries asked for: a damaged entry is a miss, its neighbours still read', async () => {
    const first = await open(1);
    first.set('chart', 'a', { svg: '<svg>a</svg>' });
    first.set('chart', 'b', { svg: '<svg>b</svg>' });
    first.set('chart', 'c', { svg: '<svg>c</svg>' });
    await first.flush();
    const file = path.join(first.dir, 'chart.run1.pack');
    // The pack is the entries' bytes, and its index says where each lies: overwrite entry b's bytes only.
    const bytes = await readFile(file);
    const index = JSON.parse(await readFile(path.join(first.dir, 'chart.index'), 'utf8')) as { entries: Record<string, [number, number, number]> };
    const [start, length] = index.entries['b']!;
    bytes.fill(0xff, start, start + length);
    await writeFile(file, bytes);
    const second = await open(2);
    expect(await second.get('chart', 'a')).toEqual({ svg: '<svg>a</svg>' });
    expect(await second.get('chart', 'b')).toBeUndefined();
    expect(await second.get('chart', 'c')).toEqual({ svg: '<svg>c</svg>' });
  });

  it('treats a truncated or foreign pack as empty, and a later run replaces it', async () => {
    const first = await open(1);
    first.set('render', 'a', 1);
    first.set('render', 'b', 2);
    await first.flush();
    const file = path.join(first.dir, 'render.run1.pack');
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, bytes.length - 1));
    const second = await open(2);
    expect(await second.get('render', 'a')).toBe(1);
    expect(await second.get('render', 'b')).toBeUndefined();
    await writeFile(path.join(first.dir, 'render.index'), 'not an index');
    const third = await open(3);
    expect(await third.get('render', 'a')).toBeUndefined();
    third.set('render', 'c', 3);
    await third.flush();
    expect(await (await open(4)).get('render', 'c')).toBe(3);
  });

  it('keeps entries other runs use, and drops one unused for more than PACK_KEEP_RUNS runs that wrote', async () => {
    const first = await open(1);
    first.set('render', 'old', 'old');
    first.set('render', 'kept', 'kept');
    await first.flush();
    for (let run = 2; run <= PACK_KEEP_RUNS + 2; run++) {
      const store = await open(run);
      expect(await store.get('render', 'kept')).toBe('kept');
      store.set('render', `new${run}`, run);
      await store.flush();
      const old = await (await open(100 + run)).get('render', 'old');
      // Nobody reads "old" in the writing runs: it survives PACK_KEEP_RUNS rewrites, then goes.
      expect(old).toBe(run - 1 <= PACK_KEEP_RUNS ? 'old' : undefined);
    }
    const last = await open(200);
    expect(await last.get('render', 'kept')).toBe('kept');
    expect(await last.get('render', `new${PACK_KEEP_RUNS + 2}`)).toBe(PACK_KEEP_RUNS + 2);
  });

  it('appends a run’s new entries to the pack and leaves the bytes already there as they were', async () => {
    const first = await open(1);
    for (let i = 0; i < 20; i++) first.set('page', `p${i}`, `<html>${'x'.repeat(1000)} page ${i}</html>`);
    await first.flush();
    const pack = path.join(first.dir, 'page.run1.pack');
    const before = await readFile(pack);
    const second = await open(2);
    for (let i = 0; i < 20; i++) expect(await second.get('page', `p${i}`)).toContain(`page ${i}<`);
    second.set('page', 'changed', '<html>one new page</html>');
    await second.flush();
    expect((await readdir(second.dir)).filter((f) => f.startsWith('page.')).sort()).toEqual(['page.index', 'page.run1.pack']);
    const after = await readFile(pack);
    expect(after.subarray(0, before.length).equals(before)).toBe(true);
    expect(after.length - before.length).toBeLessThan(100);
    const third = await open(3);
    expect(await third.get('page', 'changed')).toBe('<html>one new page</html>');
    expect(await third.get('page', 'p19')).toContain('page 19<');
  });

  it('copies the live entries into a new pack once most of the old one is dropped entries', async () => {
    const first = await open(1);
    for (let i = 0; i < 10; i++) first.set('page', `old${i}`, 'o'.repeat(1000));
    first.set('page', 'kept', 'k'.repeat(1000));
    await first.flush();
    // Run after run uses only "kept": the others age out, and their bytes are then garbage.
    for (let run = 2; run <= PACK_KEEP_RUNS + 3; run++) {
      const store = await open(run);
      expect(await store.get('page', 'kept')).toBe('k'.repeat(1000));
      store.set('page', `new${run}`, run);
      await store.flush();
    }
    const files = (await readdir(dir + '/' + version.slice(0, 16))).filter((f) => f.endsWith('.pack'));
    expect(files).toHaveLength(1);
    expect(files[0]).not.toBe('page.run1.pack');
    const size = (await readFile(path.join(dir, version.slice(0, 16), files[0]!))).length;
    expect(size).toBeLessThan(3000);
    const last = await open(99);
    expect(await last.get('page', 'kept')).toBe('k'.repeat(1000));
    expect(await last.get('page', 'old3')).toBeUndefined();
    expect(await last.get('page', `new${PACK_KEEP_RUNS + 3}`)).toBe(PACK_KEEP_RUNS + 3);
  });

  it('never writes a new pack under the name of the one its readers are reading, even from a run of the same name', async () => {
    const first = await open(1);
    first.set('page', 'a', 'a'.repeat(1000));
    await first.flush();
    // The same run name again, replacing the only entry: the old pack is all garbage, so a new one is written.
    const again = await open(1);
    again.set('page', 'a', 'b'.repeat(1000));
    await again.flush();
    expect((await readdir(again.dir)).filter((f) => f.startsWith('page.')).sort()).toEqual(['page.index', 'page.run1-2.pack']);
    expect(await (await open(3)).get('page', 'a')).toBe('b'.repeat(1000));
  });

  it('keeps the entries of two runs that write the same namespace at once, and takes over a dead run’s lock', async () => {
    const a = await open(1);
    const b = await open(2);
    for (let i = 0; i < 50; i++) {
      a.set('render', `a${i}`, i);
      b.set('render', `b${i}`, i);
    }
    await Promise.all([a.flush(), b.flush()]);
    const c = await open(3);
    expect(await c.get('render', 'a49')).toBe(49);
    expect(await c.get('render', 'b49')).toBe(49);
    // A lock file left by a process that has ended does not stop the next run.
    await writeFile(path.join(c.dir, 'render.lock'), '2147483646');
    c.set('render', 'c', 'c');
    await c.flush();
    expect(await (await open(4)).get('render', 'c')).toBe('c');
    // One whose process id is alive again (given to another process) but which is minutes old neither.
    const lock = path.join(c.dir, 'render.lock');
    await writeFile(lock, String(process.pid));
    const old = new Date(Date.now() - 5 * 60_000);
    await utimes(lock, old, old);
    const d = await open(5);
    d.set('render', 'd', 'd');
    await d.flush();
    expect(await (await open(6)).get('render', 'd')).toBe('d');
  });
});
