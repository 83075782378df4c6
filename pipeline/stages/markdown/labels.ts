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
