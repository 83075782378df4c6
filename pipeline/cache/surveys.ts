import type { SourceFile } from '../model/source.js';
import type { SurveyBundle } from '../model/survey.js';
import { loadSurveys, type LoadSurveysOptions } from '../stages/survey/index.js';
import { encode, sha256 } from './codec.js';
import { restoreFiles, storeFiles, type StoredFile } from './messages.js';
import type { CacheStore } from './store.js';

type Loaded = ReturnType<typeof loadSurveys>;

/** What a reused survey load gives back: the bundle as it was, and each file's messages. */
interface SurveyEntry {
  readonly bundle: Loaded['bundle'];
  readonly files: readonly StoredFile[];
}

/** Each loaded bundle's content key (the key of its load), so chart plans can be keyed on it. */
const bundleKeys = new WeakMap<SurveyBundle, string>();

export function bundleKey(bundle: SurveyBundle): string | undefined {
  return bundleKeys.get(bundle);
}

/**
 * Load the surveys, or reuse the load of byte-identical data files and options: an edited essay
 * then costs no CSV or codebook parsing. In the preview's memory cache the bundle is the same
 * object; from the disk cache (preloaded: see compile.ts) a copy. Every stage treats it as
 * immutable. The files are new VFiles carrying the same messages, since later steps may add to them.
 */
export function surveyLoader(store: CacheStore | undefined): (data: readonly SourceFile[], options: LoadSurveysOptions) => Loaded {
  if (!store) return loadSurveys;
  return (data, options) => {
    const key = sha256('surveys', encode(options), ...data.flatMap((f) => [f.path, f.bytes]));
    const hit = store.peek('surveys', key) as SurveyEntry | undefined;
    if (hit) {
      bundleKeys.set(hit.bundle, key);
      return { bundle: hit.bundle, files: restoreFiles(hit.files) };
    }
    const loaded = loadSurveys(data, options);
    bundleKeys.set(loaded.bundle, key);
    store.set('surveys', key, { bundle: loaded.bundle, files: storeFiles(loaded.files) } satisfies SurveyEntry);
    return loaded;
  };
}
