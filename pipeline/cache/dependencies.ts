import type { ChapterContext, DataResolvers, EditionIndex } from '../stages/markdown/context.js';
import { fingerprint } from './codec.js';

/**
 * What a chapter's rendering read from the rest of the edition, each with a fingerprint of what
 * it saw. A cached rendering is reused only while every dependency still has the same fingerprint,
 * so editing one essay re-renders only the chapters that link to what changed.
 */
export type Dependency =
  | { readonly on: 'chapter' | 'figure'; readonly key: string; readonly print: string }
  | { readonly on: 'all-chapters' | 'all-figures' | 'all-media'; readonly print: string }
  | { readonly on: 'media'; readonly key: string; readonly print: string }
  | { readonly on: 'stat'; readonly attributes: Readonly<Record<string, string>>; readonly print: string }
  | { readonly on: 'block'; readonly name: string; readonly attributes: Readonly<Record<string, string>>; readonly print: string };

/**
 * The context minus the parts that are recorded as they are read: every other field (slug,
 * number, language, labels… and any field added later) goes into the cache key as it is.
 */
export function unrecordedContext(ctx: ChapterContext): Omit<ChapterContext, 'index' | 'data' | 'media'> {
  const { index: _index, data: _data, media: _media, ...rest } = ctx;
  return rest;
}

const seenPrints = new WeakMap<object, Map<string, string>>();

/**
 * A fingerprint of what `owner` (an index map, the media set or the data resolvers of one compile,
 * which do not change while it lasts) gives for `key`, made once per compile: many chapters depend
 * on the same chapter, figure, statistic or whole map.
 */
function printOf(owner: object, key: string, make: () => string): string {
  let prints = seenPrints.get(owner);
  if (prints === undefined) seenPrints.set(owner, (prints = new Map()));
  let print = prints.get(key);
  if (print === undefined) prints.set(key, (print = make()));
  return print;
}

/** The fingerprint of a whole map or set, made once per compile (no key of an entry starts with a NUL). */
function wholeMap(map: ReadonlyMap<string, unknown> | ReadonlySet<string>): string {
  return printOf(map, '\0whole', () => fingerprint(map));
}

/** A context whose index and data record every read into `deps`. */
export function recordingContext(ctx: ChapterContext, deps: Dependency[]): ChapterContext {
  const index: EditionIndex = {
    chapters: recordingMap(ctx.index.chapters, 'chapter', 'all-chapters', deps),
    figures: recordingMap(ctx.index.figures, 'figure', 'all-figures', deps),
  };
  const data: DataResolvers = {
    stat(attributes) {
      const result = ctx.data.stat(attributes);
      deps.push({ on: 'stat', attributes: { ...attributes }, print: fingerprint(result) });
      return result;
    },
    block(name, attributes) {
      const result = ctx.data.block(name, attributes);
      deps.push({ on: 'block', name, attributes: { ...attributes }, print: fingerprint(result) });
      return result;
    },
  };
  const media = ctx.media;
  const recordedMedia: ReadonlySet<string> = {
    get size() {
      deps.push({ on: 'all-media', print: wholeMap(media) });
      return media.size;
    },
    has(key: string) {
      deps.push({ on: 'media', key, print: String(media.has(key)) });
      return media.has(key);
    },
    forEach(callback, thisArg) {
      deps.push({ on: 'all-media', print: wholeMap(media) });
      media.forEach((v) => callback.call(thisArg, v, v, this));
    },
    entries() {
      deps.push({ on: 'all-media', print: wholeMap(media) });
      return media.entries();
    },
    keys() {
      deps.push({ on: 'all-media', print: wholeMap(media) });
      return media.keys();
    },
    values() {
      deps.push({ on: 'all-media', print: wholeMap(media) });
      return media.values();
    },
    [Symbol.iterator]() {
      deps.push({ on: 'all-media', print: wholeMap(media) });
      return media[Symbol.iterator]();
    },
  } as ReadonlySet<string>;
  return { ...ctx, index, data, media: recordedMedia };
}

/** Does every recorded dependency still see the same thing? */
export function stillValid(deps: readonly Dependency[], ctx: ChapterContext): boolean {
  return deps.every((d) => {
    switch (d.on) {
      case 'chapter':
        return printOf(ctx.index.chapters, d.key, () => fingerprint(ctx.index.chapters.get(d.key))) === d.print;
      case 'figure':
        return printOf(ctx.index.figures, d.key, () => fingerprint(ctx.index.figures.get(d.key))) === d.print;
      case 'all-chapters':
        return wholeMap(ctx.index.chapters) === d.print;
      case 'all-figures':
        return wholeMap(ctx.index.figures) === d.print;
      case 'media':
        return String(ctx.media.has(d.key)) === d.print;
      case 'all-media':
        return wholeMap(ctx.media) === d.print;
      case 'stat':
        return printOf(ctx.data, `stat\0${JSON.stringify(d.attributes)}`, () => fingerprint(ctx.data.stat(d.attributes))) === d.print;
      case 'block':
        return printOf(ctx.data, `block\0${d.name}\0${JSON.stringify(d.attributes)}`, () => fingerprint(ctx.data.block(d.name, d.attributes))) === d.print;
    }
  });
}

function recordingMap<V>(
  map: ReadonlyMap<string, V>,
  one: 'chapter' | 'figure',
  all: 'all-chapters' | 'all-figures',
  deps: Dependency[],
): ReadonlyMap<string, V> {
  const readAll = () => deps.push({ on: all, print: wholeMap(map) });
  const readOne = (key: string) => deps.push({ on: one, key, print: fingerprint(map.get(key)) });
  return {
    get size() {
      readAll();
      return map.size;
    },
    get(key: string) {
      readOne(key);
      return map.get(key);
    },
    has(key: string) {
      readOne(key);
      return map.has(key);
    },
    forEach(callback, thisArg) {
      readAll();
      map.forEach((v, k) => callback.call(thisArg, v, k, this));
    },
    entries() {
      readAll();
      return map.entries();
    },
    keys() {
      readAll();
      return map.keys();
    },
    values() {
      readAll();
      return map.values();
    },
    [Symbol.iterator]() {
      readAll();
      return map[Symbol.iterator]();
    },
  } as ReadonlyMap<string, V>;
}
