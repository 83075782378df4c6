import { spawnSync } from 'node:child_process';
import { cp, mkdir, readdir, symlink } from 'node:fs/promises';
import path from 'node:path';

/** Top-level entries a snapshot leaves out: dependencies are linked, outputs and caches are not code. */
const skipped = new Set(['node_modules', '.git', 'output', '.monitor-cache', 'dist']);

/**
 * Copy the project's code (pipeline, bin, styles, sample edition…) into `dest` and link its
 * node_modules, so every run of a benchmark uses one version of the pipeline even while people
 * edit the working tree: the cache key includes a hash of the pipeline's sources, so an edit
 * between the cold build and the one-essay rebuild would otherwise turn the rebuild cold.
 */
export async function snapshotProject(projectDir: string, dest: string): Promise<string> {
  await mkdir(dest, { recursive: true });
  for (const entry of await readdir(projectDir, { withFileTypes: true })) {
    if (skipped.has(entry.name) || entry.name.startsWith('.tmp')) continue;
    await cp(path.join(projectDir, entry.name), path.join(dest, entry.name), {
      recursive: true,
      filter: (source) => !source.includes(`${path.sep}.scratch`),
    });
  }
  await symlink(path.join(projectDir, 'node_modules'), path.join(dest, 'node_modules'), 'dir');
  // As `npm install` does: bundle the copy, so the bench times the CLI a user runs, not tsx.
  spawnSync(process.execPath, [path.join(dest, 'scripts', 'bundle.mjs')], { cwd: dest, stdio: 'ignore' });
  return dest;
}
