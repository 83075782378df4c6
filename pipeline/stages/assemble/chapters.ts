import type { ChapterStages } from '../../cache/chapters.js';
import type { Locale } from '../../locale/index.js';
import type { Chapter } from '../../model/edition.js';
import type { Figure } from '../../model/figure.js';
import type { SurveyBundle } from '../../model/survey.js';
import type { PreparedChapter } from '../markdown/chapter.js';
import type { ChapterContext, DataResolvers } from '../markdown/context.js';
import { readingMinutes } from '../markdown/reading-time.js';
import { resolveStat } from '../survey/stat.js';
import { forProfile } from './for-profile.js';
import { generatedBlock } from './generated-blocks.js';
import type { ChapterNumbering } from './numbering.js';
import { smartenFrontMatter } from './titles.js';


/** `:stat` and generated blocks, answered from the surveys. */
export function dataResolvers(bundle: SurveyBundle, locale: Locale): DataResolvers {
  return {
    stat: (attrs) => {
      const r = resolveStat(bundle, attrs, locale);
      return r.ok ? { ok: true, value: r.text } : r;
    },
    block: (name, attrs) => generatedBlock(bundle, name, attrs, locale),
  };
}

/** What every chapter's rendering shares. */
export type SharedContext = Omit<ChapterContext, 'slug' | 'number'>;

/**
 * Render each included chapter's content and assemble its model: number, figures, reading time,
 * and front matter for this profile with typographic titles.
 */
export async function renderChapters(
  included: readonly PreparedChapter[],
  numbering: readonly ChapterNumbering[],
  /** The drawn charts, by id: awaited once every chapter is rendered (they are drawn meanwhile). */
  drawing: Promise<ReadonlyMap<string, Figure>>,
  shared: SharedContext,
  stages: ChapterStages,
  /** Told when the chapters are rendered and the drawings are awaited. */
  awaiting: () => void = () => undefined,
): Promise<Chapter[]> {
  const rendered: Awaited<ReturnType<ChapterStages['render']>>[] = [];
  for (const [i, c] of included.entries()) {
    const { locale, profile, index, data, labels, media, oversizedMedia } = shared;
    // Keys in this order: the cache key of a rendered chapter encodes the context.
    const ctx: ChapterContext = { slug: c.slug, number: numbering[i]?.prefix ?? i + 1, locale, profile, index, data, labels, media, oversizedMedia };
    rendered.push(await stages.render(c, ctx));
  }
  awaiting();
  const figures = await drawing;
  return included.map((c, i) => {
    const { content, headings, tables, wordCount } = rendered[i] as (typeof rendered)[number];
    const chapter: Chapter = {
      sourcePath: c.sourcePath,
      slug: c.slug,
      number: i + 1,
      label: numbering[i]?.label,
      frontMatter: smartenFrontMatter(forProfile(c.frontMatter, shared.profile), shared.locale.chapter(c.frontMatter.lang).quotes),
      content,
      headings,
      figures: c.outline.charts.map((d) => figures.get(d.id)).filter((f): f is NonNullable<typeof f> => f !== undefined),
      tables,
      wordCount,
      readingMinutes: readingMinutes(wordCount),
    };
    return chapter;
  });
}
