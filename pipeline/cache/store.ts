import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from './codec.js';
import { writeFileAtomic } from '../output/write-atomic.js';

/**
 * Where the pure core keeps results it may reuse, keyed by content hash. The core only sees this
 * interface; the edge decides whether it is memory (preview) or disk (CLI), so compile stays pure.
 * Values are treated as immutable by everyone who reads them.
 */
export interface CacheStore {
  get(namespace: string, key: string): Promise<unknown>;
  set(namespace: string, key: string, value: unknown): void;
  readonly stats: CacheStats;
}

export interface CacheStats {
  hits: Record<string, number>;
  misses: Record<string, number>;
}

function newStats(): CacheStats {
  return { hits: {}, misses: {} };
}

function count(stats: CacheStats, namespace: string, hit: boolean): void {
  const table = hit ? stats.hits : stats.misses;
  table[namespace] = (table[namespace] ?? 0) + 1;
}

export function resetStats(store: CacheStore): void {
  store.stats.hits = {};
  store.stats.misses = {};
}

/** The preview's cache: values live in memory as they are, so a hit costs nothing. */
export class MemoryStore implements CacheStore {
  readonly stats = newStats();
  private readonly entries = new Map<string, unknown>();

  async get(namespace: string, key: string): Promise<unknown> {
    const value = this.entries.get(`${namespace}/${key}`);
    count(this.stats, namespace, value !== undefined);
    return value;
  }

  set(namespace: string, key: string, value: unknown): void {
    this.entries.set(`${namespace}/${key}`, value);
  }
}

/**
 * The CLI's cache: `<root>/.monitor-cache/<pipeline version>/<namespace>/<key>.json`. Safe to delete.
 * A new pipeline version removes the other versions' folders. Each entry is written to a temp
 * file and renamed, so a killed build never leaves a half-written entry; a write that fails is
 * only a missed cache entry. Writes are queued and awaited by `flush()`.
 */
export class DiskStore implements CacheStore {
  readonly stats = newStats();
  private readonly pending: Promise<void>[] = [];

  private constructor(
    readonly dir: string,
    private readonly token: string,
  ) {}

  static async open(cacheDir: string, version: string, token: string): Promise<DiskStore> {
    const dir = path.join(cacheDir, version.slice(0, 16));
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(cacheDir, 'README'), 'Cache of the monitor pipeline, keyed by content hash. Safe to delete.\n').catch(() => {});
    const others = (await readdir(cacheDir, { withFileTypes: true })).filter((e) => e.isDirectory() && e.name !== path.basename(dir));
    await Promise.all(others.map((e) => rm(path.join(cacheDir, e.name), { recursive: true, force: true })));
    return new DiskStore(dir, token);
  }

  private file(namespace: string, key: string): string {
    return path.join(this.dir, namespace, `${key}.bin`);
  }

  async get(namespace: string, key: string): Promise<unknown> {
    let value: unknown;
    try {
      value = deserialize(await readFile(this.file(namespace, key)));
    } catch {
      value = undefined;
    }
    count(this.stats, namespace, value !== undefined);
    return value;
  }

  set(namespace: string, key: string, value: unknown): void {
    const target = this.file(namespace, key);
    const bytes = serialize(value);
    this.pending.push(
      (async () => {
        await mkdir(path.dirname(target), { recursive: true });
        await writeFileAtomic(target, bytes);
      })().catch(() => {}), // a cache entry that cannot be written is only a later miss
    );
  }

  async flush(): Promise<void> {
    await Promise.all(this.pending.splice(0));
  }
}
