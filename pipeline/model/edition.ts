import type { Root as HastRoot } from 'hast';
import type { Audience, Figure } from './figure.js';

export const chapterKinds = [
  'foreword',
  'executive-summary',
  'essay',
  'guest-essay',
  'case-study',
  'method',
  'methodology',
  'annex',
] as const;
export type ChapterKind = (typeof chapterKinds)[number];

/** edition.yaml after validation and defaults. */
export interface EditionConfig {
  readonly title: string;
  readonly subtitle: string | undefined;
  readonly year: number;
  readonly slug: string;
  readonly publisher: string;
  readonly language: string;
  readonly baseUrl: string;
  readonly licence: string;
  readonly isbn: string | undefined;
  readonly contact: string;
  readonly keywords: readonly string[];
  /** Introduction on the index page and its meta description. */
  readonly description: string;
  readonly sampleData: boolean;
  readonly survey: { readonly minBase: number; readonly default: string | undefined };
  /** Locale for dates ("2 December 2026"); see dateLocale(). */
  readonly locale?: string | undefined;
  readonly issn?: string | undefined;
  readonly doi?: string | undefined;
  /** Copyright line of the colophon; defaults to "© <year> <publisher>". */
  readonly copyright?: string | undefined;
  /** Back-cover text; defaults to the description. */
  readonly blurb?: string | undefined;
  /** Publisher's logo on the covers, relative to chapters/. */
  readonly logo?: string | undefined;
  readonly coverImage?: { readonly path: string; readonly alt: string } | undefined;
  /** Chapter file names relative to chapters/, in reading order. */
  readonly chapters: readonly string[];
  /** The EPUB edition, when the edition makes one; who certifies its accessibility (default: the publisher). */
  readonly epub?: { readonly certifiedBy: string } | undefined;
}

export interface Author {
  readonly name: string;
  readonly role: string | undefined;
  readonly organisation: string | undefined;
}

export interface CaseStudyMeta {
  readonly city: string;
  readonly country: string;
  readonly themes: readonly string[];
  readonly period: string | undefined;
  readonly partners: readonly string[];
  readonly award: { readonly year: number; readonly category: string; readonly result: 'winner' | 'shortlisted' } | undefined;
  readonly metrics: readonly { readonly label: string; readonly value: string }[];
  readonly funding: string | undefined;
  /** Present only when the build's profile may show it. */
  readonly contact: { readonly name: string; readonly email: string | undefined; readonly audience: Audience } | undefined;
}

export const methodEfforts = ['low', 'medium', 'high'] as const;

/** A knowledge-sharing method (`kind: method`). */
export interface MethodMeta {
  /** e.g. "webinar", "study visit", "peer review", or any other format. */
  readonly format: string;
  readonly duration: string;
  readonly participants: string;
  readonly effort: (typeof methodEfforts)[number];
  readonly themes: readonly string[];
}

/** Validated front matter. */
export interface FrontMatter {
  readonly title: string;
  readonly kind: ChapterKind;
  readonly summary: string;
  readonly authors: readonly Author[];
  readonly audience: Audience;
  readonly slug: string | undefined;
  readonly lang: string | undefined;
  readonly caseStudy: CaseStudyMeta | undefined;
  /** `numbered:` in the front matter, overriding the default of the chapter's kind. */
  readonly numbered?: boolean | undefined;
  readonly method?: MethodMeta | undefined;
}

export interface Heading {
  /** Document-unique id, e.g. "housing--the-challenge". */
  readonly id: string;
  readonly depth: number;
  readonly text: string;
}

export interface TableInfo {
  readonly id: string;
  readonly number: string;
}

/** One chapter as both editions render it. */
export interface Chapter {
  readonly sourcePath: string;
  readonly slug: string;
  /** 1-based position among the chapters in this build's profile (page names, classes). */
  readonly number: number;
  /**
   * The chapter number as printed ("3"), or null for an unnumbered chapter (foreword, executive
   * summary, statements). Absent means the position is the printed number.
   */
  readonly label?: string | null | undefined;
  readonly frontMatter: FrontMatter;
  /** Sanitized content. Figures appear as placeholders `div[data-monitor-figure=<figure id>]`. */
  readonly content: HastRoot;
  /** Sections (h2/h3) for the TOC and bookmarks. */
  readonly headings: readonly Heading[];
  readonly figures: readonly Figure[];
  readonly tables: readonly TableInfo[];
  readonly wordCount: number;
  readonly readingMinutes: number;
}

/** Everything both emitters need. No emitter decides numbering, captions or text. */
export interface Edition {
  readonly config: EditionConfig;
  readonly profile: Audience;
  readonly chapters: readonly Chapter[];
  /** Images used by chapters, by path relative to chapters/ (e.g. "images/map.png"). */
  readonly media: ReadonlyMap<string, Uint8Array>;
  /** Build date, from SOURCE_DATE_EPOCH or the clock, decided at the edge. */
  readonly buildDate: Date;
}

/** The chapter number readers see, or undefined for an unnumbered chapter. */
export function chapterLabel(chapter: Pick<Chapter, 'number' | 'label'>): string | undefined {
  if (chapter.label === null) return undefined;
  return chapter.label ?? String(chapter.number);
}

/**
 * The locale dates are written in: `locale` from edition.yaml, else the language, with English
 * as British English ("2 December 2026"). Always explicit, never the host's.
 */
export function dateLocale(config: Pick<EditionConfig, 'language' | 'locale'>): string {
  if (config.locale !== undefined) return config.locale;
  return config.language.toLowerCase() === 'en' ? 'en-GB' : config.language;
}

/** A date as the edition writes it, e.g. "2 December 2026" (UTC, so the host's zone never shows). */
export function formatDate(config: Pick<EditionConfig, 'language' | 'locale'>, date: Date): string {
  return new Intl.DateTimeFormat([dateLocale(config), 'en-GB'], { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
