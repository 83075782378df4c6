/** Helpers for survey tests: in-memory sources and message formatting. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VFile } from 'vfile';
import type { SourceFile } from '../../pipeline/model/source.js';

export const root = join(import.meta.dirname, '..', '..');

/** The project's own data/ files (top level only), as the load stage would receive them. */
export function sampleSources(): SourceFile[] {
  return readdirSync(join(root, 'data'), { withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => ({ path: `data/${d.name}`, bytes: new Uint8Array(readFileSync(join(root, 'data', d.name))) }));
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

export function source(path: string, content: string | Uint8Array): SourceFile {
  return { path, bytes: typeof content === 'string' ? utf8(content) : content };
}

/** "path:line:col rule" for each message, in order. */
export function messages(files: readonly VFile[]): string[] {
  return files.flatMap((f) => f.messages.map((m) => `${f.path}:${m.line ?? '?'}:${m.column ?? '?'} ${m.ruleId}`));
}

export function reasons(files: readonly VFile[]): string[] {
  return files.flatMap((f) => f.messages.map((m) => `${f.path}:${m.line}:${m.column} ${m.ruleId}: ${m.reason}`));
}
