import { access, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import type { ChapterKind } from '../model/edition.js';
import { chapterKinds } from '../model/edition.js';
import { slugProblem } from '../stages/validate/slug.js';
import { insertChapter } from './insert-chapter.js';
import { chapterTemplate, scaffoldKinds, type ScaffoldKind } from './templates.js';

export { scaffoldKinds, type ScaffoldKind } from './templates.js';

export type ScaffoldResult = { readonly ok: true; readonly file: string; readonly listed: boolean } | { readonly ok: false; readonly message: string };

export function isScaffoldKind(kind: string): kind is ScaffoldKind {
  return (scaffoldKinds as readonly string[]).includes(kind);
}

/** `monitor new`: write chapters/<slug>.md and list it in edition.yaml in the right place. */
export async function scaffoldChapter(root: string, kind: ScaffoldKind, slug: string): Promise<ScaffoldResult> {
  const problem = slugProblem(slug);
  if (problem?.rule === 'slug-invalid') {
    return { ok: false, message: `"${slug}" is not a valid slug: use lower-case letters, digits and single dashes, e.g. housing-costs` };
  }
  if (problem) return { ok: false, message: `"${slug}" is reserved for a page the pipeline generates; choose another slug, e.g. ${slug}-overview` };
  const name = `${slug}.md`;
  const file = path.join(root, 'chapters', name);
  const editionPath = path.join(root, 'edition.yaml');
  let editionYaml: string;
  try {
    editionYaml = await readFile(editionPath, 'utf8');
  } catch {
    return { ok: false, message: `No edition.yaml in ${root}: run "monitor new" in an edition root or pass --root` };
  }
  if (await exists(file)) return { ok: false, message: `chapters/${name} already exists` };
  const listed = listedChapters(editionYaml);
  if (listed.includes(name)) return { ok: false, message: `${name} is already listed in edition.yaml` };
  const kinds = new Map<string, ChapterKind | undefined>();
  for (const chapter of listed) {
    const fm = await frontMatterOf(path.join(root, 'chapters', chapter));
    if (fm.slug === slug) return { ok: false, message: `The slug "${slug}" is already used by chapters/${chapter}` };
    kinds.set(chapter, fm.kind);
  }

  const updated = insertChapter(editionYaml, name, kind, (f) => kinds.get(f));
  await writeFile(file, chapterTemplate(kind, slug), { flag: 'wx' });
  if (updated !== undefined) await writeFile(editionPath, updated);
  return { ok: true, file: path.join('chapters', name), listed: updated !== undefined };
}

function listedChapters(editionYaml: string): string[] {
  try {
    const chapters = (parse(editionYaml) as { chapters?: unknown } | null)?.chapters;
    return Array.isArray(chapters) ? chapters.map(String) : [];
  } catch {
    return [];
  }
}

async function frontMatterOf(file: string): Promise<{ kind: ChapterKind | undefined; slug: string | undefined }> {
  try {
    const text = await readFile(file, 'utf8');
    const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
    const data = (match ? parse(match[1] as string) : undefined) as { kind?: unknown; slug?: unknown } | undefined;
    const kind = chapterKinds.find((k) => k === data?.kind);
    return { kind, slug: typeof data?.slug === 'string' ? data.slug : undefined };
  } catch {
    return { kind: undefined, slug: undefined };
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
