import { PDFBool, PDFDict, PDFName, PDFNumber, type PDFDocument } from 'pdf-lib';
import { text } from './structure.js';
import type { AuditFailure } from './types.js';

/**
 * Catalog and document-information checks (no page): tagging, language, title, bookmarks.
 * Checkpoint ids are the Matterhorn Protocol's; where it has none, the standard's clause.
 */
export function documentChecks(doc: PDFDocument): AuditFailure[] {
  const failures: AuditFailure[] = [];
  const catalog = doc.catalog;
  const fail = (message: string, checkpoint: string) => failures.push({ page: undefined, message, checkpoint });

  const markInfo = catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict);
  const marked = markInfo?.get(PDFName.of('Marked'));
  if (!(marked instanceof PDFBool && marked.asBoolean())) fail('the document is not marked as tagged (/MarkInfo /Marked true is missing)', '01-005');
  const suspects = markInfo?.get(PDFName.of('Suspects'));
  if (suspects instanceof PDFBool && suspects.asBoolean()) fail('/MarkInfo /Suspects is true: the tagging is marked as unreliable', '01-007');
  if (!catalog.has(PDFName.of('StructTreeRoot'))) fail('the document has no structure tree (/StructTreeRoot)', '01-005');

  const lang = text(catalog.get(PDFName.of('Lang')));
  if (lang === undefined || lang.trim() === '') fail('the document has no language (/Lang in the catalog)', '11-001');

  const title = doc.getTitle();
  if (title === undefined || title.trim() === '') fail('the document information has no /Title', '06-003');
  const prefs = catalog.lookupMaybe(PDFName.of('ViewerPreferences'), PDFDict);
  const displayTitle = prefs?.get(PDFName.of('DisplayDocTitle'));
  if (displayTitle === undefined) fail('/ViewerPreferences has no /DisplayDocTitle entry', '07-001');
  else if (!(displayTitle instanceof PDFBool && displayTitle.asBoolean())) fail('/ViewerPreferences /DisplayDocTitle is not true', '07-002');

  const outlines = catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const first = outlines?.get(PDFName.of('First'));
  const count = outlines?.get(PDFName.of('Count'));
  if (!outlines || (first === undefined && !(count instanceof PDFNumber && count.asNumber() !== 0))) {
    // Matterhorn has no checkpoint for bookmarks; PDF/UA-1 7.1 and WCAG 2.4.5 ask for them.
    fail('the document has no bookmarks (/Outlines)', 'PDF/UA-1 7.1');
  }
  return failures;
}
