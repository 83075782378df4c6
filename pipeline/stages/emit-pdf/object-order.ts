import { PDFArray, PDFDict, PDFNull, PDFRef, PDFStream, type PDFDocument, type PDFObject } from 'pdf-lib';

/**
 * Number the file's objects in the order they are reached from the trailer (the catalog first,
 * then the document info), depth first in each dictionary's own key order. The numbers Chromium
 * gave them record the order it happened to write them in; from the document's shape alone, the
 * same document always gets the same numbers. Objects nothing reaches are left out.
 */
export function renumberObjects(doc: PDFDocument): void {
  const context = doc.context;
  const order: PDFRef[] = [];
  const seen = new Set<PDFRef>();
  const stack: PDFObject[] = [];
  const reach = (object: PDFObject | undefined): void => {
    if (object !== undefined) stack.push(object);
    while (stack.length > 0) {
      const next = stack.pop() as PDFObject;
      if (next instanceof PDFRef) {
        if (seen.has(next)) continue;
        const target = context.lookup(next);
        if (target === undefined) continue;
        seen.add(next);
        order.push(next);
        stack.push(target);
      } else {
        // Children pushed in reverse, so they are taken in their own order.
        const children = childrenOf(next);
        for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as PDFObject);
      }
    }
  };
  reach(context.trailerInfo.Root);
  reach(context.trailerInfo.Info);
  const renamed = new Map(order.map((ref, i) => [ref, PDFRef.of(i + 1)]));
  const objects = order.map((ref) => context.lookup(ref) as PDFObject);
  for (const [ref] of context.enumerateIndirectObjects()) context.delete(ref);
  context.largestObjectNumber = 0;
  const done = new Set<PDFObject>();
  objects.forEach((object, i) => {
    rewrite(object, renamed, done);
    context.assign(PDFRef.of(i + 1), object);
  });
  const { Root, Info } = context.trailerInfo;
  if (Root instanceof PDFRef) context.trailerInfo.Root = renamed.get(Root) ?? Root;
  if (Info instanceof PDFRef) context.trailerInfo.Info = renamed.get(Info) ?? Info;
}

function childrenOf(object: PDFObject): PDFObject[] {
  if (object instanceof PDFStream) return childrenOf(object.dict);
  if (object instanceof PDFDict) return object.entries().map(([, value]) => value);
  if (object instanceof PDFArray) return object.asArray();
  return [];
}

/**
 * Point every reference inside one object (not through references) at its new number; one to an
 * object that does not exist is null, as the PDF format reads it. References are interned (old 5
 * and new 5 are one object), so nothing may be rewritten twice.
 */
function rewrite(object: PDFObject, renamed: ReadonlyMap<PDFRef, PDFRef>, done = new Set<PDFObject>()): void {
  if (done.has(object)) return;
  done.add(object);
  const dict = object instanceof PDFStream ? object.dict : object;
  if (dict instanceof PDFDict) {
    for (const [key, value] of dict.entries()) {
      if (value instanceof PDFRef) dict.set(key, renamed.get(value) ?? PDFNull);
      else rewrite(value, renamed, done);
    }
  } else if (dict instanceof PDFArray) {
    for (let i = 0; i < dict.size(); i++) {
      const value = dict.get(i);
      if (value instanceof PDFRef) dict.set(i, renamed.get(value) ?? PDFNull);
      else rewrite(value, renamed, done);
    }
  }
}
