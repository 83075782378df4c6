import { VFile } from 'vfile';
import type { SourceFile } from '../model/source.js';
import { loadSurveys, type LoadSurveysOptions } from '../stages/survey/index.js';
import { encode, sha256 } from './codec.js';
import { MemoryStore, type CacheStore } from './store.js';

type Loaded = ReturnType<typeof loadSurveys>;

/** What a reused survey load gives back: the bundle as it was, and each file's messages. */
interface SurveyEntry {
  readonly bundle: Loaded['bundle'];
  readonly files: readonly { readonly path: string; readonly messages: VFile['messages'] }[];
}

/**
 * Load the surveys, or, in the preview's memory cache, reuse the load of byte-identical data files
 * and options: an edited essay then costs no CSV or codebook parsing. The bundle is shared (every
 * stage treats it as immutable); the files are new VFiles carrying the same messages, since later
 * steps may add to them. The disk cache does not keep surveys: their typed arrays and NaNs are not
 * JSON, and parsing them costs little next to a process start.
 */
export function surveyLoader(store: CacheStore | undefined): (data: readonly SourceFile[], options: LoadSurveysOptions) => Loaded {
  if (!(store instanceof MemoryStore)) return loadSurveys;
  return (data, options) => {
    const key = sha256('surveys', encode(options), ...data.flatMap((f) => [f.path, f.bytes]));
    const hit = store.peek('surveys', key) as SurveyEntry | undefined;
    if (hit) return { bundle: hit.bundle, files: hit.files.map(restore) };
    const loaded = loadSurveys(data, options);
    store.set('surveys', key, { bundle: loaded.bundle, files: loaded.files.map((f) => ({ path: f.path, messages: [...f.messages] })) } satisfies SurveyEntry);
    return loaded;
  };
}

function restore(saved: SurveyEntry['files'][number]): VFile {
  const file = new VFile({ path: saved.path });
  file.messages.push(...saved.messages);
  return file;
}
