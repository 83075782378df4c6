import { lstat, mkdir, readFile, readdir, realpath, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { inLanes } from '../lanes.js';
import { claimOutput, isInside, LOCK, MANAGED_FOLDERS, OutputRefusedError, READY, refuseProtected, RETIRED, STAGING, type Protected } from './ownership.js';
import type { OutputFile } from '../model/output.js';
import { linkOrWrite, type OutputManifest, type WrittenFile } from './reuse.js';
import { track } from './resources.js';
import { isRunning } from './running.js';

/** In a ready folder: `<REMOVE><folder>` asks the swap to remove that folder of the output. */
const REMOVE = '.remove-';

export interface OpenOptions {
  /** Write beside foreign files in a folder that is not marked as ours (never touching them). */
  readonly force?: boolean | undefined;
  /** Folders the output may never be (besides the system's); none when omitted. */
  readonly guard?: Protected | undefined;
  /**
   * What the last build wrote into this output folder (see reuse.ts): unchanged files are then
   * hard-linked from it, and the new manifest is kept. Without one, every file is written.
   */
  readonly manifest?: OutputManifest | undefined;
}

/**
 * Output is built in a staging folder beside its final place and swapped in only when complete,
 * so a failed or killed build leaves the previous output as it was.
 *
 * The commit has one decisive step: renaming `.staging-<token>` to `.ready-<token>`. A build killed
 * before it leaves the old output (the next build deletes the staging folder); a build killed after
 * it is finished by the next build, which moves the ready folders in. So after any kill, the next
 * build first restores either the complete old output or the complete new one, never a mixture.
 * Between the two renames of one folder (microseconds) the folder is briefly absent.
 *
 * Only the entries the pipeline manages (`html`, `pdf`, the marker, the lock and its own dot
 * folders) are ever renamed or removed, and only when they are real folders inside the output
 * folder: a symbolic link under one of those names is refused, never followed.
 *
 * A lock file keeps two builds from writing the same output folder at once; a lock left by a
 * killed build (its process is gone) is taken over.
 */
export class StagedOutput {
  /** What this build put in staging, by output-relative path, when it keeps a manifest. */
  private readonly written = new Map<string, WrittenFile>();
  /** Files hard-linked from the current output rather than written. */
  linked = 0;

  private constructor(
    readonly outDir: string,
    readonly stagingDir: string,
    private readonly token: string,
    private readonly release: () => void,
    private readonly previous: OutputManifest | undefined,
  ) {}

  /** Check the folder is ours, take the lock, recover from an earlier killed build, then open a fresh staging folder. */
  static async open(out: string, runToken: string, options: OpenOptions = {}): Promise<StagedOutput> {
    const outDir = path.resolve(out);
    // Output folders ("html", "pdf") and tokens carry no dash, which separates them in `.retired-<folder>-<token>`.
    const token = runToken.replace(/[^A-Za-z0-9_]/g, '_');
    await refuseProtected(outDir, options.guard ?? { roots: [] });
    await claimOutput(outDir, options.force === true);
    const unlockTracked = await lock(outDir);
    let untrackStaging = () => {};
    try {
      await recover(outDir);
      const stagingDir = path.join(outDir, `${STAGING}${token}`);
      await removeOwn(outDir, stagingDir);
      await mkdir(stagingDir);
      untrackStaging = track({ kind: 'dir', path: stagingDir });
      return new StagedOutput(
        outDir,
        stagingDir,
        token,
        () => {
          untrackStaging();
          unlockTracked();
        },
        options.manifest,
      );
    } catch (error) {
      untrackStaging();
      await unlock(outDir);
      unlockTracked();
      throw error;
    }
  }

  /** Write one file of the new output; `rel` must stay inside the staging folder. */
  async write(rel: string, contents: string | Uint8Array): Promise<void> {
    await this.writeAll([{ path: rel, contents }]);
  }

  /**
   * Write files of the new output, several at a time (a site has hundreds of small files, and
   * each write waits on the file system); every path must stay inside the staging folder.
   */
  async writeAll(files: readonly OutputFile[]): Promise<void> {
    const targets = files.map((f) => {
      const target = path.resolve(this.stagingDir, f.path);
      if (!target.startsWith(this.stagingDir + path.sep)) throw new Error(`Refusing to write outside the output folder: ${f.path}`);
      return { target, rel: path.relative(this.stagingDir, target), contents: f.contents, identity: f.identity };
    });
    const folders = new Map<string, Promise<unknown>>();
    const folder = (dir: string) => {
      let made = folders.get(dir);
      if (!made) folders.set(dir, (made = mkdir(dir, { recursive: true })));
      return made;
    };
    const previous = this.previous;
    await inLanes(targets, 8, async (f) => {
      await folder(path.dirname(f.target));
      if (previous === undefined) return writeFile(f.target, f.contents);
      const put = await linkOrWrite(f.target, f.contents, { file: path.join(this.outDir, f.rel), entry: previous.get(f.rel) }, f.identity);
      this.written.set(f.rel, put.entry);
      if (put.linked) this.linked += 1;
    });
  }

  /**
   * The manifest of the output once committed: what this build wrote, and what the last build
   * wrote into the folders this one leaves as they are (not those it removes). Undefined when the
   * build keeps none.
   */
  manifest(built: readonly string[], removed: readonly string[] = []): OutputManifest | undefined {
    if (this.previous === undefined) return undefined;
    const next = new Map(this.written);
    for (const [rel, entry] of this.previous) {
      const folder = rel.split(path.sep)[0] ?? '';
      if (!built.includes(folder) && !removed.includes(folder)) next.set(rel, entry);
    }
    return next;
  }

  /**
   * Swap each built folder (e.g. "html") into place and remove each folder in `remove` (e.g. a
   * "pdf" left by a build of another profile), then delete the old copies. `signal` is checked
   * just before the commit point: after it, the swap always completes.
   */
  async commit(folders: readonly string[], options: { readonly remove?: readonly string[]; readonly signal?: AbortSignal | undefined } = {}): Promise<void> {
    for (const folder of folders) await mkdir(path.join(this.stagingDir, folder), { recursive: true });
    // Anything else in staging (never expected) is not part of the output.
    for (const name of await readdir(this.stagingDir)) {
      if (!folders.includes(name)) await rm(path.join(this.stagingDir, name), { recursive: true, force: true });
    }
    for (const folder of options.remove ?? []) if (!folders.includes(folder)) await writeFile(path.join(this.stagingDir, `${REMOVE}${folder}`), '');
    options.signal?.throwIfAborted();
    const ready = path.join(this.outDir, `${READY}${this.token}`);
    await rename(this.stagingDir, ready); // the commit point
    await finish(this.outDir, ready, this.token);
    await unlock(this.outDir);
    this.release();
  }

  /** Throw the staging folder away and release the lock; the previous output is untouched. */
  async discard(): Promise<void> {
    await rm(this.stagingDir, { recursive: true, force: true });
    await unlock(this.outDir);
    this.release();
  }
}

const isManagedFolder = (name: string): boolean => (MANAGED_FOLDERS as readonly string[]).includes(name);

/** Move every folder of a ready build into place, remove the ones it asks to remove, then delete the old copies and the ready folder. */
async function finish(outDir: string, ready: string, token: string): Promise<void> {
  const names = (await readdir(ready)).sort();
  // Only real folders named like an output folder are moved in; anything else in `ready` stays there and is deleted with it.
  const folders: string[] = [];
  for (const name of names) if (isManagedFolder(name) && (await lstat(path.join(ready, name))).isDirectory()) folders.push(name);
  const removed = names.filter((n) => n.startsWith(REMOVE)).map((n) => n.slice(REMOVE.length)).filter(isManagedFolder);
  const retired: string[] = [];
  for (const folder of [...folders, ...removed]) {
    const current = path.join(outDir, folder);
    const old = path.join(outDir, `${RETIRED}${folder}-${token}`);
    const info = await lstat(current).catch(() => undefined);
    if (info) {
      await assertOwnFolder(outDir, folder, info);
      await rename(current, old);
    }
    retired.push(old);
  }
  for (const folder of folders) {
    try {
      await rename(path.join(ready, folder), path.join(outDir, folder));
    } catch (error) {
      // Already moved by a build that was killed right after this rename.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  await removeOwn(outDir, ready);
  for (const old of retired) await removeOwn(outDir, old);
}

/**
 * Put the output folder back into a consistent state after a killed build: finish committed
 * (ready) builds, restore folders whose swap was cut short, delete unfinished staging folders.
 * Every entry acted on must be a real folder (never a link) inside the output folder.
 */
async function recover(outDir: string): Promise<void> {
  for (const name of (await readdir(outDir)).sort()) {
    if (!name.startsWith(READY)) continue;
    await assertOwnFolder(outDir, name, await lstat(path.join(outDir, name)));
    await finish(outDir, path.join(outDir, name), name.slice(READY.length));
  }
  const entries = (await readdir(outDir)).sort();
  for (const name of entries) {
    if (name.startsWith(RETIRED)) {
      await assertOwnFolder(outDir, name, await lstat(path.join(outDir, name)));
      const folder = name.slice(RETIRED.length).split('-')[0] ?? '';
      if (!isManagedFolder(folder)) continue; // never made by a build: left alone
      if (!entries.includes(folder)) {
        await rename(path.join(outDir, name), path.join(outDir, folder));
        entries.push(folder);
      } else {
        await removeOwn(outDir, path.join(outDir, name));
      }
    } else if (name.startsWith(STAGING)) {
      await assertOwnFolder(outDir, name, await lstat(path.join(outDir, name)));
      await removeOwn(outDir, path.join(outDir, name));
    }
  }
}

/** Refuse to act on an entry of ours that is a link or a file: it was not made by a build. */
async function assertOwnFolder(outDir: string, name: string, info: Awaited<ReturnType<typeof lstat>>): Promise<void> {
  if (info.isDirectory() && !info.isSymbolicLink()) return;
  throw new OutputRefusedError(
    `Refusing to use the output folder ${outDir}: "${name}" is ${info.isSymbolicLink() ? 'a symbolic link' : 'not a folder'}, where builds keep a folder of their own. A build never follows links in its output folder, and never moves or deletes anything outside it.`,
    `Delete "${path.join(outDir, name)}" (only the ${info.isSymbolicLink() ? 'link' : 'file'}) and build again.`,
  );
}

/** Delete a folder of ours, after checking (with realpath) that it really lies inside the output folder. */
async function removeOwn(outDir: string, target: string): Promise<void> {
  const info = await lstat(target).catch(() => undefined);
  if (!info) return;
  const [realOut, realParent] = await Promise.all([realpath(outDir), realpath(path.dirname(target))]);
  if (realParent !== realOut && !isInside(realParent, realOut)) {
    throw new OutputRefusedError(`Refusing to delete ${target}: it is not inside the output folder ${outDir}.`, 'Check the output folder for links planted in it.');
  }
  // rm never follows a link: a link is removed itself, never what it points to.
  await rm(target, { recursive: true, force: true });
}

/** Create the lock file, or take it over when the build that holds it is no longer running. */
async function lock(outDir: string): Promise<() => void> {
  const file = path.join(outDir, LOCK);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(file, `${process.pid}\n`, { flag: 'wx' });
      return track({ kind: 'lock', path: file, pid: process.pid });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const info = await lstat(file);
    if (!info.isFile()) {
      throw new OutputRefusedError(`Refusing to use the output folder ${outDir}: ${LOCK} is not a plain file.`, `Delete "${file}" and build again.`);
    }
    const holder = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
    if (Number.isInteger(holder) && holder !== process.pid && isRunning(holder)) {
      throw Object.assign(new Error(`Another build (process ${holder}) is writing ${outDir}; wait for it to finish`), { code: 'EBUSY' });
    }
    await rm(file, { force: true }); // left by a killed build (or by this process): take it over
  }
  throw Object.assign(new Error(`Cannot lock ${outDir}`), { code: 'EBUSY' });
}

async function unlock(outDir: string): Promise<void> {
  await rm(path.join(outDir, LOCK), { force: true });
}
