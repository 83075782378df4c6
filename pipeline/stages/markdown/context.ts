import type { Element } from 'hast';
import type { Locale } from '../../locale/index.js';
import type { Audience } from '../../model/figure.js';

/** What a chapter's transform may know about the rest of the edition. Built once per build. */
export interface EditionIndex {
  /** By chapter file name (e.g. "housing.md"). */
  readonly chapters: ReadonlyMap<string, ChapterRef>;
  /** By figure id, across the whole edition. */
  readonly figures: ReadonlyMap<string, FigureRef>;
  /** Listed chapters whose file has errors of its own: links to them report nothing more. */
  readonly unreadable?: ReadonlySet<string>;
}

export interface ChapterRef {
  readonly slug: string;
  readonly title: string;
  readonly audience: Audience;
  readonly anchors: ReadonlySet<string>;
  /** Ids of headings and figures inside members-only passages (removed from a public build). */
  readonly hiddenAnchors?: ReadonlySet<string> | undefined;
}

export interface FigureRef {
  readonly number: string;
  readonly chapterSlug: string;
}

/** `followOn`: the failure follows from an error reported at its root (e.g. a broken survey); it is not reported again. */
export type Resolution<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: string; readonly followOn?: boolean };

/** Survey-driven pieces of text; provided by the survey stage, so the Markdown stage stays data-agnostic. */
export interface DataResolvers {
  stat(attributes: Readonly<Record<string, string>>): Resolution<string>;
  /** Generated blocks such as `::respondents` and `::questionnaire`. */
  block(name: string, attributes: Readonly<Record<string, string>>): Resolution<Element> | undefined;
}

export interface ChapterContext {
  readonly slug: string;
  /** Prefix of the chapter's figure and table numbers: its number, or a code such as "ES". */
  readonly number: number | string;
  readonly locale: Locale;
  readonly profile: Audience;
  readonly index: EditionIndex;
  readonly data: DataResolvers;
  readonly labels: Labels;
  /** Paths of the edition's image files, e.g. "chapters/images/map.png". */
  readonly media: ReadonlySet<string>;
  /** Edition images over the per-image size limit, path → bytes (almost always empty). */
  readonly oversizedMedia?: ReadonlyMap<string, number> | undefined;
}

/** Words the pipeline itself prints, in the edition's language. */
export interface Labels {
  readonly figure: string;
  readonly notes: string;
  readonly backToText: string;
  readonly membersOnly: string;
  readonly table: string;
  /** Before a page number in a print cross-reference ("Figure 2.2, p. 10"). */
  readonly page: string;
}
