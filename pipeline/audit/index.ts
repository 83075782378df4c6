import { PDFDocument } from 'pdf-lib';
import { documentChecks } from './document-checks.js';
import { structureChecks } from './structure-checks.js';
import { readStructTree } from './structure.js';
import type { AuditFailure } from './types.js';

export type { AuditFailure } from './types.js';

/**
 * The machine-checkable part of PDF/UA-1 (Matterhorn Protocol) that pdf-lib can read: tagging,
 * language, title, bookmarks, figures' alternative text, heading levels, table headers.
 * Pure: bytes in, failures out, in document order.
 */
export async function auditPdf(bytes: Uint8Array): Promise<AuditFailure[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
  const tree = readStructTree(doc);
  return [...documentChecks(doc), ...(tree ? structureChecks(tree) : [])];
}

/** `<pdf path>: page N: <message> <checkpoint>`; document-level failures say `document` instead of a page. */
export function formatFailure(pdfPath: string, failure: AuditFailure): string {
  const where = failure.page === undefined ? 'document' : `page ${failure.page}`;
  return `${pdfPath}: ${where}: ${failure.message} ${failure.checkpoint}`;
}
