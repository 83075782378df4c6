import type { ChapterKind } from '../../model/edition.js';
import type { Locale } from '../../locale/index.js';
import type { Labels } from './context.js';

/** The words the Markdown stage prints, from the edition's locale (catalogue and edition.yaml). */
export function labelsOf(locale: Locale): Labels {
  return {
    figure: locale.t('figure'),
    notes: locale.t('notes'),
    backToText: locale.t('backToText'),
    membersOnly: locale.t('membersOnly'),
    table: locale.t('table'),
    page: locale.t('page'),
  };
}

/** The label above a chapter's title ("Foreword", "Vorwort"). */
export function kindLabel(locale: Locale, kind: ChapterKind): string {
  return locale.t(`kind.${kind}`);
}

/** The EPUB edition's own words: its navigation and title page. */
export interface EpubLabels {
  readonly contents: string;
  readonly landmarks: string;
  readonly pageList: string;
  readonly titlePage: string;
  readonly start: string;
}

/** The EPUB's navigation words, from the edition's locale. */
export function epubLabelsOf(locale: Locale): EpubLabels {
  return {
    contents: locale.t('contents'),
    landmarks: locale.t('epub.landmarks'),
    pageList: locale.t('epub.pageList'),
    titlePage: locale.t('epub.titlePage'),
    start: locale.t('epub.start'),
  };
}
