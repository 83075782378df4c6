import { epubEmitter } from './epub.js';
import { htmlEmitter } from './html.js';
import { pdfEmitter } from './pdf.js';
import type { Emitter } from './types.js';

export type { EmitContext, EmitResult, EmittedDocument, Emitter } from './types.js';

/**
 * Every edition format, in the order they run: a later emitter may use an earlier one's result
 * through `ctx.previous` (the web pages link the PDF, so `pdf` comes before `html`).
 *
 * To add a format, write an Emitter (see ./types.ts: it returns files and never writes them) and
 * add it here, after the emitters whose results it uses (`epub` follows the PDF's pages; `html`
 * links both). Its folder is
 * then managed in the output folder, and `--format` and edition.yaml's `formats` accept its name.
 */
export const EMITTERS: readonly Emitter[] = [
  pdfEmitter,
  epubEmitter,
  htmlEmitter,
];

/** The formats a table knows, in table order. */
export function formatNames(table: readonly Emitter[] = EMITTERS): string[] {
  return table.map((e) => e.format);
}
