import { open, readdir, readFile, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { isRunning } from '../output/running.js';
import { writeFileAtomic } from '../output/write-atomic.js';

/** Runs an entry nobody read or wrote may stay in its pack before it is dropped. */
export const PACK_KEEP_RUNS = 8;

/** Where an entry's bytes lie in the pack, and how many runs that wrote since it was last used. */
export type Where = readonly [start: number, length: number, age: number];

/** A namespace's pack as read: its index and its bytes. */
export interface Pack {
  readonly index: Readonly<Record<string, Where>>;
  readonly body: Buffer;
}

/** What one run adds to a namespace, and which of its entries the run used. */
export interface PackUpdate {
  readonly added: ReadonlyMap<string, Uint8Array>;
  readonly used: ReadonlySet<string>;
  /** Names a new pack file, when the pack is written anew: unique to the run. */
  readonly run: string;
}

const format = 2;

interface IndexFile {
  readonly format: number;
  /** The pack's file name, in the same folder. */
  readonly pack: string;
  readonly entries: Record<string, Where>;
}

const indexFile = (dir: string, namespace: string) => path.join(dir, `${namespace}.index`);
const lockFile = (dir: string, namespace: string) => path.join(dir, `${namespace}.lock`);

/**
 * One namespace's cache on disk: a pack file of entries one after another, `<namespace>.<run>.pack`,
 * and its index, `<namespace>.index` (JSON: the pack's name, and key → where the entry lies and its
 * age). Only a run's new entries are written: they are appended to the pack, and the index is
 * written anew and renamed in, so a reader sees either the old index or the new one, and every
 * entry an index names is complete. When more than a third of the pack is entries no index names
 * any more, the live ones are copied into a new pack, whose index replaces the old one; the old
 * file is removed (a reader that has it open still reads it). Writers take turns by a lock file: a
 * run that cannot take it within a second keeps its new entries to itself (later misses).
 */
export async function readPack(dir: string, namespace: string): Promise<Pack | undefined> {
  const index = await readIndex(dir, namespace);
  if (index === undefined) return undefined;
  let body: Buffer;
  try {
    body = await readFile(path.join(dir, index.pack));
  } catch {
    return undefined; // replaced by a newer pack meanwhile: a miss this time
  }
  // Entries that would lie outside the body (a truncated pack) are misses.
  const sound = Object.fromEntries(Object.entries(index.entries).filter(([, w]) => w[0] >= 0 && w[0] + w[1] <= body.length));
  return { index: sound, body };
}

async function readIndex(dir: string, namespace: string): Promise<IndexFile | undefined> {
  try {
    const parsed = JSON.parse(await readFile(indexFile(dir, namespace), 'utf8')) as Partial<IndexFile>;
    if (parsed.format !== format || typeof parsed.pack !== 'string' || !/^[\w.-]+\.pack$/.test(parsed.pack)) return undefined;
    if (typeof parsed.entries !== 'object' || parsed.entries === null) return undefined;
    const entries = Object.fromEntries(
      Object.entries(parsed.entries).filter(([, w]) => Array.isArray(w) && w.length === 3 && w.every((n) => Number.isSafeInteger(n) && n >= 0)),
    );
    return { format, pack: parsed.pack, entries };
  } catch {
    return undefined;
  }
}

/** Store a run's new entries and the ages of the old ones. A pack that cannot be written is only a later miss. */
export async function writePack(dir: string, namespace: string, update: PackUpdate): Promise<void> {
  if (!(await lock(dir, namespace))) return;
  try {
    // Read again under the lock: another run may have written since this one read.
    const current = await readIndex(dir, namespace);
    const packPath = current && path.join(dir, current.pack);
    const size = packPath ? await stat(packPath).then((s) => s.size, () => undefined) : undefined;
    const kept: [string, Where][] = [];
    let keptBytes = 0;
    for (const [key, [start, length, age]] of Object.entries(current?.entries ?? {})) {
      if (update.added.has(key) || size === undefined || start + length > size) continue;
      const nextAge = update.used.has(key) ? 0 : age + 1;
      if (nextAge > PACK_KEEP_RUNS) continue;
      kept.push([key, [start, length, nextAge]]);
      keptBytes += length;
    }
    const added = [...update.added].map(([key, bytes]) => [key, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)] as const);
    const addedBytes = added.reduce((sum, [, b]) => sum + b.length, 0);
    const entries: Record<string, Where> = {};
    let name: string;
    if (current && packPath && size !== undefined && (size - keptBytes) * 2 <= keptBytes + addedBytes) {
      // Append: the kept entries stay where they are.
      for (const [key, where] of kept) entries[key] = where;
      const handle = await open(packPath, 'a');
      try {
        let at = size; // stat above, under the lock: the end of the file
        for (const [key, bytes] of added) {
          entries[key] = [at, bytes.length, 0];
          at += bytes.length;
        }
        await handle.writev(added.map(([, b]) => b));
      } finally {
        await handle.close();
      }
      name = current.pack;
    } else {
      // Write the live entries into a new pack.
      const old = kept.length > 0 && packPath ? await readFile(packPath) : Buffer.alloc(0);
      const parts: Buffer[] = [];
      let at = 0;
      for (const [key, [start, length, age]] of kept) {
        entries[key] = [at, length, age];
        parts.push(old.subarray(start, start + length));
        at += length;
      }
      for (const [key, bytes] of added) {
        entries[key] = [at, bytes.length, 0];
        parts.push(bytes);
        at += bytes.length;
      }
      // A name no file has, never the current pack's: its readers go on reading it by their index.
      const run = update.run.replace(/[^\w-]/g, '');
      let handle: FileHandle | undefined;
      name = `${namespace}.${run}.pack`;
      for (let n = 2; handle === undefined; n++) {
        if (name !== current?.pack) handle = await open(path.join(dir, name), 'wx').catch(taken);
        if (handle === undefined) name = `${namespace}.${run}-${n}.pack`;
      }
      try {
        await handle.writev(parts);
      } finally {
        await handle.close();
      }
    }
    await writeFileAtomic(indexFile(dir, namespace), JSON.stringify({ format, pack: name, entries } satisfies IndexFile));
    // Packs no index names any more (the one just replaced, any a killed run left).
    const stale = (await readdir(dir)).filter((f) => f.startsWith(`${namespace}.`) && f.endsWith('.pack') && f !== name && f.slice(namespace.length + 1, -5).indexOf('.') < 0);
    await Promise.all(stale.map((f) => rm(path.join(dir, f), { force: true })));
  } finally {
    await rm(lockFile(dir, namespace), { force: true });
  }
}

/** A writer holds the lock for milliseconds: one older than this was left by a run that was killed. */
const staleLockMs = 60_000;

/**
 * Take the namespace's lock, waiting up to a second. A lock left by a process that is gone, or
 * older than a minute (its process id may have been given to another process since), is taken over.
 */
async function lock(dir: string, namespace: string): Promise<boolean> {
  const file = lockFile(dir, namespace);
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      await writeFile(file, String(process.pid), { flag: 'wx' });
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return false;
    }
    const holder = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
    const age = await stat(file).then((s) => Date.now() - s.mtimeMs, () => 0);
    if ((Number.isSafeInteger(holder) && !isRunning(holder)) || age > staleLockMs) {
      await rm(file, { force: true });
      continue;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

/** For open(…, 'wx'): undefined when the name is taken, any other failure thrown. */
function taken(error: NodeJS.ErrnoException): undefined {
  if (error.code === 'EEXIST') return undefined;
  throw error;
}
