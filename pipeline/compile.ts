import type { VFile } from 'vfile';
import type { Chapter, Edition, EditionConfig, FrontMatter } from './model/edition.js';
import type { Audience } from './model/figure.js';
import { chapterStages } from './cache/chapters.js';
import { chartRenderer } from './cache/charts.js';
import type { CacheStore } from './cache/store.js';
import { loadEdition } from './config/load-edition.js';
import { report } from './diagnostics/report.js';
import { accessibilityStatement } from './stages/assemble/accessibility-statement.js';
import { buildFigures, type NumberedChart } from './stages/assemble/charts.js';
import { generatedBlock } from './stages/assemble/generated-blocks.js';
import { numberChapters } from './stages/assemble/numbering.js';
import type { Quotes } from './locale/index.js';
import type { ProgressSink } from './progress/events.js';
import type { EditionSources } from './stages/load/read-sources.js';
import type { PreparedChapter } from './stages/markdown/chapter.js';
import type { ChapterRef, DataResolvers, EditionIndex, FigureRef } from './stages/markdown/context.js';
import { MAX_IMAGE_BYTES, MEDIA_DIR } from './stages/markdown/images.js';
import { labelsOf } from './stages/markdown/labels.js';
import { smartenText } from './stages/markdown/typography.js';
import { slugProblem } from './stages/validate/slug.js';
import { warmChartWorkers } from './stages/charts/workers.js';
import { resolveStat } from './stages/survey/stat.js';
import { loadSurveys } from './stages/survey/index.js';

export interface CompileOptions {
  readonly profile: Audience;
  /** Decided at the edge (SOURCE_DATE_EPOCH or the clock); stages never read the clock. */
  readonly buildDate: Date;
  /** Draw charts (build) or only plan and check them (check). */
  readonly drawCharts: boolean;
  /** Reuse unchanged chapters and charts (content-hash keys); the edge picks memory or disk. */
  readonly cache?: CacheStore | undefined;
  /** Told when each step starts (the edge measures time; the core reads no clock). */
  readonly progress?: ProgressSink | undefined;
}

export interface CompileResult {
  readonly edition: Edition | undefined;
  /** Every file that was read, with its messages. */
  readonly files: readonly VFile[];
}

const WORDS_PER_MINUTE = 230;

/** Sources → one Edition model for both emitters. Pure: no disk, clock or environment. */
export async function compileEdition(sources: EditionSources, options: CompileOptions): Promise<CompileResult> {
  const progress = options.progress ?? (() => {});
  const stages = chapterStages(options.cache);

  // 1. Load edition.yaml.
  progress({ stage: 'edition' });
  const loaded = loadEdition(sources.edition);
  const files: VFile[] = [loaded.file];
  // A broken edition.yaml still lets everything else be checked (salvaged settings): one run.
  const config = loaded.settings;
  // The one locale of the build (config/load-edition.ts resolves it): every stage takes it from here.
  const locale = loaded.locale;
  const labels = labelsOf(locale);

  // 2. Parse and validate every chapter file, listed or not, so `check` sees them all.
  progress({ stage: 'chapters', count: sources.chapters.length });
  // Chart threads load Vega (about a second each) while the chapters are parsed, when there will be charts to draw.
  if (options.drawCharts && sources.chapters.some((s) => Buffer.from(s.bytes.buffer, s.bytes.byteOffset, s.bytes.byteLength).includes('::chart'))) warmChartWorkers();
  const byName = new Map(sources.chapters.map((s) => [s.path.slice('chapters/'.length), s]));
  const prepared: PreparedChapter[] = [];
  // If the chapter list itself is unusable, check every chapter file in name order.
  const listed = loaded.config || config.chapters.length > 0 ? config.chapters : [...byName.keys()].sort();
  for (const name of listed) {
    const source = byName.get(name);
    if (!source) {
      report(loaded.file, 'chapter-missing', `Chapter file \`chapters/${name}\` does not exist`, loaded.yaml?.positionOfEntry(['chapters'], name));
      continue;
    }
    const { file, chapter } = await stages.prepare(source, options.profile, labels.membersOnly);
    files.push(file);
    if (!chapter) continue;
    // A slug from the file name is refused at the file's entry in the chapters list.
    const problem = chapter.frontMatter.slug === undefined ? slugProblem(chapter.slug) : undefined;
    if (problem) {
      const place = loaded.yaml?.positionOfEntry(['chapters'], name);
      if (place) report(loaded.file, problem.rule, `Chapter \`${name}\`: ${problem.reason}`, place);
      else report(file, problem.rule, problem.reason, { line: 1, column: 1 });
      if (problem.rule === 'slug-invalid') continue;
    }
    prepared.push(chapter);
  }
  for (const [name, source] of byName) {
    if (listed.includes(name)) continue;
    const { file } = await stages.prepare(source, options.profile, labels.membersOnly);
    report(file, 'chapter-unlisted', `\`${name}\` is not listed in edition.yaml and is not built`, { line: 1, column: 1 });
    files.push(file);
  }

  // 3. Keep what this profile may show, check slugs, number chapters.
  const included = prepared.filter((c) => options.profile === 'members' || c.frontMatter.audience === 'public');
  const seenSlugs = new Map<string, PreparedChapter>();
  for (const c of prepared) {
    const other = seenSlugs.get(c.slug);
    if (other) report(c.file, 'slug-duplicate', `Slug \`${c.slug}\` is already used by ${other.sourcePath}`, { line: 1, column: 1 });
    seenSlugs.set(c.slug, c);
  }

  // 4. Load the surveys.
  progress({ stage: 'surveys', count: sources.data.length });
  const surveys = loadSurveys(sources.data, { minBase: config.survey.minBase, defaultSurvey: config.survey.default });
  for (const f of surveys.files) {
    if (f.path !== 'edition.yaml') {
      files.push(f);
      continue;
    }
    // Problems with edition.yaml's survey settings belong on edition.yaml, at survey.default.
    for (const m of f.messages) {
      const moved = loaded.file.message(m.reason, { place: m.place ?? loaded.yaml?.positionOf(['survey', 'default']), ruleId: m.ruleId, source: m.source });
      moved.fatal = m.fatal;
      moved.note = m.note;
    }
  }

  // 5. Index chapters and figures: numbering is decided here, once.
  const chapterRefs = new Map<string, ChapterRef>();
  for (const c of prepared) {
    chapterRefs.set(c.sourcePath.slice('chapters/'.length), { slug: c.slug, title: c.frontMatter.title, audience: c.frontMatter.audience, anchors: c.outline.anchors, hiddenAnchors: c.outline.hiddenAnchors });
  }
  const figureRefs = new Map<string, FigureRef>();
  const charts: NumberedChart[] = [];
  // Chapter numbers and figure/table prefixes per kind and front matter; the statement that
  // closes the edition is unnumbered.
  const numbering = numberChapters(included.map((c) => c.frontMatter));
  included.forEach((c, i) => {
    const prefix = numbering[i]?.prefix ?? String(i + 1);
    c.outline.charts.forEach((directive, j) => {
      const number = `${prefix}.${j + 1}`;
      if (figureRefs.has(directive.id)) {
        report(c.file, 'id-duplicate', `Figure id \`${directive.id}\` is used twice in the edition`, directive.position);
        return;
      }
      figureRefs.set(directive.id, { number, chapterSlug: c.slug });
      charts.push({ directive, number, chapterSlug: c.slug, file: c.file });
    });
  });
  const index: EditionIndex = { chapters: chapterRefs, figures: figureRefs };

  // 6. Plan and draw the charts.
  progress({ stage: 'charts', count: charts.length });
  const customSpecs = sources.data.filter((f) => f.path.startsWith('data/charts/') && f.path.endsWith('.vl.json'));
  const inputs = { bundle: surveys.bundle, locale, customSpecs };
  const figures = await buildFigures(charts, inputs, options.drawCharts, chartRenderer(options.cache));

  // 7. Render each chapter's content.
  progress({ stage: 'render', count: included.length });
  const data: DataResolvers = {
    stat: (attrs) => {
      const r = resolveStat(surveys.bundle, attrs, locale);
      return r.ok ? { ok: true, value: r.text } : r;
    },
    block: (name, attrs) => generatedBlock(surveys.bundle, name, attrs, locale),
  };
  const mediaPaths = new Set(sources.assets.map((a) => a.path));
  // The covers' images, named in edition.yaml, must be files of the edition.
  const coverImages = [
    ...(config.logo === undefined ? [] : [{ path: config.logo, at: ['logo'] }]),
    ...(config.coverImage === undefined ? [] : [{ path: config.coverImage.path, at: ['coverImage', 'path'] }]),
  ];
  for (const image of coverImages) {
    if (!mediaPaths.has(`chapters/${image.path}`)) {
      report(loaded.file, 'edition-image-missing', `Image \`chapters/${image.path}\` does not exist`, loaded.yaml?.positionOf(image.at));
    }
  }
  const oversizedMedia = new Map(sources.assets.filter((a) => a.bytes.length > MAX_IMAGE_BYTES).map((a) => [a.path, a.bytes.length]));
  const chapters: Chapter[] = [];
  for (const [i, c] of included.entries()) {
    const ctx = { slug: c.slug, number: numbering[i]?.prefix ?? i + 1, locale, profile: options.profile, index, data, labels, media: mediaPaths, oversizedMedia };
    const rendered = await stages.render(c, ctx);
    chapters.push({
      sourcePath: c.sourcePath,
      slug: c.slug,
      number: i + 1,
      label: numbering[i]?.label,
      frontMatter: smartenFrontMatter(forProfile(c.frontMatter, options.profile), locale.chapter(c.frontMatter.lang).quotes),
      content: rendered.content,
      headings: rendered.headings,
      figures: c.outline.charts.map((d) => figures.get(d.id)).filter((f): f is NonNullable<typeof f> => f !== undefined),
      tables: rendered.tables,
      wordCount: rendered.wordCount,
      readingMinutes: Math.max(1, Math.round(rendered.wordCount / WORDS_PER_MINUTE)),
    });
  }
  // 8. The accessibility statement closes the edition, so both editions carry it.
  chapters.push(accessibilityStatement({ config, locale, buildDate: options.buildDate, chapters, files }));
  const media = usedMedia(chapters, sources.assets, coverImages.map((i) => i.path));
  const shown: EditionConfig = {
    ...config,
    subtitle: config.subtitle && smartenText(config.subtitle, locale.quotes),
    description: smartenText(config.description, locale.quotes),
    blurb: config.blurb && smartenText(config.blurb, locale.quotes),
  };
  if (!loaded.config) return { edition: undefined, files }; // checked with a salvaged config only
  return { edition: { config: shown, locale, profile: options.profile, chapters, media, buildDate: options.buildDate }, files };
}

/** Members-only front-matter fields (such as a case study's contact) leave the public model here. */
/** Titles and summaries get the same typographic quotes and dashes as the body text. */
function smartenFrontMatter(fm: FrontMatter, quotes: Quotes): FrontMatter {
  const t = (text: string) => smartenText(text, quotes);
  return {
    ...fm,
    title: t(fm.title),
    summary: t(fm.summary),
    caseStudy: fm.caseStudy && { ...fm.caseStudy, metrics: fm.caseStudy.metrics.map((m) => ({ label: t(m.label), value: t(m.value) })) },
  };
}

function forProfile(fm: FrontMatter, profile: Audience): FrontMatter {
  if (profile === 'members' || !fm.caseStudy?.contact || fm.caseStudy.contact.audience === 'public') return fm;
  return { ...fm, caseStudy: { ...fm.caseStudy, contact: undefined } };
}

/** Only the images that chapters of this build show travel with the model (none from removed passages). */
function usedMedia(chapters: readonly Chapter[], assets: EditionSources['assets'], covers: readonly string[]): Map<string, Uint8Array> {
  const used = new Set<string>(covers);
  const walk = (node: { type: string; tagName?: string; properties?: Record<string, unknown>; children?: unknown[] }): void => {
    if (node.type === 'element' && node.tagName === 'img') {
      const src = String(node.properties?.['src'] ?? '');
      if (src.startsWith(`../${MEDIA_DIR}/`)) used.add(src.slice(`../${MEDIA_DIR}/`.length));
    }
    for (const child of (node.children ?? []) as (typeof node)[]) walk(child);
  };
  for (const c of chapters) walk(c.content);
  const media = new Map<string, Uint8Array>();
  for (const a of assets) {
    const rel = a.path.slice('chapters/'.length);
    if (used.has(rel)) media.set(rel, a.bytes);
  }
  return media;
}
