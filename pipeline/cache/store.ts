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

/** Runs an entry nobody read or wrote may stay in its pack before it is dropped. */
export const PACK_KEEP_RUNS = 8;

/** A namespace's pack as read: where each entry's text lies in the body, and its age in runs. */
interface Pack {
  readonly index: Readonly<Record<string, readonly [start: number, length: number, age: number]>>;
  readonly body: Buffer;
}

/**
 * The CLI's cache: one pack file per namespace, `<root>/.monitor-cache/<pipeline version>/<namespace>.pack`.
 * Safe to delete. A pack is one line of JSON index (key → where the entry's text lies, and how
 * many runs since it was last used), then the entries' texts one after another. A run reads each
 * pack it needs once and decodes only the entries it asks for: one file read instead of one per
 * chapter and chart, and no work for entries it does not use.
 *
 * A run that stored anything rewrites the packs it stored into (to a temp file, then renamed, so a
 * killed build never leaves a half-written pack): with the entries it used, the new ones, and the
 * others until they have gone unused for PACK_KEEP_RUNS runs. Two builds writing at once lose only
 * each other's new entries (cache misses). A new pipeline version removes the other versions' folders.
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

  private file(namespace: string): string {
    return path.join(this.dir, `${namespace}.pack`);
  }

  private pack(namespace: string): Promise<Pack | undefined> {
    let pack = this.packs.get(namespace);
    if (!pack) {
      pack = readPack(this.file(namespace));
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

  /** Rewrite the packs of the namespaces that got new entries. A failed write is only a lost cache. */
  async flush(): Promise<void> {
    const namespaces = [...this.added.keys()];
    await Promise.all(
      namespaces.map(async (namespace) => {
        const added = this.added.get(namespace) ?? new Map<string, Uint8Array>();
        this.added.delete(namespace);
        const old = await this.pack(namespace);
        const used = this.used.get(namespace) ?? new Set<string>();
        const parts: Buffer[] = [];
        const index: Record<string, [number, number, number]> = {};
        let at = 0;
        const put = (key: string, bytes: Buffer, age: number) => {
          index[key] = [at, bytes.length, age];
          parts.push(bytes);
          at += bytes.length;
        };
        for (const [key, [start, length, age]] of Object.entries(old?.index ?? {})) {
          if (added.has(key)) continue;
          const nextAge = used.has(key) ? 0 : age + 1;
          if (nextAge <= PACK_KEEP_RUNS) put(key, old!.body.subarray(start, start + length), nextAge);
        }
        for (const [key, bytes] of added) put(key, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 0);
        const target = this.file(namespace);
        try {
          await writeFileAtomic(target, Buffer.concat([Buffer.from(`${JSON.stringify(index)}\n`, 'utf8'), ...parts]));
          this.packs.delete(namespace); // read again if asked for after the flush
          this.loaded.delete(namespace);
        } catch {
          // a pack that cannot be written is only a later miss
        }
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

/** A pack, or undefined when it is missing or unreadable (then every entry is a miss). */
async function readPack(file: string): Promise<Pack | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return undefined;
  }
  const newline = bytes.indexOf(0x0a);
  if (newline < 0) return undefined;
  try {
    const index = JSON.parse(bytes.toString('utf8', 0, newline)) as Pack['index'];
    const body = bytes.subarray(newline + 1);
    // Entries that would lie outside the body (a truncated pack) are misses.
    const sound = Object.fromEntries(Object.entries(index).filter(([, w]) => Array.isArray(w) && w[0] >= 0 && w[0] + w[1] <= body.length));
    return { index: sound, body };
  } catch {
    return undefined;
  }
}
