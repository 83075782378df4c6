import { PDFBool, PDFDict, PDFName, PDFString, type PDFDocument } from 'pdf-lib';

export interface DocumentInfo {
  readonly title: string;
  readonly author: string;
  readonly subject: string;
  readonly keywords: readonly string[];
  readonly language: string;
  readonly date: Date;
}

/**
 * Document info the way readers and validators want it. Chromium writes Title (from <title>),
 * /Lang and DisplayDocTitle but not Author, Subject or Keywords, and stamps the wall clock:
 * dates are replaced so builds are reproducible.
 */
export function applyMetadata(doc: PDFDocument, info: DocumentInfo): void {
  doc.setTitle(info.title, { showInWindowTitleBar: true });
  doc.setAuthor(info.author);
  doc.setSubject(info.subject);
  // pdf-lib joins a list with spaces; readers expect commas between keywords that contain spaces.
  doc.setKeywords([info.keywords.join(', ')]);
  doc.setCreator('Eurocities Monitor build pipeline');
  doc.setProducer('Chromium (Skia/PDF) with pdf-lib');
  doc.setCreationDate(info.date);
  doc.setModificationDate(info.date);
  const catalog = doc.catalog;
  if (catalog.get(PDFName.of('Lang')) === undefined) catalog.set(PDFName.of('Lang'), PDFString.of(info.language));
  // Tagged output needs /MarkInfo << /Marked true >>; Chromium writes it, keep it if ever missing.
  if (catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict) === undefined && catalog.get(PDFName.of('StructTreeRoot')) !== undefined) {
    catalog.set(PDFName.of('MarkInfo'), doc.context.obj({ Marked: PDFBool.True }));
  }
}

