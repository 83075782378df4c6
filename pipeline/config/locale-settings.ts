import type { VFile } from 'vfile';
import { report } from '../diagnostics/report.js';
import type { YamlSource } from '../diagnostics/yaml-source.js';
import { en } from '../locale/strings/en.js';
import type { Locale } from '../locale/index.js';
import type { EditionConfig } from '../model/edition.js';

/**
 * edition.yaml's `strings:` keys must be catalogue keys (an unknown one is a typo that would
 * silently print the catalogue's word). Returns the overrides that apply.
 */
export function checkStrings(config: EditionConfig, file: VFile, yaml: YamlSource | undefined): Readonly<Record<string, string>> {
  const known = Object.keys(en);
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(config.strings ?? {})) {
    if (Object.hasOwn(en, key)) {
      out[key] = value;
      continue;
    }
    const near = closest(key, known);
    report(file, 'edition-string-unknown', `\`${key}\` is not an interface string${near === undefined ? '' : `; did you mean \`${near}\`?`}`, yaml?.positionOf(['strings', key], { key: true }));
  }
  return out;
}

/** A language without a catalogue is said once, at `language`: its interface strings are English. */
export function checkCatalogue(locale: Locale, file: VFile, yaml: YamlSource | undefined): void {
  if (locale.hasCatalogue || yaml === undefined) return;
  report(file, 'locale-strings-english', `The pipeline has no catalogue for \`${locale.language}\`: its interface strings (navigation, captions, notes) are printed in English`, yaml.positionOf(['language']));
}

/** The known key nearest to a misspelt one (edit distance at most a third of its length). */
function closest(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(key.length / 3)) + 1;
  for (const k of known) {
    const d = distance(key.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best;
}

function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next.push(Math.min((row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1, (row[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)));
    row = next;
  }
  return row[b.length] ?? 0;
}
