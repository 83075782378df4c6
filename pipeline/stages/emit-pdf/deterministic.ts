import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument, type PDFObject } from 'pdf-lib';

/** Chromium's names for DOM nodes, used for link destinations and structure-element ids. */
const NODE_NAME = /^node(\d+)$/;

/**
 * Chromium names link destinations and structure elements (/ID, /IDTree, table /Headers) after its
 * internal DOM node numbers, which shift from run to run, and writes a random trailer /ID. Renumber
 * the names in order ("n001", "n002"…: the mapping keeps their order, so name trees stay sorted)
 * and derive the /ID from the print HTML, so the same sources give the same bytes.
 */
export function makeDeterministic(doc: PDFDocument, seed: string): void {
  renumberNodeNames(doc);
  const id = createHash('sha256').update(seed).digest('hex').slice(0, 32);
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
}

function renumberNodeNames(doc: PDFDocument): void {
  const places: { holder: PDFDict | PDFArray; key: PDFName | number; serial: number }[] = [];
  const seen = new Set<PDFObject>();
  const visit = (object: PDFObject): void => {
    if (seen.has(object)) return;
    seen.add(object);
    if (object instanceof PDFDict) {
      for (const [key, value] of object.entries()) collect(object, key, value);
    } else if (object instanceof PDFArray) {
      for (let i = 0; i < object.size(); i++) collect(object, i, object.get(i));
    }
  };
  const collect = (holder: PDFDict | PDFArray, key: PDFName | number, value: PDFObject): void => {
    if (value instanceof PDFString || value instanceof PDFHexString) {
      const m = NODE_NAME.exec(value.decodeText());
      if (m) places.push({ holder, key, serial: Number(m[1]) });
    } else {
      visit(value); // references are visited through enumerateIndirectObjects
    }
  };
  for (const [, object] of doc.context.enumerateIndirectObjects()) visit(object);

  const serials = [...new Set(places.map((p) => p.serial))].sort((a, b) => a - b);
  const width = String(serials.length).length;
  const renamed = new Map(serials.map((s, i) => [s, `n${String(i + 1).padStart(width, '0')}`]));
  for (const { holder, key, serial } of places) {
    const name = PDFString.of(renamed.get(serial) as string);
    if (holder instanceof PDFDict) holder.set(key as PDFName, name);
    else holder.set(key as number, name);
  }
}
