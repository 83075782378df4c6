import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from './codec.js';
import { readPack, writePack, type Pack } from './pack.js';

export { PACK_KEEP_RUNS } from './pack.js';

/**
 * Where the pure core keeps results it may reuse, keyed by content hash. The core only sees this
 * interface; the edge decides whether it is memory (preview) or disk (CLI), so compile stays pure.
 * Values are treated as immutable by everyone who reads them.
 */
export interface CacheStore {
  get(namespace: string, key: string): Promise<unknown>;
  set(namespace: string, key: string, value: unknown): void;
  /**
   * A synchronous get, for steps that are not async (survey loading, chart planning): it finds
   * what is in memory, and on disk what a namespace `preload` has read.
   */
  peek(namespace: string, key: string): unknown;
  /** Read these namespaces now, so `peek` finds their entries. */
  preload(namespaces: readonly string[]): Promise<void>;
  /** How many entries a namespace holds (0 for a cold cache). */
  size(namespace: string): Promise<number>;
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

  peek(namespace: string, key: string): unknown {
    const value = this.entries.get(`${namespace}/${key}`);
    count(this.stats, namespace, value !== undefined);
    return value;
  }

  async preload(): Promise<void> {
    // everything is in memory already
  }

  async size(namespace: string): Promise<number> {
    return [...this.entries.keys()].filter((k) => k.startsWith(`${namespace}/`)).length;
  }
}

/**
 * The CLI's cache: one pack file per namespace, with its index beside it, in
 * `<root>/.monitor-cache/<pipeline version>/` (see cache/pack.ts). Safe to delete. A run reads each
 * pack it needs once and decodes only the entries it asks for: one file read instead of one per
 * chapter and chart, and no work for entries it does not use.
 *
 * A run that stored anything appends its new entries to the packs it stored into and writes their
 * indexes anew, with the entries it used, the new ones, and the others until they have gone unused
 * for PACK_KEEP_RUNS runs: a one-page rebuild writes one page, not every page again. A killed build
 * never leaves an index naming half an entry. A new pipeline version removes the other versions' folders.
 */
export class DiskStore implements CacheStore {
  readonly stats = newStats();
  private readonly packs = new Map<string, Promise<Pack | undefined>>();
  /** Packs read by preload, for peek. */
  private readonly loaded = new Map<string, Pack | undefined>();
  private readonly added = new Map<string, Map<string, Uint8Array>>();
  private readonly used = new Map<string, Set<string>>();

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

  private pack(namespace: string): Promise<Pack | undefined> {
    let pack = this.packs.get(namespace);
    if (!pack) {
      pack = readPack(this.dir, namespace);
      this.packs.set(namespace, pack);
    }
    return pack;
  }

  async get(namespace: string, key: string): Promise<unknown> {
    return this.lookup(namespace, key, await this.pack(namespace));
  }

  peek(namespace: string, key: string): unknown {
    return this.lookup(namespace, key, this.loaded.get(namespace));
  }

  async preload(namespaces: readonly string[]): Promise<void> {
    await Promise.all(namespaces.map(async (n) => this.loaded.set(n, await this.pack(n))));
  }

  async size(namespace: string): Promise<number> {
    const pack = await this.pack(namespace);
    const added = this.added.get(namespace);
    return Object.keys(pack?.index ?? {}).length + [...(added?.keys() ?? [])].filter((k) => pack?.index[k] === undefined).length;
  }

  private lookup(namespace: string, key: string, pack: Pack | undefined): unknown {
    let value: unknown;
    const fresh = this.added.get(namespace)?.get(key);
    if (fresh !== undefined) value = deserialize(fresh);
    else {
      const where = pack?.index[key];
      if (pack && where) {
        try {
          value = deserialize(pack.body.subarray(where[0], where[0] + where[1]));
        } catch {
          value = undefined; // a damaged entry is a miss
        }
      }
    }
    if (value !== undefined) setOf(this.used, namespace).add(key);
    count(this.stats, namespace, value !== undefined);
    return value;
  }

  set(namespace: string, key: string, value: unknown): void {
    let bytes: Uint8Array;
    try {
      bytes = serialize(value);
    } catch {
      return; // a value that cannot be stored is only a later miss
    }
    let entries = this.added.get(namespace);
    if (!entries) {
      entries = new Map();
      this.added.set(namespace, entries);
    }
    entries.set(key, bytes);
  }

  /** Write the new entries of every namespace that got some. A failed write is only a lost cache. */
  async flush(): Promise<void> {
    const namespaces = [...this.added.keys()];
    await Promise.all(
      namespaces.map(async (namespace) => {
        const added = this.added.get(namespace) ?? new Map<string, Uint8Array>();
        this.added.delete(namespace);
        const used = this.used.get(namespace) ?? new Set<string>();
        await writePack(this.dir, namespace, { added, used, run: this.token }).catch(() => undefined);
        this.packs.delete(namespace); // read again if asked for after the flush
        this.loaded.delete(namespace);
      }),
    );
  }
}

function setOf(map: Map<string, Set<string>>, key: string): Set<string> {
  let set = map.get(key);
  if (!set) {
    set = new Set();
    map.set(key, set);
  }
  return set;
}
