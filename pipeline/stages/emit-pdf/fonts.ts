import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface FontFamily {
  readonly pkg: string;
  readonly family: string;
  readonly faces: readonly (readonly [weight: number, style: 'normal' | 'italic'])[];
}

/** Body serif and display sans, in the weights print.css uses. */
const families: readonly FontFamily[] = [
  {
    pkg: '@fontsource/source-serif-4',
    family: 'Source Serif 4',
    faces: [[400, 'normal'], [400, 'italic'], [600, 'normal'], [600, 'italic'], [700, 'normal']],
  },
  {
    pkg: '@fontsource/source-sans-3',
    family: 'Source Sans 3',
    faces: [[400, 'normal'], [400, 'italic'], [600, 'normal'], [700, 'normal']],
  },
];

/** latin-ext carries Ł ő ř ș ğ; Chromium embeds only the glyphs used, so the cost is in the HTML only. */
const subsets = ['latin', 'latin-ext'] as const;

let cached: Promise<string> | undefined;

/**
 * @font-face rules with the woff2 files inlined as data: URLs, so the print document is
 * self-contained and Chromium never reads node_modules itself. Read once per process.
 */
export function loadFontCss(): Promise<string> {
  cached ??= buildFontCss().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function buildFontCss(): Promise<string> {
  const rules: Promise<string>[] = [];
  for (const { pkg, family, faces } of families) {
    const ranges = JSON.parse(await readFile(require.resolve(`${pkg}/unicode.json`), 'utf8')) as Record<string, string>;
    const slug = pkg.split('/')[1] ?? pkg;
    for (const [weight, style] of faces) {
      for (const subset of subsets) {
        const file = require.resolve(`${pkg}/files/${slug}-${subset}-${weight}-${style}.woff2`);
        rules.push(
          readFile(file).then(
            (bytes) =>
              `@font-face{font-family:'${family}';font-style:${style};font-weight:${weight};font-display:block;` +
              `src:url(data:font/woff2;base64,${bytes.toString('base64')}) format('woff2');unicode-range:${ranges[subset] ?? 'U+0-10FFFF'}}`,
          ),
        );
      }
    }
  }
  return (await Promise.all(rules)).join('\n');
}
