import { createHash } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { RasterFonts } from './images.js';
import { woffToSfnt } from './woff.js';
import { writeFileAtomic } from '../../output/write-atomic.js';

let cache: Promise<RasterFonts> | undefined;

/**
 * Source Sans 3 (the charts' and headings' face) for the rasteriser, from the same @fontsource
 * package the pages use, in its WOFF form unpacked to OpenType. resvg reads font files by path
 * about ten times faster than from memory, so the unpacked files are kept in a folder of the
 * system's temporary directory, shared by every build. The folder is named by a hash of the WOFF
 * files, so a build whose files are all there reads the small WOFFs and unpacks nothing.
 */
export function loadRasterFonts(): Promise<RasterFonts> {
  cache ??= (async () => {
    const require = createRequire(import.meta.url);
    const dir = path.join(path.dirname(require.resolve('@fontsource/source-sans-3/package.json')), 'files');
    const names = ['latin', 'latin-ext'].flatMap((subset) => [400, 600, 700].map((w) => `source-sans-3-${subset}-${w}-normal`));
    const woffs = await Promise.all(names.map(async (name) => ({ name, woff: await readFile(path.join(dir, `${name}.woff`)) })));
    const hash = createHash('sha256');
    for (const f of woffs) hash.update(f.name).update('\0').update(f.woff);
    const folder = path.join(os.tmpdir(), `monitor-raster-fonts-${hash.digest('hex').slice(0, 16)}`);
    await mkdir(folder, { recursive: true });
    const paths = await Promise.all(
      woffs.map(async (f) => {
        const file = path.join(folder, `${f.name}.otf`);
        // A WOFF header gives the unpacked size (its totalSfntSize field, bytes 16–19).
        const present = await stat(file).then((s) => s.size === f.woff.readUInt32BE(16), () => false);
        if (!present) {
          // Written beside and renamed, so a build running alongside never reads half a file.
          await writeFileAtomic(file, woffToSfnt(f.woff));
        }
        return file;
      }),
    );
    return { files: paths };
  })();
  return cache;
}
