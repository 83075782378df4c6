import { existsSync } from 'node:fs';
import path from 'node:path';
import { measure } from './measure.js';

/** The editor-workflow tool's own figures: cold vs one-essay rebuild inside one warm process. */
export interface InProcessFigures {
  readonly scale: number;
  readonly runs: number;
  readonly preview?: { readonly coldMs: number; readonly rebuildMs: number } | undefined;
  readonly cli?: { readonly coldMs: number; readonly rebuildMs: number } | undefined;
  readonly failure?: string | undefined;
}

const line = /^(preview|cli)\s+cold\s+(\d+) ms\s+one essay changed\s+(\d+) ms/gm;

/**
 * Runs pipeline/tools/measure-rebuild.ts when the project has it. It builds in one process after
 * a warm-up, so its rebuild excludes Node start-up and module loading: set beside the CLI figure,
 * the difference is what start-up costs an editor on every rebuild.
 */
export async function inProcessRebuild(projectDir: string, root: string, scale: number, runs: number, scratch: string, timeoutMs: number): Promise<InProcessFigures | undefined> {
  const tool = path.join(projectDir, 'pipeline', 'tools', 'measure-rebuild.ts');
  if (!existsSync(tool)) return undefined;
  const m = await measure({ cmd: process.execPath, args: ['--import', 'tsx', tool, '--root', root, '--runs', String(runs)], cwd: projectDir }, { timeoutMs, scratch });
  if (m.exitCode !== 0) return { scale, runs, failure: m.timedOut ? 'timed out' : `exit ${m.exitCode}: ${m.stderr.trim().split('\n').at(-1) ?? ''}` };
  const found = new Map([...m.stdout.matchAll(line)].map((x) => [x[1], { coldMs: Number(x[2]), rebuildMs: Number(x[3]) }]));
  return { scale, runs, preview: found.get('preview'), cli: found.get('cli') };
}
