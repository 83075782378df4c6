import { primaryOf } from './conventions.js';
import { de } from './strings/de.js';
import { en, type Strings } from './strings/en.js';
import { es } from './strings/es.js';
import { fr } from './strings/fr.js';
import { it } from './strings/it.js';
import { nl } from './strings/nl.js';
import { pl } from './strings/pl.js';

/** One catalogue per language, by primary language tag. Adding a language: docs/authoring.md#adding-a-language. */
export const catalogues: Readonly<Record<string, Strings>> = { en, de, fr, it, es, pl, nl };

/** The language's own catalogue, or English (`own: false`) when it has none. */
export function catalogueFor(language: string): { readonly strings: Strings; readonly own: boolean } {
  const own = catalogues[primaryOf(language)];
  return own === undefined ? { strings: en, own: false } : { strings: own, own: true };
}
