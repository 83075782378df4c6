import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadEdition } from '../config/load-edition.js';
import { auditPdf, formatFailure } from './index.js';

export interface AuditCommandOptions {
  /** Edition root: its edition.yaml names the PDF (`<out>/pdf/<slug>.pdf`) when no file is given. */
  readonly root: string;
  readonly out: string;
  /** An explicit PDF, already resolved against the working directory. */
  readonly pdf: string | undefined;
  /** Paths in messages are shown relative to this folder. */
  readonly cwd: string;
  readonly print: (line: string) => void;
}

export type AuditOutcome = { readonly kind: 'clean' | 'failed'; readonly failures: number } | { readonly kind: 'unreadable'; readonly message: string };

/** `monitor audit`: find the PDF, audit it, print one line per failure. */
export async function auditCommand(options: AuditCommandOptions): Promise<AuditOutcome> {
  let pdfPath = options.pdf;
  if (pdfPath === undefined) {
    const file = path.join(options.root, 'edition.yaml');
    const bytes = await readFile(file).catch(() => undefined);
    const config = loadEdition(bytes ? { path: 'edition.yaml', bytes } : undefined).config;
    if (!config) return { kind: 'unreadable', message: `Cannot read the edition's slug from ${file}: run "monitor check" to see why, or name the PDF.` };
    pdfPath = path.join(options.out, 'pdf', `${config.slug}.pdf`);
  }
  const shown = path.relative(options.cwd, pdfPath) || pdfPath;
  let bytes: Uint8Array;
  try {
    bytes = await readFile(pdfPath);
  } catch {
    return { kind: 'unreadable', message: `${shown}: no such PDF. Build it first with "monitor build --format pdf", or name the PDF to audit.` };
  }
  let failures;
  try {
    failures = await auditPdf(bytes);
  } catch (error) {
    return { kind: 'unreadable', message: `${shown}: not a readable PDF (${error instanceof Error ? error.message : String(error)})` };
  }
  for (const f of failures) options.print(formatFailure(shown, f));
  return { kind: failures.length === 0 ? 'clean' : 'failed', failures: failures.length };
}
