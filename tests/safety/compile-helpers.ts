import { compileEdition, type CompileResult } from '../../pipeline/compile.js';
import { collectProblems } from '../../pipeline/diagnostics/format.js';
import type { Audience } from '../../pipeline/model/figure.js';
import { editionYaml, toSources } from '../helpers/edition-fixture.js';

export { editionYaml };

/** A chapter with minimal front matter; its body starts on line 7. */
export function essay(title: string, body: string, extra = ''): string {
  return `---\ntitle: ${title}\nkind: essay\nsummary: A test chapter.\n${extra}---\n\n${body}`;
}

export interface Compiled {
  readonly result: CompileResult;
  /** `path:line:col severity rule`, sorted. */
  readonly problems: string[];
  /** The rendered HTML text of each chapter (tags stripped), by slug. */
  readonly text: Map<string, string>;
  /** The rendered chapters serialized as JSON (hast), by slug: holds attribute values too. */
  readonly json: Map<string, string>;
}

/** Compile an edition in memory (no charts drawn), as `monitor check` does. */
export async function compileFiles(files: Readonly<Record<string, string | Uint8Array>>, profile: Audience = 'public'): Promise<Compiled> {
  const all = new Map<string, string | Uint8Array>(Object.entries(files));
  if (!all.has('edition.yaml')) all.set('edition.yaml', editionYaml(Object.keys(files).filter((f) => f.startsWith('chapters/') && f.endsWith('.md')).map((f) => f.slice(9))));
  const result = await compileEdition(toSources(all), { profile, buildDate: new Date(0), drawCharts: false });
  // The untitled-table advice is not what these tests are about (tables/table-titles has its own).
  const problems = collectProblems(result.files)
    .filter((p) => p.rule !== 'table-title')
    .map((p) => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.rule}`)
    .sort();
  const text = new Map<string, string>();
  const json = new Map<string, string>();
  for (const c of result.edition?.chapters ?? []) {
    text.set(c.slug, textOf(c.content));
    json.set(c.slug, JSON.stringify(c.content));
  }
  return { result, problems, text, json };
}

function textOf(node: unknown): string {
  const n = node as { type: string; value?: string; children?: unknown[] };
  if (n.type === 'text' || n.type === 'raw') return n.value ?? '';
  return (n.children ?? []).map(textOf).join('');
}
