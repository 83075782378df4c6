import { VFile } from 'vfile';

/**
 * Files with their messages as plain data, for the disk cache: a VFileMessage is an Error, which
 * node:v8 would keep only the message of. What the reports read is kept: reason, place, rule,
 * source, severity and the hint.
 */
export interface StoredFile {
  readonly path: string | undefined;
  readonly messages: readonly StoredMessage[];
}

interface StoredMessage {
  readonly reason: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly ruleId: string | undefined;
  readonly source: string | undefined;
  readonly fatal: boolean | null | undefined;
  readonly note: string | undefined;
}

export function storeFiles(files: readonly VFile[]): StoredFile[] {
  return files.map((file) => ({
    path: file.path,
    messages: file.messages.map((m) => ({ reason: m.reason, line: m.line, column: m.column, ruleId: m.ruleId, source: m.source, fatal: m.fatal, note: m.note })),
  }));
}

/** New files carrying the stored messages (later steps may add to them). */
export function restoreFiles(stored: readonly StoredFile[]): VFile[] {
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
