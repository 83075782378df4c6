import { createHash } from 'node:crypto';
import { link, lstat, open, unlink } from 'node:fs/promises';

/**
 * Files of the last build, so the next one can hard-link the unchanged ones from the output folder
 * into its staging folder instead of writing them again: a rebuild after one essay changed writes
 * that essay's page and the files that changed with it, and links the rest.
 *
 * A file is linked only when its new contents hash the same as the file the last build wrote, and
 * that file is still the one it wrote: a regular file with the same inode, size and modification
 * time. A file edited, replaced or removed in the output folder since then is written afresh.
 */
export interface WrittenFile {
  /** sha256 of the contents, hex; or the name the emitter gave them (OutputFile.identity). */
  readonly hash: string;
  readonly size: number;
  /** Inode and modification time (ns) as strings: the values are bigints. */
  readonly ino: string;
  readonly mtimeNs: string;
}

/** Output-relative path (`html/index.html`) → what the last build wrote there. */
export type OutputManifest = ReadonlyMap<string, WrittenFile>;

/** The cache namespace the manifest is kept in, under the output folder's absolute path. */
export const manifestNamespace = 'output-files';

/** A manifest read back from the cache, or an empty one when it is missing or not of this form. */
export function loadManifest(value: unknown): OutputManifest {
  if (!(value instanceof Map)) return new Map();
  const out = new Map<string, WrittenFile>();
  for (const [rel, entry] of value as Map<unknown, unknown>) {
    const e = entry as Partial<WrittenFile> | null;
    if (typeof rel !== 'string' || typeof e !== 'object' || e === null) continue;
    if (typeof e.hash !== 'string' || typeof e.size !== 'number' || typeof e.ino !== 'string' || typeof e.mtimeNs !== 'string') continue;
    out.set(rel, { hash: e.hash, size: e.size, ino: e.ino, mtimeNs: e.mtimeNs });
  }
  return out;
}

export function contentHash(contents: string | Uint8Array): string {
  return createHash('sha256').update(contents).digest('hex');
}

/**
 * Put one file of the new output at `target`: a hard link to `previous` (the same path in the
 * current output) when that is the unchanged file the manifest describes, else a fresh write.
 * Returns what was put there, for the next manifest, and whether it was linked.
 */
export async function linkOrWrite(
  target: string,
  contents: string | Uint8Array,
  previous: { readonly file: string; readonly entry: WrittenFile | undefined },
  /** A name for the contents that stands for their hash (OutputFile.identity). */
  identity?: string,
): Promise<{ entry: WrittenFile; linked: boolean }> {
  const hash = identity ?? contentHash(contents);
  const { entry } = previous;
  if (entry !== undefined && entry.hash === hash) {
    const info = await lstat(previous.file, { bigint: true }).catch(() => undefined);
    if (info?.isFile() && String(info.ino) === entry.ino && Number(info.size) === entry.size && String(info.mtimeNs) === entry.mtimeNs) {
      try {
        await link(previous.file, target);
        return { entry, linked: true };
      } catch {
        // a file system without hard links, or a race: write it instead
      }
    }
  }
  // Never write through an existing name: it may be a link to a file of the current output.
  const handle = await open(target, 'wx').catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
    await unlink(target);
    return open(target, 'wx');
  });
  try {
    await handle.writeFile(contents);
    const info = await handle.stat({ bigint: true });
    return { entry: { hash, size: Number(info.size), ino: String(info.ino), mtimeNs: String(info.mtimeNs) }, linked: false };
  } finally {
    await handle.close();
  }
}
