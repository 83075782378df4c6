import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const STAGING = '.staging-';
const READY = '.ready-';
const RETIRED = '.retired-';
const LOCK = '.monitor-lock';

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
 * A lock file keeps two builds from writing the same output folder at once; a lock left by a
 * killed build (its process is gone) is taken over.
 */
export class StagedOutput {
  private constructor(
    readonly outDir: string,
    readonly stagingDir: string,
    private readonly token: string,
  ) {}

  /** Take the lock, recover from an earlier killed build, then open a fresh staging folder. */
  static async open(out: string, runToken: string): Promise<StagedOutput> {
    const outDir = path.resolve(out);
    // Output folders ("html", "pdf") and tokens carry no dash, which separates them in `.retired-<folder>-<token>`.
    const token = runToken.replace(/[^A-Za-z0-9_]/g, '_');
    await mkdir(outDir, { recursive: true });
    await lock(outDir);
    try {
      await recover(outDir);
      const stagingDir = path.join(outDir, `${STAGING}${token}`);
      await rm(stagingDir, { recursive: true, force: true });
      await mkdir(stagingDir);
      return new StagedOutput(outDir, stagingDir, token);
    } catch (error) {
      await unlock(outDir);
      throw error;
    }
  }

  /** Write one file of the new output; `rel` must stay inside the staging folder. */
  async write(rel: string, contents: string | Uint8Array): Promise<void> {
    const target = path.resolve(this.stagingDir, rel);
    if (!target.startsWith(this.stagingDir + path.sep)) throw new Error(`Refusing to write outside the output folder: ${rel}`);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, contents);
  }

  /** Swap each built folder (e.g. "html", "pdf") into place, then remove the old copies. */
  async commit(folders: readonly string[]): Promise<void> {
    for (const folder of folders) await mkdir(path.join(this.stagingDir, folder), { recursive: true });
    // Anything else in staging (never expected) is not part of the output.
    for (const name of await readdir(this.stagingDir)) {
      if (!folders.includes(name)) await rm(path.join(this.stagingDir, name), { recursive: true, force: true });
    }
    const ready = path.join(this.outDir, `${READY}${this.token}`);
    await rename(this.stagingDir, ready); // the commit point
    await finish(this.outDir, ready, this.token);
    await unlock(this.outDir);
  }

  /** Throw the staging folder away and release the lock; the previous output is untouched. */
  async discard(): Promise<void> {
    await rm(this.stagingDir, { recursive: true, force: true });
    await unlock(this.outDir);
  }
}

/** Move every folder of a ready build into place, then delete the old copies and the ready folder. */
async function finish(outDir: string, ready: string, token: string): Promise<void> {
  const folders = (await readdir(ready)).sort();
  const retired: string[] = [];
  for (const folder of folders) {
    const current = path.join(outDir, folder);
    const old = path.join(outDir, `${RETIRED}${folder}-${token}`);
    try {
      await rename(current, old);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
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
  await rm(ready, { recursive: true, force: true });
  for (const old of retired) await rm(old, { recursive: true, force: true });
}

/**
 * Put the output folder back into a consistent state after a killed build: finish committed
 * (ready) builds, restore folders whose swap was cut short, delete unfinished staging folders.
 */
async function recover(outDir: string): Promise<void> {
  for (const name of (await readdir(outDir)).sort()) {
    if (name.startsWith(READY)) await finish(outDir, path.join(outDir, name), name.slice(READY.length));
  }
  const entries = (await readdir(outDir)).sort();
  for (const name of entries) {
    if (name.startsWith(RETIRED)) {
      const folder = name.slice(RETIRED.length).split('-')[0] ?? '';
      if (folder && !entries.includes(folder)) {
        await rename(path.join(outDir, name), path.join(outDir, folder));
        entries.push(folder);
      } else {
        await rm(path.join(outDir, name), { recursive: true, force: true });
      }
    } else if (name.startsWith(STAGING)) {
      await rm(path.join(outDir, name), { recursive: true, force: true });
    }
  }
}

/** Create the lock file, or take it over when the build that holds it is no longer running. */
async function lock(outDir: string): Promise<void> {
  const file = path.join(outDir, LOCK);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(file, `${process.pid}\n`, { flag: 'wx' });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
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

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
