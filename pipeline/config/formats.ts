import { report } from '../diagnostics/report.js';
import type { LoadedEdition } from './load-edition.js';

/** Each name in edition.yaml's `formats` must be a format the pipeline can make, reported at its entry. */
export function checkFormats(loaded: LoadedEdition, known: readonly string[]): void {
  for (const name of loaded.settings.formats ?? []) {
    if (known.includes(name)) continue;
    report(loaded.file, 'edition-format', `Unknown format \`${name}\` in formats: this pipeline makes ${known.join(', ')}`, loaded.yaml?.positionOfEntry(['formats'], name));
  }
}
