import { VFile } from 'vfile';
import type { Audience } from '../model/figure.js';
import type { EditionSources } from '../stages/load/read-sources.js';
import { sha256 } from './codec.js';
import type { CacheStore } from './store.js';

const NAMESPACE = 'check';

interface StoredMessage {
  readonly reason: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly ruleId: string | undefined;
  readonly source: string | undefined;
  readonly fatal: boolean | null | undefined;
  readonly note: string | undefined;
}

interface StoredFile {
  readonly path: string | undefined;
  readonly messages: readonly StoredMessage[];
}

/**
 * The key of a check: every source file's path and bytes and the profile (the cache folder is
 * already per pipeline version). A check reads nothing else: not the clock (the build date only
 * dates the accessibility statement's text), not the output folder, not the environment.
 */
export function checkKey(sources: EditionSources, profile: Audience): string {
  const files = [...(sources.edition ? [sources.edition] : []), ...sources.chapters, ...sources.data, ...sources.styles, ...sources.assets];
  return sha256(profile, ...files.flatMap((f) => [f.path, f.bytes]));
}

/** The problems a check of exactly these sources reported last time, as files with their messages. */
export async function knownCheck(cache: CacheStore | undefined, key: string): Promise<VFile[] | undefined> {
  const stored = (await cache?.get(NAMESPACE, key)) as readonly StoredFile[] | undefined;
  if (!Array.isArray(stored)) return undefined;
  return stored.map((f) => {
    const file = new VFile(f.path === undefined ? {} : { path: f.path });
    for (const m of f.messages) {
      const message = file.message(m.reason, {
        ...(m.line === undefined ? {} : { place: { line: m.line, column: m.column ?? 1 } }),
        ...(m.ruleId === undefined ? {} : { ruleId: m.ruleId }),
        ...(m.source === undefined ? {} : { source: m.source }),
      });
      message.fatal = m.fatal;
      if (m.note !== undefined) message.note = m.note;
    }
    return file;
  });
}

/** Keep what this check reported, for the next check of the same sources. */
export function rememberCheck(cache: CacheStore | undefined, key: string, files: readonly VFile[]): void {
  const stored: StoredFile[] = files.map((file) => ({
    path: file.path,
    messages: file.messages.map((m) => ({ reason: m.reason, line: m.line, column: m.column, ruleId: m.ruleId, source: m.source, fatal: m.fatal, note: m.note })),
  }));
  cache?.set(NAMESPACE, key, stored);
}
