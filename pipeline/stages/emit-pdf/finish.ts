import type { PDFDocument } from 'pdf-lib';
import type { Edition } from '../../model/edition.js';
import { backCoverOnVerso } from './back-cover.js';
import { makeDeterministic } from './deterministic.js';
import { documentTitle } from './front.js';
import { mergeLinkAreas } from './link-areas.js';
import { applyMetadata } from './metadata.js';
import { renumberObjects } from './object-order.js';
import { deflateWithZlib } from './pdf-deflate.js';
import { renameResources } from './resource-names.js';
import { cleanTextLayer } from './text-layer.js';

/**
 * A printed pass made into the file readers get: back cover on a verso, document info,
 * reproducible names and /ID, a clean text layer; saved. Returns the bytes.
 */
export async function finishPdf(pdf: PDFDocument, html: string, edition: Edition, log: (line: string) => void): Promise<Uint8Array> {
  deflateWithZlib();
  if (backCoverOnVerso(pdf)) log('pdf: blank page before the back cover, so it is a verso');
  applyMetadata(pdf, {
    title: documentTitle(edition),
    author: edition.config.publisher,
    subject: edition.config.subtitle ?? edition.config.description,
    keywords: edition.config.keywords,
    language: edition.locale.language,
    date: edition.buildDate,
  });
  makeDeterministic(pdf, html);
  const cleaning = performance.now();
  // One pass over the content streams: the text layer, and the resources' names (resource-names.ts).
  const layer = cleanTextLayer(pdf, renameResources(pdf));
  log(
    `pdf: text layer: ${layer.inline} soft hyphens removed inside lines, ${layer.lineEnd} line-end hyphens marked` +
      `${layer.remaining > 0 ? `, ${layer.remaining} left in an unexpected form` : ''}, ${Math.round(performance.now() - cleaning)} ms`,
  );
  const saving = performance.now();
  // Last, so nothing Chromium's paint timing decides is left in the bytes (see both modules).
  const merged = mergeLinkAreas(pdf);
  renumberObjects(pdf);
  // Object streams make the file about a quarter smaller; yielding per tick only slows the save down.
  const bytes = await pdf.save({ useObjectStreams: true, objectsPerTick: Infinity });
  log(`pdf: ${merged} link box(es) joined to the one before; objects numbered, saved in ${Math.round(performance.now() - saving)} ms`);
  return bytes;
}
