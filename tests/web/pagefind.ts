import { gunzipSync } from 'node:zlib';

/** Every Pagefind index file's text, decompressed (fragments, word index and metadata are gzipped). */
export function pagefindText(files: ReadonlyMap<string, Buffer>): string {
  return [...files]
    .filter(([name]) => /(^|\/)pagefind\/.*\.pf_(fragment|index|meta)$/.test(name))
    .map(([, bytes]) => gunzipSync(bytes).toString('utf8'))
    .join('\n');
}
