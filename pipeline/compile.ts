import type { VFile } from 'vfile';
import type { Edition } from './model/edition.js';
import type { Audience } from './model/figure.js';
import { chapterStages } from './cache/chapters.js';
import { chartPlanner, chartRenderer } from './cache/charts.js';
import { surveyLoader } from './cache/surveys.js';
import type { CacheStore } from './cache/store.js';
import { checkFormats } from './config/formats.js';
import { loadEdition } from './config/load-edition.js';
import { formatNames } from './emitters/index.js';
import { accessibilityStatement } from './stages/assemble/accessibility-statement.js';
import { buildFigures } from './stages/assemble/charts.js';
import { dataResolvers, renderChapters } from './stages/assemble/chapters.js';
import { indexEdition } from './stages/assemble/edition-index.js';
import { checkCoverImages, coverImages, usedMedia } from './stages/assemble/media.js';
import { prepareChapters } from './stages/assemble/prepare-chapters.js';
import { surveyFilesWithEditionMessages } from './stages/assemble/survey-messages.js';
import { smartenConfig } from './stages/assemble/titles.js';
import type { ProgressSink } from './progress/events.js';
import type { EditionSources } from './stages/load/read-sources.js';
import { MAX_IMAGE_BYTES } from './stages/markdown/images.js';
import { labelsOf } from './stages/markdown/labels.js';
import { warmChartWorkers } from './stages/charts/workers.js';

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
  /** Formats edition.yaml's `formats` may name (default: the emitter table's). */
  readonly formats?: readonly string[] | undefined;
}

export interface CompileResult {
  readonly edition: Edition | undefined;
  /** Every file that was read, with its messages. */
  readonly files: readonly VFile[];
}

/**
 * Sources → one Edition model for every emitter. Pure: no disk, clock or environment. Each step
 * is a module of stages/; this function only says the order. Every step runs even after errors,
 * so one run reports every problem.
 */
export async function compileEdition(sources: EditionSources, options: CompileOptions): Promise<CompileResult> {
  const progress = options.progress ?? (() => {});
  const stages = chapterStages(options.cache);

  // 1. Load edition.yaml. A broken one still gives salvaged settings to check everything else with.
  progress({ stage: 'edition' });
  const loaded = loadEdition(sources.edition);
  checkFormats(loaded, options.formats ?? formatNames());
  const config = loaded.settings;
  // The one locale of the build (config/load-edition.ts resolves it): every stage takes it from here.
  const locale = loaded.locale;
  const labels = labelsOf(locale);

  // 2. Parse and validate every chapter file, listed or not. Chart threads load Vega meanwhile,
  //    when there will be charts to draw and no drawings to reuse (with some, the threads start
  //    on the first chart that changed, and a rebuild that changed none starts none).
  progress({ stage: 'chapters', count: sources.chapters.length });
  const hasCharts = sources.chapters.some((s) => Buffer.from(s.bytes.buffer, s.bytes.byteOffset, s.bytes.byteLength).includes('::chart'));
  if (options.drawCharts && hasCharts && ((await options.cache?.size('chart')) ?? 0) === 0) warmChartWorkers();
  const chapterFiles = await prepareChapters(sources.chapters, loaded, options.profile, labels.membersOnly, stages);

  // 3. Keep what this profile may show.
  const included = chapterFiles.prepared.filter((c) => options.profile === 'members' || c.frontMatter.audience === 'public');

  // 4. Load the surveys; their messages about edition.yaml's settings go onto edition.yaml.
  progress({ stage: 'surveys', count: sources.data.length });
  await options.cache?.preload(['surveys', 'plan']); // read by the synchronous loader and planner
  const surveys = surveyLoader(options.cache)(sources.data, { minBase: config.survey.minBase, defaultSurvey: config.survey.default });
  const surveyFiles = surveyFilesWithEditionMessages(surveys.files, loaded);

  // 5. Number chapters and figures, and index them for cross-references: decided here, once.
  const { index, charts, numbering } = indexEdition(chapterFiles.prepared, included, chapterFiles.unreadable);

  // 6. Plan the charts and hand them to the chart threads, which draw them while the chapters render.
  progress({ stage: 'charts', count: charts.length });
  const customSpecs = sources.data.filter((f) => f.path.startsWith('data/charts/') && f.path.endsWith('.vl.json'));
  const drawing = buildFigures(charts, { bundle: surveys.bundle, locale, customSpecs }, options.drawCharts, chartRenderer(options.cache), chartPlanner(options.cache));

  // 7. Render each chapter's content into the model (titles typographic, fields for this profile);
  //    the content does not hold the drawings, which are attached as the chapters' figures.
  progress({ stage: 'render', count: included.length });
  const mediaPaths = new Set(sources.assets.map((a) => a.path));
  checkCoverImages(loaded, mediaPaths);
  const oversizedMedia = new Map(sources.assets.filter((a) => a.bytes.length > MAX_IMAGE_BYTES).map((a) => [a.path, a.bytes.length]));
  const data = dataResolvers(surveys.bundle, locale);
  const shared = { locale, profile: options.profile, index, data, labels, media: mediaPaths, oversizedMedia };
  const awaitingDrawings = options.drawCharts && charts.length > 0 ? () => progress({ stage: 'drawing', count: charts.length }) : undefined;
  const chapters = await renderChapters(included, numbering, drawing, shared, stages, awaitingDrawings);

  // 8. The accessibility statement closes the edition, so both editions carry it.
  const files: VFile[] = [loaded.file, ...chapterFiles.files, ...surveyFiles];
  chapters.push(accessibilityStatement({ config, locale, buildDate: options.buildDate, chapters, files }));

  // 9. Only the images shown travel with the model; the edition's own texts become typographic.
  const media = usedMedia(chapters, sources.assets, coverImages(config).map((i) => i.path));
  if (!loaded.config) return { edition: undefined, files }; // checked with a salvaged config only
  return { edition: { config: smartenConfig(config, locale.quotes), locale, profile: options.profile, chapters, media, buildDate: options.buildDate }, files };
}
