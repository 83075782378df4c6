import { PDFArray, PDFDict, PDFHexString, PDFName, PDFRef, PDFString, type PDFDocument, type PDFObject } from 'pdf-lib';

export interface OutlineItem {
  readonly title: string;
  /** 1-based page number, as printed in the footer; undefined if the destination is broken. */
  readonly page: number | undefined;
  readonly depth: number;
  /** The bookmark itself, so its title can be corrected. */
  readonly dict: PDFDict;
}

/** Every bookmark in reading order (pre-order walk of /Outlines), with the page it points to. */
export function readOutline(doc: PDFDocument): OutlineItem[] {
  const context = doc.context;
  const pageNumbers = new Map<string, number>();
  doc.getPages().forEach((page, index) => pageNumbers.set(page.ref.toString(), index + 1));
  const named = namedDestinations(doc);
  const items: OutlineItem[] = [];
  const seen = new Set<PDFDict>(); // a malformed outline must not loop forever

  const pageOf = (dest: PDFObject | undefined): number | undefined => {
    const target = destinationArray(doc, named, dest)?.get(0);
    return target instanceof PDFRef ? pageNumbers.get(target.toString()) : undefined;
  };

  const walk = (first: PDFObject | undefined, depth: number): void => {
    let node = first === undefined ? undefined : context.lookupMaybe(first, PDFDict);
    while (node !== undefined && !seen.has(node)) {
      seen.add(node);
      const title = node.lookup(PDFName.of('Title'));
      let dest = node.get(PDFName.of('Dest'));
      if (dest === undefined) {
        const action = node.lookupMaybe(PDFName.of('A'), PDFDict);
        if (action?.lookup(PDFName.of('S'))?.toString() === '/GoTo') dest = action.get(PDFName.of('D'));
      }
      items.push({
        title: title instanceof PDFString || title instanceof PDFHexString ? title.decodeText() : '',
        page: pageOf(dest),
        depth,
        dict: node,
      });
      walk(node.get(PDFName.of('First')), depth + 1);
      const next = node.get(PDFName.of('Next'));
      node = next === undefined ? undefined : context.lookupMaybe(next, PDFDict);
    }
  };

  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  if (outlines !== undefined) walk(outlines.get(PDFName.of('First')), 0);
  return items;
}

/**
 * A destination as its explicit array ([page /XYZ left top zoom]): a name is looked up among the
 * named destinations, and a named destination may be a dictionary { /D [...] }. Undefined when
 * it leads nowhere (or round in circles).
 */
export function destinationArray(doc: PDFDocument, named: ReadonlyMap<string, PDFObject>, dest: PDFObject | undefined, depth = 0): PDFArray | undefined {
  const resolved = dest instanceof PDFRef ? doc.context.lookup(dest) : dest;
  if (depth > 3 || resolved === undefined) return undefined;
  if (resolved instanceof PDFArray) return resolved;
  if (resolved instanceof PDFName || resolved instanceof PDFString || resolved instanceof PDFHexString) return destinationArray(doc, named, named.get(resolved.decodeText()), depth + 1);
  if (resolved instanceof PDFDict) return destinationArray(doc, named, resolved.get(PDFName.of('D')), depth + 1);
  return undefined;
}

/** Named destinations from the /Names /Dests name tree and the older catalog /Dests dictionary. */
export function namedDestinations(doc: PDFDocument): Map<string, PDFObject> {
  const out = new Map<string, PDFObject>();
  const context = doc.context;
  const old = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (old !== undefined) for (const [key, value] of old.entries()) out.set(key.decodeText(), value);
  const visited = new Set<PDFDict>();
  const walkTree = (node: PDFDict | undefined): void => {
    if (node === undefined || visited.has(node)) return;
    visited.add(node);
    const names = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    if (names !== undefined) {
      for (let i = 0; i + 1 < names.size(); i += 2) {
        const key = names.lookup(i);
        if (key instanceof PDFString || key instanceof PDFHexString) out.set(key.decodeText(), names.get(i + 1));
      }
    }
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    if (kids !== undefined) for (let i = 0; i < kids.size(); i++) walkTree(context.lookupMaybe(kids.get(i), PDFDict));
  };
  walkTree(doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('Dests'), PDFDict));
  return out;
}

/** Replace a bookmark's title (Chromium 156 sometimes repeats a heading's text in it). */
export function setOutlineTitle(item: OutlineItem, title: string): void {
  item.dict.set(PDFName.of('Title'), PDFHexString.fromText(title));
}
