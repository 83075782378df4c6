import { lstat, mkdir, stat, readFile, readdir, realpath, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** Written into every output folder by its first build: the folder is ours from then on. */
export const MARKER = '.monitor-output';
const TOOL = 'eurocities-monitor';

/** Entries of an output folder that builds create, replace and remove. Nothing else is ever touched. */
export const MANAGED_FOLDERS = ['html', 'pdf', 'epub'] as const;
export const LOCK = '.monitor-lock';
export const STAGING = '.staging-';
export const READY = '.ready-';
export const RETIRED = '.retired-';

export function isManagedName(name: string): boolean {
  return (
    (MANAGED_FOLDERS as readonly string[]).includes(name) ||
    name === MARKER ||
    name === LOCK ||
    name.startsWith(STAGING) ||
    name.startsWith(READY) ||
    name.startsWith(RETIRED)
  );
}

/** The output folder cannot be used; the CLI exits 2 (a usage error: the folder was wrongly chosen). */
export class OutputRefusedError extends Error {
  readonly ruleId = 'output-refused';
  readonly hint: string;
  readonly exitCode = 2;
  constructor(message: string, hint: string) {
    super(message);
    this.name = 'OutputRefusedError';
    this.hint = hint;
  }
}

export interface Protected {
  /** The edition root and the project root: neither they nor any folder holding them may be the output. */
  readonly roots: readonly string[];
  /** The user's home folder (refused itself, not its subfolders). */
  readonly home?: string | undefined;
}

// Refused with everything below them: writing there is never an editor's intent.
const systemTrees = ['/etc', '/usr', '/bin', '/sbin', '/boot', '/dev', '/proc', '/sys', '/run', '/lib', '/lib32', '/lib64', '/libx32', '/snap'];
// Refused themselves only: publishing to e.g. /var/www/monitor or /tmp/monitor-out is fine.
const systemFolders = ['/', '/var', '/opt', '/root', '/home', '/srv', '/mnt', '/media', '/tmp', '/Users', '/Applications', '/System', '/Library', '/private', '/private/tmp', '/private/var'];

/**
 * Refuse output folders that are never ours, whatever --force says: the file-system root, system
 * folders, the home folder, the temp folder, and the edition or project root or any folder holding
 * them. Paths are compared after resolving symbolic links, so a link to /etc is /etc.
 */
export async function refuseProtected(outDir: string, guard: Protected): Promise<void> {
  const real = await realpathLoose(outDir);
  const refused = (what: string) =>
    new OutputRefusedError(
      `Refusing to write the output into ${outDir}${real !== outDir ? ` (${real})` : ''}: it is ${what}.`,
      'Give --out an empty folder, or a new one, made for the edition (for example output/); --force does not change this.',
    );
  const tmp = await realpathLoose(os.tmpdir());
  const home = guard.home ? await realpathLoose(guard.home) : undefined;
  if (real === path.parse(real).root) throw refused('the root of the file system');
  if (home !== undefined && real === home) throw refused('your home folder');
  if (real === tmp) throw refused('the temporary folder itself');
  for (const root of guard.roots) {
    const r = await realpathLoose(root);
    if (real === r) throw refused('the edition or project folder itself');
    if (isInside(r, real)) throw refused(`a folder that holds the edition or project folder ${root}`);
  }
  for (const dir of systemTrees) if (real === dir || isInside(real, dir)) throw refused(`a system folder (${dir})`);
  for (const dir of systemFolders) if (real === dir) throw refused('a system folder');
}

/** Foreign entries found in a non-empty output folder without our marker. */
export interface Claim {
  /** Entries that a build neither made nor will touch. */
  readonly foreign: readonly string[];
  /** The folder had no marker before this build. */
  readonly fresh: boolean;
}

/**
 * Make sure the folder is ours: absent, empty, or marked. Anything else is refused unless `force`;
 * with `force`, foreign entries are left alone, and `html`/`pdf` not made by a build still refuse
 * (they would be replaced). Writes the marker, so a killed first build leaves a folder that is ours.
 */
export async function claimOutput(outDir: string, force: boolean, options: { readonly dryRun?: boolean } = {}): Promise<Claim> {
  if (options.dryRun) {
    // A look before any work: an absent folder (or one below a file, reported when writing) is fine.
    const info = await stat(outDir).catch(() => undefined);
    if (!info?.isDirectory()) return { foreign: [], fresh: true };
  } else {
    await mkdir(outDir, { recursive: true });
  }
  // The folder itself may be a link to a folder (the user's choice); its entries are never followed.
  const info = await stat(outDir);
  if (!info.isDirectory()) throw Object.assign(new Error(`${outDir} is not a folder`), { code: 'ENOTDIR' });
  const entries = (await readdir(outDir)).sort();
  const marked = (await readMarker(outDir)) !== undefined;
  const foreign = (await withoutNestedOutputs(outDir, entries)).filter((n) => !isManagedName(n));
  if (!marked) {
    // In a folder that is not ours, even names like html/ may hold someone else's files.
    const strangers = await withoutNestedOutputs(outDir, entries);
    const clash = strangers.filter((n) => isManagedName(n));
    if (strangers.length > 0 && (!force || clash.length > 0)) {
      const shown = strangers.slice(0, 5).map((n) => `"${n}"`).join(', ') + (strangers.length > 5 ? ` and ${strangers.length - 5} more` : '');
      throw new OutputRefusedError(
        `Refusing to write the output into ${outDir}: the folder already holds ${shown} and is not marked as a monitor output (it has no ${MARKER} file), so these files may be someone else's.`,
        force
          ? `--force writes beside other files but never replaces them: move ${clash.map((n) => `"${n}"`).join(', ')} out of the folder first, or pick an empty folder.`
          : 'Pick an empty or new folder for --out. To write html/ and pdf/ beside the files already there (they are never changed or deleted), add --force.',
      );
    }
    if (!options.dryRun) await writeMarker(outDir);
  }
  return { foreign, fresh: !marked };
}

/** Subfolders that are monitor outputs themselves (e.g. output/members inside output/) are ours too. */
async function withoutNestedOutputs(outDir: string, names: readonly string[]): Promise<string[]> {
  const kept: string[] = [];
  for (const name of names) {
    const info = await lstat(path.join(outDir, name)).catch(() => undefined);
    if (info?.isDirectory() && (await readMarker(path.join(outDir, name)))) continue;
    kept.push(name);
  }
  return kept;
}

async function readMarker(dir: string): Promise<{ tool: string } | undefined> {
  const file = path.join(dir, MARKER);
  const info = await lstat(file).catch(() => undefined);
  if (!info) return undefined;
  if (!info.isFile()) {
    throw new OutputRefusedError(
      `Refusing to use ${dir}: ${MARKER} is not a plain file (a link or a folder); a build never follows links in its output folder.`,
      `Delete ${file}, or pick another folder for --out.`,
    );
  }
  try {
    const data = JSON.parse(await readFile(file, 'utf8')) as { tool?: unknown };
    return data.tool === TOOL ? { tool: TOOL } : undefined;
  } catch {
    return undefined;
  }
}

async function writeMarker(dir: string): Promise<void> {
  await writeFile(path.join(dir, MARKER), `${JSON.stringify({ tool: TOOL, note: 'This folder is written by "monitor build"; html/ and pdf/ are replaced by every build.' })}\n`);
}

/** `inner` is strictly inside `outer`. */
export function isInside(inner: string, outer: string): boolean {
  const rel = path.relative(outer, inner);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** realpath of the nearest existing ancestor, with the missing rest appended. */
export async function realpathLoose(p: string): Promise<string> {
  const abs = path.resolve(p);
  const rest: string[] = [];
  let dir = abs;
  for (;;) {
    try {
      return path.join(await realpath(dir), ...rest.reverse());
    } catch {
      const parent = path.dirname(dir);
      if (parent === dir) return abs;
      rest.push(path.basename(dir));
      dir = parent;
    }
  }
}
