import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The edition's fonts, from the npm @fontsource packages: Source Serif 4 for text and Source Sans 3
 * for headings, captions and charts, in the latin and latin-ext subsets (Ł, ő, ř, ș, ğ…).
 * Both editions use these files; nothing is loaded from a third party.
 */
export interface FontFile {
  readonly name: string;
  /** CSS unicode-range of the subset, from the package's unicode.json. */
  readonly range: string;
  readonly family: string;
  readonly weight: number;
  readonly style: 'normal' | 'italic';
  readonly subset: 'latin' | 'latin-ext';
  readonly bytes: Uint8Array;
}

const families = [
  { pkg: '@fontsource/source-serif-4', id: 'source-serif-4', family: 'Source Serif 4' },
  { pkg: '@fontsource/source-sans-3', id: 'source-sans-3', family: 'Source Sans 3' },
] as const;
const weights = [400, 600, 700] as const;
const styles = ['normal', 'italic'] as const;
const subsets = ['latin', 'latin-ext'] as const;

let cache: Promise<FontFile[]> | undefined;

/** Read the font files once per process (I/O at the edge). */
export function loadFonts(): Promise<FontFile[]> {
  cache ??= readAll();
  return cache;
}

async function readAll(): Promise<FontFile[]> {
  const require = createRequire(import.meta.url);
  const jobs: Promise<FontFile>[] = [];
  for (const f of families) {
    const root = path.dirname(require.resolve(`${f.pkg}/package.json`));
    const dir = path.join(root, 'files');
    const ranges = JSON.parse(await readFile(path.join(root, 'unicode.json'), 'utf8')) as Record<string, string>;
    for (const weight of weights)
      for (const style of styles)
        for (const subset of subsets) {
          const name = `${f.id}-${subset}-${weight}-${style}.woff2`;
          const range = ranges[subset] ?? 'U+0-10FFFF';
          jobs.push(readFile(path.join(dir, name)).then((bytes) => ({ name, range, family: f.family, weight, style, subset, bytes })));
        }
  }
  return Promise.all(jobs);
}

/**
 * @font-face rules for the given files, with `url(urlFor(font))`. Family names and ranges are our
 * own constants. The web swaps fonts in; print blocks until they are loaded.
 */
export function fontFaceCss(fonts: readonly FontFile[], urlFor: (font: FontFile) => string, display: 'swap' | 'block' = 'swap'): string {
  return fonts
    .map(
      (f) =>
        `@font-face{font-family:'${f.family}';font-style:${f.style};font-weight:${f.weight};font-display:${display};` +
        `src:url(${urlFor(f)}) format('woff2');unicode-range:${f.range}}`,
    )
    .join('\n');
}
