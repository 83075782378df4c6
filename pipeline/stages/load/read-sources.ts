import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SourceFile } from '../../model/source.js';

/** Everything an edition root holds that the pipeline reads. This is the only disk reader. */
export interface EditionSources {
  readonly root: string;
  readonly edition: SourceFile | undefined;
  /** Every *.md file in chapters/ (listed or not). */
  readonly chapters: readonly SourceFile[];
  /** Every file under data/, recursively. */
  readonly data: readonly SourceFile[];
  /** CSS overrides in the edition's styles/ folder. */
  readonly styles: readonly SourceFile[];
  /** Images and other assets under chapters/ (non-Markdown files). */
  readonly assets: readonly SourceFile[];
}

export async function readSources(root: string): Promise<EditionSources> {
  const [edition, chapterFiles, data, styles] = await Promise.all([
    readOptional(root, 'edition.yaml'),
    readTree(root, 'chapters'),
    readTree(root, 'data'),
    readTree(root, 'styles'),
  ]);
  return {
    root,
    edition,
    chapters: chapterFiles.filter((f) => f.path.endsWith('.md') && !f.path.slice('chapters/'.length).includes('/')),
    assets: chapterFiles.filter((f) => !f.path.endsWith('.md')),
    data,
    styles: styles.filter((f) => f.path.endsWith('.css')),
  };
}

async function readOptional(root: string, rel: string): Promise<SourceFile | undefined> {
  try {
    return { path: rel, bytes: await readFile(path.join(root, rel)) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function readTree(root: string, dir: string): Promise<SourceFile[]> {
  let entries;
  try {
    entries = await readdir(path.join(root, dir), { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const files = entries
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
  return Promise.all(files.map(async (rel) => ({ path: rel, bytes: await readFile(path.join(root, rel)) })));
}
