import { asciiSlug } from '../stages/validate/patterns.js';
import { VFile } from 'vfile';
import type { EditionConfig } from '../model/edition.js';
import type { SourceFile } from '../model/source.js';
import { report } from '../diagnostics/report.js';
import { YamlSource } from '../diagnostics/yaml-source.js';
import { describeIssue } from '../diagnostics/zod-issues.js';
import { editionSchema, type EditionInput } from './schema.js';
import { checkCatalogue, checkStrings } from './locale-settings.js';
import { resolveLocale, type Locale } from '../locale/index.js';

export interface LoadedEdition {
  readonly config: EditionConfig | undefined;
  /**
   * The settings to check the rest of the edition with: `config` when it is valid, otherwise the
   * valid fields plus defaults, so one run still checks every chapter, chart and survey. Only
   * `config` ever builds an edition.
   */
  readonly settings: EditionConfig;
  readonly file: VFile;
  /** Where each chapter list entry sits, to report missing files at their line. */
  readonly yaml: YamlSource | undefined;
  /** The edition's locale, resolved once from `settings` (see pipeline/locale/). */
  readonly locale: Locale;
}

const DEFAULT_MIN_BASE = 30;
/** What an edition makes when edition.yaml names no `formats`. */
export const DEFAULT_FORMATS: readonly string[] = ['html', 'pdf'];

/** unknown YAML → validated, fully defaulted, read-only edition config. */
export function loadEdition(source: SourceFile | undefined): LoadedEdition {
  const file = new VFile({ path: 'edition.yaml', value: source ? new TextDecoder().decode(source.bytes) : '' });
  if (!source) {
    report(file, 'edition-missing', 'No edition.yaml found at the edition root', undefined);
    return withLocale({ config: undefined, settings: salvage({}), file, yaml: undefined });
  }
  const yaml = new YamlSource(String(file.value));
  const syntax = yaml.syntaxErrors();
  for (const e of syntax) report(file, 'edition-yaml', e.message, e.position);
  if (syntax.length > 0) return withLocale({ config: undefined, settings: salvage(partialValue(yaml)), file, yaml });
  const limits = yaml.limitErrors();
  for (const e of limits) report(file, 'yaml-limit', e.message, e.position);
  if (limits.length > 0) return withLocale({ config: undefined, settings: salvage({}), file, yaml });

  const parsed = editionSchema.safeParse(yaml.value() ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          report(file, 'edition-unknown-field', `Unknown field \`${key}\` in edition.yaml`, yaml.positionOf([...issue.path, key], { key: true }));
        }
        continue;
      }
      report(file, 'edition-field', describeIssue(issue), yaml.positionOf(issue.path));
    }
    if (parsed.error.issues.some((i) => i.code !== 'unrecognized_keys')) return withLocale({ config: undefined, settings: salvage(yaml.value()), file, yaml });
  }
  // Unknown keys are warnings: validate again without them so the rest still builds.
  const strictless = editionSchema.strip().safeParse(yaml.value());
  if (!strictless.success) return withLocale({ config: undefined, settings: salvage(yaml.value()), file, yaml });
  const input = strictless.data;

  const seen = new Map<string, number>();
  input.chapters.forEach((name, i) => {
    if (seen.has(name)) report(file, 'chapter-duplicate', `Chapter \`${name}\` is listed twice`, yaml.positionOf(['chapters', i]));
    seen.set(name, i);
  });

  const config = toConfig(input);
  return withLocale({ config, settings: config, file, yaml });
}

/** The locale of the settings, once their `language`, `locale` and `strings:` are checked. */
function withLocale(loaded: Omit<LoadedEdition, 'locale'>): LoadedEdition {
  const strings = checkStrings(loaded.settings, loaded.file, loaded.yaml);
  const locale = resolveLocale({ language: loaded.settings.language, locale: loaded.settings.locale, strings });
  checkCatalogue(locale, loaded.file, loaded.yaml);
  return { ...loaded, locale };
}

function toConfig(input: EditionInput): EditionConfig {
  return Object.freeze({
    title: input.title,
    subtitle: input.subtitle,
    year: input.year,
    slug: input.slug ?? asciiSlug(input.title),
    publisher: input.publisher,
    language: input.language,
    baseUrl: input.baseUrl.endsWith('/') ? input.baseUrl : `${input.baseUrl}/`,
    licence: input.licence,
    isbn: input.isbn,
    contact: input.contact,
    keywords: Object.freeze([...(input.keywords ?? [])]),
    description: input.description ?? input.subtitle ?? input.title,
    sampleData: input.sampleData ?? false,
    survey: Object.freeze({ minBase: input.survey?.minBase ?? DEFAULT_MIN_BASE, default: input.survey?.default }),
    chapters: Object.freeze([...new Set(input.chapters)]),
    locale: input.locale,
    strings: input.strings,
    issn: input.issn,
    doi: input.doi,
    copyright: input.copyright,
    blurb: input.blurb,
    logo: input.logo,
    coverImage: input.coverImage,
    formats: Object.freeze([...new Set(input.formats ?? DEFAULT_FORMATS)]),
    epub: epubSettings(input.epub, input.publisher),
  });
}

/** Who certifies the EPUB's accessibility: as named, else the publisher. */
function epubSettings(epub: EditionInput['epub'], publisher: string): EditionConfig['epub'] {
  return Object.freeze({ certifiedBy: epub?.certifiedBy ?? publisher });
}

/** Each field that is valid on its own, and harmless defaults for the rest. */
function salvage(raw: unknown): EditionConfig {
  const obj = (raw !== null && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const shape = editionSchema.shape;
  const pick = <K extends keyof typeof shape>(key: K, fallback: EditionInput[K]): EditionInput[K] => {
    const r = shape[key].safeParse(obj[key]);
    return r.success ? (r.data as EditionInput[K]) : fallback;
  };
  const listed = Array.isArray(obj['chapters']) ? obj['chapters'] : [];
  const chapters = listed.filter((c): c is string => shape.chapters.element.safeParse(c).success);
  return toConfig({
    title: pick('title', 'Untitled edition'),
    subtitle: pick('subtitle', undefined),
    year: pick('year', 2000),
    slug: pick('slug', undefined),
    publisher: pick('publisher', 'Publisher'),
    language: pick('language', 'en'),
    baseUrl: pick('baseUrl', 'https://example.invalid/'),
    licence: pick('licence', 'Licence'),
    isbn: pick('isbn', undefined),
    contact: pick('contact', 'contact@example.invalid'),
    keywords: pick('keywords', undefined),
    description: pick('description', undefined),
    sampleData: pick('sampleData', undefined),
    survey: pick('survey', undefined),
    chapters,
    locale: pick('locale', undefined),
    strings: pick('strings', undefined),
    issn: pick('issn', undefined),
    doi: pick('doi', undefined),
    copyright: pick('copyright', undefined),
    blurb: pick('blurb', undefined),
    logo: pick('logo', undefined),
    coverImage: pick('coverImage', undefined),
    formats: pick('formats', undefined),
    epub: pick('epub', undefined),
  });
}

/** Whatever a YAML document with syntax errors still says, or nothing. */
function partialValue(yaml: YamlSource): unknown {
  try {
    return yaml.value();
  } catch {
    return {};
  }
}
