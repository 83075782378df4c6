import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
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
    expect((await readdir(first.dir)).sort()).toEqual(['prepare.pack', 'render.pack']);

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
    const file = path.join(first.dir, 'chart.pack');
    // The pack is a JSON index line, then the entries' bytes: overwrite entry b's bytes only.
    const bytes = await readFile(file);
    const newline = bytes.indexOf(10);
    const index = JSON.parse(bytes.toString('utf8', 0, newline)) as Record<string, [number, number, number]>;
    const [start, length] = index['b']!;
    bytes.fill(0xff, newline + 1 + start, newline + 1 + start + length);
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
    const file = path.join(first.dir, 'render.pack');
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, bytes.length - 1));
    const second = await open(2);
    expect(await second.get('render', 'a')).toBe(1);
    expect(await second.get('render', 'b')).toBeUndefined();
    await writeFile(file, 'not a pack');
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
});
