import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Edition } from '../../pipeline/model/edition.js';
import { emitPdf, type EmitPdfOptions } from '../../pipeline/stages/emit-pdf/index.js';

/** emitPdf returns files and writes nothing: this writes them into `dir` for tools that read a path. */
export async function emitPdfInto(dir: string, edition: Edition, options: EmitPdfOptions): Promise<Awaited<ReturnType<typeof emitPdf>> & { readonly pdfPath: string }> {
  const result = await emitPdf(edition, options);
  await mkdir(dir, { recursive: true });
  for (const f of result.files) await writeFile(join(dir, f.path), f.contents);
  return { ...result, pdfPath: join(dir, result.name) };
}
