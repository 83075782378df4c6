import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRef, PDFStream, type PDFDocument, type PDFObject } from 'pdf-lib';

const Annots = PDFName.of('Annots');
const StructParent = PDFName.of('StructParent');
const StructParents = PDFName.of('StructParents');
// Rectangles of one line's boxes meet exactly; a little slack absorbs rounding in Chromium's output.
const slack = 0.05;

/**
 * One link area per line of a link. Chromium writes a link annotation for each inline box inside
 * the link ("Methodology", ", p. ", "80"), and whether two boxes on a line come out as one area or
 * two depends on its paint timing, so the same document could print different files on a busy
 * machine. Boxes of one link that meet on a line become one area, and the structure tree and its
 * keys are made to match: the same document then always gives the same annotations, and a reader
 * moving by links meets each link once per line. Returns how many areas were merged away.
 */
export function mergeLinkAreas(doc: PDFDocument): number {
  const context = doc.context;
  const parentTree = structParentTree(doc);
  // A structure tree in a form not handled here (a parent tree with kids): leave the links as they are.
  if (parentTree === undefined && doc.catalog.get(PDFName.of('StructTreeRoot')) !== undefined) return 0;
  let merged = 0;
  for (const page of doc.getPages()) {
    const annots = page.node.lookupMaybe(Annots, PDFArray);
    if (annots === undefined) continue;
    let previous: { dict: PDFDict; rect: number[]; key: string; parent: PDFObject | undefined } | undefined;
    for (let i = 0; i < annots.size(); i++) {
      const ref = annots.get(i);
      const dict = context.lookup(ref);
      const link = dict instanceof PDFDict ? linkOf(dict) : undefined;
      if (link === undefined || !(dict instanceof PDFDict)) {
        previous = undefined;
        continue;
      }
      const parent = parentTree?.elementOf(dict);
      if (previous !== undefined && previous.key === link.key && previous.parent === parent && meets(previous.rect, link.rect)) {
        previous.rect = [previous.rect[0] as number, previous.rect[1] as number, link.rect[2] as number, previous.rect[3] as number];
        previous.dict.set(PDFName.of('Rect'), context.obj(previous.rect));
        annots.remove(i);
        i -= 1;
        if (ref instanceof PDFRef) {
          parentTree?.forget(dict, ref);
          context.delete(ref);
        }
        merged += 1;
        continue;
      }
      previous = { dict, rect: link.rect, key: link.key, parent };
    }
  }
  if (merged > 0) parentTree?.compact();
  return merged;
}

/** A link annotation's rectangle and where it goes, or undefined for other annotations. */
function linkOf(dict: PDFDict): { rect: number[]; key: string } | undefined {
  if (dict.get(PDFName.of('Subtype'))?.toString() !== '/Link') return undefined;
  const rect = dict.lookupMaybe(PDFName.of('Rect'), PDFArray)?.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : NaN));
  if (rect === undefined || rect.length !== 4 || rect.some(Number.isNaN)) return undefined;
  const dest = dict.get(PDFName.of('Dest'));
  const action = dict.lookupMaybe(PDFName.of('A'), PDFDict);
  const key = dest !== undefined ? `dest ${dest.toString()}` : action !== undefined ? `action ${action.toString()}` : undefined;
  return key === undefined ? undefined : { rect, key };
}

/** The second rectangle continues the first on the same line. */
function meets(a: readonly number[], b: readonly number[]): boolean {
  const [ax1 = 0, ay1 = 0, ax2 = 0, ay2 = 0] = a;
  const [bx1 = 0, by1 = 0, , by2 = 0] = b;
  return Math.abs(ay1 - by1) < slack && Math.abs(ay2 - by2) < slack && Math.abs(ax2 - bx1) < slack && ax1 <= bx1;
}

interface ParentTree {
  /** The structure element an annotation belongs to. */
  elementOf(annot: PDFDict): PDFObject | undefined;
  /** Drop an annotation from its element and from the tree. */
  forget(annot: PDFDict, ref: PDFRef): void;
  /** Renumber the keys 0, 1, 2… in their order, in the tree and wherever they are held. */
  compact(): void;
}

/** The document's structure parent tree, when it is the flat /Nums array Chromium writes. */
function structParentTree(doc: PDFDocument): ParentTree | undefined {
  const context = doc.context;
  const root = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  const tree = root?.lookupMaybe(PDFName.of('ParentTree'), PDFDict);
  const nums = tree?.lookupMaybe(PDFName.of('Nums'), PDFArray);
  if (root === undefined || tree === undefined || nums === undefined || tree.get(PDFName.of('Kids')) !== undefined) return undefined;
  const entries = new Map<number, PDFObject>();
  for (let i = 0; i + 1 < nums.size(); i += 2) {
    const key = nums.get(i);
    if (key instanceof PDFNumber) entries.set(key.asNumber(), nums.get(i + 1));
  }
  const keyOf = (annot: PDFDict): number | undefined => {
    const value = annot.get(StructParent);
    return value instanceof PDFNumber ? value.asNumber() : undefined;
  };
  return {
    elementOf: (annot) => {
      const key = keyOf(annot);
      return key === undefined ? undefined : entries.get(key);
    },
    forget: (annot, ref) => {
      const key = keyOf(annot);
      const element = key === undefined ? undefined : context.lookup(entries.get(key));
      if (key !== undefined) entries.delete(key);
      if (!(element instanceof PDFDict)) return;
      const kids = element.lookupMaybe(PDFName.of('K'), PDFArray);
      if (kids === undefined) return;
      for (let i = kids.size() - 1; i >= 0; i--) {
        const kid = context.lookup(kids.get(i));
        if (kid instanceof PDFDict && kid.get(PDFName.of('Type'))?.toString() === '/OBJR' && kid.get(PDFName.of('Obj')) === ref) kids.remove(i);
      }
    },
    compact: () => {
      const keys = [...entries.keys()].sort((a, b) => a - b);
      const renumbered = new Map(keys.map((key, i) => [key, i]));
      const renumber = (dict: PDFDict, name: PDFName): void => {
        const value = dict.get(name);
        const next = value instanceof PDFNumber ? renumbered.get(value.asNumber()) : undefined;
        if (next !== undefined) dict.set(name, PDFNumber.of(next));
      };
      // Every holder of a key: pages, annotations, and the forms (charts) with marked content of their own.
      for (const [, object] of context.enumerateIndirectObjects()) {
        const dict = object instanceof PDFStream ? object.dict : object;
        if (!(dict instanceof PDFDict)) continue;
        renumber(dict, StructParents);
        renumber(dict, StructParent);
      }
      const flat: PDFObject[] = keys.flatMap((key, i) => [PDFNumber.of(i), entries.get(key) as PDFObject]);
      tree.set(PDFName.of('Nums'), context.obj(flat));
      root.set(PDFName.of('ParentTreeNextKey'), PDFNumber.of(keys.length));
    },
  };
}
