import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const STAGING = '.staging-';
const RETIRED = '.retired-';

/**
 * Output is built in a staging folder beside its final place and swapped in only when complete,
 * so a failed or killed build leaves the previous output as it was.
 */
export class StagedOutput {
  private constructor(
    readonly outDir: string,
    readonly stagingDir: string,
  ) {}

  /** Recover from an earlier killed build, then open a fresh staging folder. */
  static async open(outDir: string, token: string): Promise<StagedOutput> {
    await mkdir(outDir, { recursive: true });
    await recover(outDir);
    const stagingDir = path.join(outDir, `${STAGING}${token}`);
    await rm(stagingDir, { recursive: true, force: true });
    await mkdir(stagingDir, { recursive: true });
    return new StagedOutput(outDir, stagingDir);
  }

  async write(rel: string, contents: string | Uint8Array): Promise<void> {
    const target = path.join(this.stagingDir, rel);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, contents);
  }

  /** Swap each built folder (e.g. "html", "pdf") into place: two renames, then the old copy goes. */
  async commit(folders: readonly string[]): Promise<void> {
    for (const folder of folders) {
      const next = path.join(this.stagingDir, folder);
      const current = path.join(this.outDir, folder);
      const retired = path.join(this.outDir, `${RETIRED}${folder}-${path.basename(this.stagingDir).slice(STAGING.length)}`);
      await mkdir(next, { recursive: true });
      let hadCurrent = true;
      try {
        await rename(current, retired);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        hadCurrent = false;
      }
      await rename(next, current);
      if (hadCurrent) await rm(retired, { recursive: true, force: true });
    }
    await this.discard();
  }

  async discard(): Promise<void> {
    await rm(this.stagingDir, { recursive: true, force: true });
  }
}

/** A build killed between the two renames leaves `.retired-<folder>-*` and no `<folder>`: put it back. */
async function recover(outDir: string): Promise<void> {
  const entries = await readdir(outDir);
  for (const name of entries.sort()) {
    if (name.startsWith(RETIRED)) {
      const folder = name.slice(RETIRED.length).replace(/-[^-]+-[^-]+$/, '');
      if (!entries.includes(folder)) {
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
