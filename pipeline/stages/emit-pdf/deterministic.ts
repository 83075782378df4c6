import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFDocument, type PDFObject } from 'pdf-lib';
import { namedDestinations } from './outline.js';

/**
 * Chromium names link targets after its internal DOM node numbers ("node1234"), which shift from
 * run to run, and writes a random trailer /ID. Rename the destinations by where they point, in
 * reading order, and derive the /ID from the print HTML, so the same sources give the same bytes.
 */
export function makeDeterministic(doc: PDFDocument, seed: string): void {
  renameDestinations(doc);
  const id = createHash('sha256').update(seed).digest('hex').slice(0, 32);
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
}

function renameDestinations(doc: PDFDocument): void {
  const named = namedDestinations(doc);
  if (named.size === 0) return;
  const pageIndex = new Map<string, number>();
  doc.getPages().forEach((page, i) => pageIndex.set(page.ref.toString(), i));
  const keyed = [...named].map(([name, dest]) => ({ name, dest, key: positionKey(doc, dest, pageIndex), serial: serialOf(name) }));
  keyed.sort((a, b) => compareKeys(a.key, b.key) || a.serial - b.serial || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const width = String(keyed.length).length;
  const renamed = new Map<string, string>();
  keyed.forEach((entry, i) => renamed.set(entry.name, `d${String(i + 1).padStart(width, '0')}`));

  // One flat, sorted name tree replaces Chromium's (keys must stay in byte order); the old tree's
  // objects are deleted, or they would still be written, with the old names in them.
  deleteTree(doc, doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.get(PDFName.of('Dests')));
  const flat: PDFObject[] = [];
  for (const entry of keyed) flat.push(PDFString.of(renamed.get(entry.name) as string), entry.dest);
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict) ?? doc.context.obj({});
  names.set(PDFName.of('Dests'), doc.context.obj({ Names: doc.context.obj(flat) }));
  doc.catalog.set(PDFName.of('Names'), names);
  doc.catalog.delete(PDFName.of('Dests'));

  // Every link and bookmark that names a destination follows the rename.
  const seen = new Set<PDFObject>();
  const visit = (object: PDFObject | undefined): void => {
    if (object === undefined || seen.has(object)) return;
    seen.add(object);
    if (object instanceof PDFDict) {
      for (const key of ['Dest', 'D']) {
        const value = object.get(PDFName.of(key));
        const name = value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
        if (name !== undefined && renamed.has(name)) object.set(PDFName.of(key), PDFString.of(renamed.get(name) as string));
      }
      for (const [, value] of object.entries()) if (!(value instanceof PDFRef)) visit(value);
    } else if (object instanceof PDFArray) {
      for (let i = 0; i < object.size(); i++) {
        const value = object.get(i);
        if (!(value instanceof PDFRef)) visit(value);
      }
    }
  };
  for (const [, object] of doc.context.enumerateIndirectObjects()) visit(object);
}

function deleteTree(doc: PDFDocument, node: PDFObject | undefined): void {
  if (!(node instanceof PDFRef)) return;
  const dict = doc.context.lookupMaybe(node, PDFDict);
  const kids = dict?.lookupMaybe(PDFName.of('Kids'), PDFArray);
  for (let i = 0; i < (kids?.size() ?? 0); i++) deleteTree(doc, kids?.get(i));
  const names = dict?.get(PDFName.of('Names'));
  if (names instanceof PDFRef) doc.context.delete(names);
  doc.context.delete(node);
}

/** Page index, then top-down and left-right position of an /XYZ destination. */
function positionKey(doc: PDFDocument, dest: PDFObject | undefined, pageIndex: Map<string, number>): number[] {
  const resolved = dest instanceof PDFRef ? doc.context.lookup(dest) : dest;
  const array = resolved instanceof PDFDict ? resolved.lookupMaybe(PDFName.of('D'), PDFArray) : resolved instanceof PDFArray ? resolved : undefined;
  if (!array) return [Number.MAX_SAFE_INTEGER];
  const page = array.get(0);
  const num = (i: number) => {
    const v = array.get(i);
    return v instanceof PDFNumber ? v.asNumber() : 0;
  };
  return [page instanceof PDFRef ? (pageIndex.get(page.toString()) ?? Number.MAX_SAFE_INTEGER) : Number.MAX_SAFE_INTEGER, -num(3), num(2)];
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** "node1234" → 1234: Chromium numbers nodes in document order, so it breaks ties stably. */
function serialOf(name: string): number {
  const m = /(\d+)$/.exec(name);
  return m ? Number(m[1]) : 0;
}
