import { readFile, truncate } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { woffToSfnt } from '../../pipeline/stages/emit-html/woff.js';

const fontsDir = path.join(path.dirname(createRequire(import.meta.url).resolve('@fontsource/source-sans-3/package.json')), 'files');

/** A fresh copy of the module: its fonts are loaded once per process otherwise. */
async function freshLoad() {
  vi.resetModules();
  const { loadRasterFonts } = await import('../../pipeline/stages/emit-html/raster-fonts.js');
  return loadRasterFonts();
}

describe('the rasteriser’s fonts', () => {
  it('are the package’s WOFF files unpacked to OpenType, byte for byte', async () => {
    const { files } = await freshLoad();
    expect(files).toHaveLength(6);
    for (const file of files) {
      const woff = await readFile(path.join(fontsDir, path.basename(file).replace(/\.otf$/, '.woff')));
      expect(Buffer.from(await readFile(file)).equals(Buffer.from(woffToSfnt(woff)))).toBe(true);
    }
  });

  it('a file cut short in the shared folder is unpacked again, not used', async () => {
    const first = await freshLoad();
    const cut = first.files[2]!;
    const whole = await readFile(cut);
    await truncate(cut, 100);
    const second = await freshLoad();
    expect(second.files).toEqual(first.files);
    expect(Buffer.from(await readFile(cut)).equals(whole)).toBe(true);
  });
});
