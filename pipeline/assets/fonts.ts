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

const ranges: Record<FontFile['subset'], string> = {
  latin:
    'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
  'latin-ext':
    'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C4,U+2113,U+2C60-2C7F,U+A720-A7FF',
};

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
    const dir = path.join(path.dirname(require.resolve(`${f.pkg}/package.json`)), 'files');
    for (const weight of weights)
      for (const style of styles)
        for (const subset of subsets) {
          const name = `${f.id}-${subset}-${weight}-${style}.woff2`;
          jobs.push(readFile(path.join(dir, name)).then((bytes) => ({ name, family: f.family, weight, style, subset, bytes })));
        }
  }
  return Promise.all(jobs);
}

/** @font-face rules for the given files, with `url(prefix + name)`. Font names are our own constants. */
export function fontFaceCss(fonts: readonly FontFile[], urlFor: (font: FontFile) => string): string {
  return fonts
    .map(
      (f) =>
        `@font-face{font-family:'${f.family}';font-style:${f.style};font-weight:${f.weight};font-display:swap;` +
        `src:url(${urlFor(f)}) format('woff2');unicode-range:${ranges[f.subset]}}`,
    )
    .join('\n');
}
