import type { Root } from 'mdast';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { Audience } from '../model/figure.js';
import type { SourceFile } from '../model/source.js';
import { prepareChapter, renderChapterContent, type PreparedChapter, type RenderedContent } from '../stages/markdown/chapter.js';
import type { ChapterContext } from '../stages/markdown/context.js';
import { encode, sha256 } from './codec.js';
import { recordingContext, stillValid, unrecordedContext, type Dependency } from './dependencies.js';
import type { CacheStore } from './store.js';

/** The two chapter phases, as compile calls them; with a store, unchanged chapters are reused. */
export interface ChapterStages {
  prepare(source: SourceFile, profile: Audience, membersLabel: string): Promise<{ file: VFile; chapter: PreparedChapter | undefined }>;
  render(chapter: PreparedChapter, ctx: ChapterContext): Promise<RenderedContent>;
}

/** A message as stored: enough to put it back on a new VFile exactly as it was reported. */
interface StoredMessage {
  readonly reason: string;
  readonly ruleId: string | undefined;
  readonly source: string | undefined;
  readonly place: VFileMessage['place'];
  readonly fatal: boolean | null | undefined;
  readonly note: string | undefined;
  readonly url: string | undefined;
}

interface PrepareEntry {
  readonly messages: readonly StoredMessage[];
  readonly chapter: Omit<PreparedChapter, 'file' | 'tree'> | undefined;
}

interface RenderEntry {
  readonly deps: readonly Dependency[];
  readonly messages: readonly StoredMessage[];
  readonly rendered: RenderedContent;
}

const uncached: ChapterStages = {
  prepare: async (source, profile, label) => prepareChapter(source, profile, label),
  render: renderChapterContent,
};

/**
 * Prepare is keyed by sha256(chapter bytes, profile, members label); render by that plus the
 * chapter's context (number, slug, language, labels…), and is valid while the parts of the edition
 * index, survey data and media it read are unchanged (see dependencies.ts). The pipeline version is part of
 * every key through the store. A prepare hit does not parse the chapter; its Markdown tree is
 * parsed only if its rendering must run again.
 */
export function chapterStages(store: CacheStore | undefined): ChapterStages {
  if (!store) return uncached;
  const sourceKeys = new WeakMap<PreparedChapter, string>();

  return {
    async prepare(source, profile, membersLabel) {
      // The path is part of the key: a file-name slug comes from it, so a copy under another name is another chapter.
      const key = sha256('prepare', source.path, source.bytes, profile, membersLabel);
      const hit = (await store.get('prepare', key)) as PrepareEntry | undefined;
      if (hit) {
        const file = new VFile({ path: source.path, value: new TextDecoder().decode(source.bytes) });
        restoreMessages(file, hit.messages);
        if (!hit.chapter) return { file, chapter: undefined };
        let tree: Root | undefined;
        const chapter: PreparedChapter = {
          ...hit.chapter,
          file,
          // Parsed only when the rendering is not cached either; rendering mutates the tree.
          get tree(): Root {
            tree ??= prepareChapter(source, profile, membersLabel).chapter?.tree ?? { type: 'root', children: [] };
            return tree;
          },
        };
        sourceKeys.set(chapter, key);
        return { file, chapter };
      }
      const fresh = prepareChapter(source, profile, membersLabel);
      const { chapter } = fresh;
      store.set('prepare', key, {
        messages: storeMessages(fresh.file.messages),
        chapter: chapter && { sourcePath: chapter.sourcePath, frontMatter: chapter.frontMatter, slug: chapter.slug, outline: chapter.outline },
      } satisfies PrepareEntry);
      if (chapter) sourceKeys.set(chapter, key);
      return fresh;
    },

    async render(chapter, ctx) {
      const sourceKey = sourceKeys.get(chapter);
      if (sourceKey === undefined) return renderChapterContent(chapter, ctx);
      const key = sha256('render', sourceKey, chapter.slug, encode(unrecordedContext(ctx)));
      const hit = (await store.get('render', key)) as RenderEntry | undefined;
      if (hit && stillValid(hit.deps, ctx)) {
        restoreMessages(chapter.file, hit.messages);
        return hit.rendered;
      }
      const deps: Dependency[] = [];
      const before = chapter.file.messages.length;
      const rendered = await renderChapterContent(chapter, recordingContext(ctx, deps));
      store.set('render', key, {
        deps: unique(deps),
        messages: storeMessages(chapter.file.messages.slice(before)),
        rendered,
      } satisfies RenderEntry);
      return rendered;
    },
  };
}

function storeMessages(messages: readonly VFileMessage[]): StoredMessage[] {
  return messages.map((m) => ({ reason: m.reason, ruleId: m.ruleId, source: m.source, place: m.place, fatal: m.fatal, note: m.note, url: m.url }));
}

function restoreMessages(file: VFile, messages: readonly StoredMessage[]): void {
  for (const s of messages) {
    const m = file.message(s.reason, { place: s.place ?? undefined, ruleId: s.ruleId, source: s.source });
    m.fatal = s.fatal;
    m.note = s.note;
    m.url = s.url;
  }
}

function unique(deps: readonly Dependency[]): Dependency[] {
  const seen = new Map<string, Dependency>();
  for (const d of deps) seen.set(encode(d), d);
  return [...seen.values()];
}
