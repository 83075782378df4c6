import { ZipFile } from 'yazl';

export interface ZipEntry {
  readonly path: string;
  readonly contents: Uint8Array;
}

/**
 * The EPUB container: `mimetype` first and stored, then the entries in the order given, all with
 * the same timestamp (the build date), so the same input gives the same bytes. The ZIP format
 * keeps local time without a zone; writing the build date's UTC fields as local time keeps the
 * bytes independent of the machine's time zone.
 */
export async function epubZip(entries: readonly ZipEntry[], date: Date): Promise<Uint8Array> {
  const zip = new ZipFile();
  const when = dosDate(date);
  const options = { mtime: when, forceDosTimestamp: true, mode: 0o100644 };
  zip.addBuffer(Buffer.from('application/epub+zip', 'ascii'), 'mimetype', { ...options, compress: false });
  for (const e of entries) zip.addBuffer(Buffer.from(e.contents), e.path, { ...options, compress: true });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

/** ZIP dates start in 1980. */
function dosDate(date: Date): Date {
  const d = date.getTime() < Date.UTC(1980, 0, 2) ? new Date(Date.UTC(1980, 0, 2)) : date;
  return new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds());
}
