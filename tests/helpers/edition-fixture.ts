import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { SourceFile } from '../../pipeline/model/source.js';
import type { EditionSources } from '../../pipeline/stages/load/read-sources.js';

/**
 * A whole edition in one text file: `=== path` starts a file, `=== expect` lists the expected
 * problems as `path:line:col severity rule-id`, one per line.
 */
export interface EditionFixture {
  readonly files: ReadonlyMap<string, string>;
  readonly expect: readonly string[];
}

export function parseFixture(text: string): EditionFixture {
  const files = new Map<string, string>();
  let expect: string[] = [];
  const parts = text.split(/^=== (.+)$/m);
  for (let i = 1; i < parts.length; i += 2) {
    const name = (parts[i] as string).trim();
    const body = (parts[i + 1] ?? '').replace(/^\n/, '');
    if (name === 'expect') expect = body.split('\n').map((l) => l.trim()).filter(Boolean);
    else files.set(name, body);
  }
  return { files, expect };
}

export function toSources(files: ReadonlyMap<string, string | Uint8Array>, root = '/fixture'): EditionSources {
  const list: SourceFile[] = [...files].map(([p, body]) => ({
    path: p,
    bytes: typeof body === 'string' ? new TextEncoder().encode(body) : body,
  }));
  const under = (dir: string) => list.filter((f) => f.path.startsWith(`${dir}/`));
  return {
    root,
    edition: list.find((f) => f.path === 'edition.yaml'),
    chapters: under('chapters').filter((f) => f.path.endsWith('.md') && f.path.split('/').length === 2),
    assets: under('chapters').filter((f) => !f.path.endsWith('.md')),
    data: under('data'),
    styles: under('styles').filter((f) => f.path.endsWith('.css')),
  };
}

/** Write files into a new temporary folder (for CLI tests). */
export async function writeTempEdition(files: ReadonlyMap<string, string | Uint8Array>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'monitor-edition-'));
  for (const [p, body] of files) {
    await mkdir(path.dirname(path.join(dir, p)), { recursive: true });
    await writeFile(path.join(dir, p), body);
  }
  return dir;
}

/** An edition.yaml listing the given chapters. */
export function editionYaml(chapters: readonly string[]): string {
  return `title: Test Monitor
year: 2026
publisher: Eurocities
language: en
baseUrl: https://monitor.example.org/test/
licence: CC BY 4.0
contact: feedback@example.org
chapters:
${chapters.map((c) => `  - ${c}`).join('\n')}
`;
}

export const minimalEditionYaml = editionYaml(['essay.md']);
