import type { Root as HastRoot } from 'hast';
import type { z } from 'zod';
import type { Locale } from '../locale/index.js';
import type { Audience, Figure } from './figure.js';
import type { authorSchema, caseStudySchema, frontMatterSchema, methodSchema } from '../stages/validate/frontmatter-schema.js';

// Front matter has one description, the zod schema; its model types are inferred from it.
export { chapterKinds, methodEfforts } from '../stages/validate/frontmatter-schema.js';
export type ChapterKind = z.output<typeof frontMatterSchema>['kind'];

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
  /** Locale for numbers and dates ("2 December 2026", `de-AT`); see pipeline/locale/. */
  readonly locale?: string | undefined;
  /** Interface strings edition.yaml overrides, by catalogue key. */
  readonly strings?: Readonly<Record<string, string>> | undefined;
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
  /** Edition formats a build makes when --format is not given (default html and pdf). */
  readonly formats?: readonly string[] | undefined;
  /** The EPUB edition, when the edition makes one; who certifies its accessibility (default: the publisher). */
  readonly epub?: { readonly certifiedBy: string } | undefined;
}

export type Author = z.output<typeof authorSchema>;
/** A case study's facts; the contact is present only when the build's profile may show it. */
export type CaseStudyMeta = z.output<typeof caseStudySchema>;
/** A knowledge-sharing method (`kind: method`). */
export type MethodMeta = z.output<typeof methodSchema>;
/** Validated front matter, as the model carries it. */
export type FrontMatter = z.output<typeof frontMatterSchema>;

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
  /** The edition's locale, resolved once from edition.yaml: words, numbers, dates, quotes. */
  readonly locale: Locale;
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
