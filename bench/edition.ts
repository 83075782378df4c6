import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';

/**
 * A synthetic edition N times the shipped sample: the same data/, and every listed chapter
 * copied N times. Copy k (k ≥ 2) gets the file `<name>-x<k>.md` (so its own slug), its own
 * figure ids (`fig-…-x<k>`) and links to its own copies, so each copy numbers and draws its
 * charts like the original. Chapters are listed copy by copy: the whole sample, then again.
 */
export async function makeEdition(sample: string, root: string, scale: number): Promise<{ chapters: string[]; charts: number }> {
  await mkdir(root, { recursive: true });
  await cp(path.join(sample, 'data'), path.join(root, 'data'), { recursive: true });
  await mkdir(path.join(root, 'chapters'), { recursive: true });
  const editionText = await readFile(path.join(sample, 'edition.yaml'), 'utf8');
  const doc = parseDocument(editionText);
  const listed = (doc.toJS() as { chapters?: string[] }).chapters ?? [];
  const names = new Set(listed);
  // Media (images) beside the chapters travel too; unlisted Markdown files do not.
  for (const entry of await readdir(path.join(sample, 'chapters'), { withFileTypes: true })) {
    if (entry.name.endsWith('.md')) continue;
    await cp(path.join(sample, 'chapters', entry.name), path.join(root, 'chapters', entry.name), { recursive: true });
  }
  const chapters: string[] = [];
  let charts = 0;
  for (let k = 1; k <= scale; k++) {
    for (const name of listed) {
      const text = await readFile(path.join(sample, 'chapters', name), 'utf8');
      const copy = k === 1 ? text : renameCopy(text, k, names);
      const file = copyName(name, k);
      await writeFile(path.join(root, 'chapters', file), copy);
      chapters.push(file);
      charts += (copy.match(/^::chart\[/gm) ?? []).length;
    }
  }
  doc.set('chapters', chapters);
  await writeFile(path.join(root, 'edition.yaml'), doc.toString());
  return { chapters, charts };
}

export function copyName(name: string, k: number): string {
  return k === 1 ? name : name.replace(/\.md$/, `-x${k}.md`);
}

/** Figure ids and chapter links of copy k point into copy k. */
export function renameCopy(text: string, k: number, chapters: ReadonlySet<string>): string {
  return text
    .replace(/#fig-([A-Za-z0-9_-]+)/g, (_, id: string) => `#fig-${id}-x${k}`)
    .replace(/\]\(([A-Za-z0-9_.-]+\.md)(#[^)]*)?\)/g, (whole, file: string, hash: string | undefined) =>
      chapters.has(file) ? `](${copyName(file, k)}${hash ?? ''})` : whole,
    );
}

/**
 * The one-essay edit: append a sentence to the first body paragraph of `file`. `serial` makes
 * every edit different, so a content-hash cache cannot answer it from an earlier run.
 */
export async function editEssay(root: string, file: string, serial: number): Promise<void> {
  const full = path.join(root, 'chapters', file);
  const text = await readFile(full, 'utf8');
  const lines = text.split('\n');
  const fence = lines.indexOf('---', 1); // end of the front matter
  const at = lines.findIndex((line, i) => i > fence && /^[A-Z]/.test(line));
  if (at < 0) throw new Error(`bench: no paragraph to edit in ${full}`);
  lines[at] = `${(lines[at] ?? '').replace(/ This sentence is benchmark edit \d+\.$/, '')} This sentence is benchmark edit ${serial}.`;
  await writeFile(full, lines.join('\n'));
}

/** The first chapter of kind essay in the sample's listed order (the file the edit touches). */
export async function firstEssay(root: string): Promise<string> {
  const doc = parseDocument(await readFile(path.join(root, 'edition.yaml'), 'utf8'));
  for (const name of (doc.toJS() as { chapters?: string[] }).chapters ?? []) {
    const text = await readFile(path.join(root, 'chapters', name), 'utf8');
    if (/^kind:\s*essay\s*$/m.test(text)) return name;
  }
  throw new Error(`bench: no essay in ${root}`);
}
