import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFDocument, type PDFObject } from 'pdf-lib';

/** One structure element of a tagged PDF, as the audit needs it. */
export interface StructNode {
  /** Standard structure type after the RoleMap, e.g. "H2", "Figure", "TH". */
  readonly type: string;
  readonly alt: string | undefined;
  readonly actualText: string | undefined;
  /** 1-based page: the element's /Pg, else its first marked content's, else its parent's. */
  readonly page: number | undefined;
  readonly children: readonly StructNode[];
}

export interface StructTree {
  /** The children of StructTreeRoot, in document order. */
  readonly roots: readonly StructNode[];
}

/** Deeper than any real document; stops a malformed (cyclic) tree from running away. */
const MAX_DEPTH = 256;

/** StructTreeRoot → a plain tree, or undefined when the PDF has none. */
export function readStructTree(doc: PDFDocument): StructTree | undefined {
  const root = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (!root) return undefined;
  const pageNumbers = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i + 1]));
  const roleMap = readRoleMap(root);
  const seen = new Set<PDFObject>();

  const pageOf = (dict: PDFDict): number | undefined => {
    const pg = dict.get(PDFName.of('Pg'));
    return pg instanceof PDFRef ? pageNumbers.get(pg.toString()) : undefined;
  };

  function element(dict: PDFDict, inherited: number | undefined, depth: number): StructNode | undefined {
    if (seen.has(dict) || depth > MAX_DEPTH) return undefined;
    seen.add(dict);
    const s = dict.get(PDFName.of('S'));
    const raw = s instanceof PDFName ? s.decodeText() : '';
    const own = pageOf(dict);
    const children: StructNode[] = [];
    let firstContentPage: number | undefined;
    for (const kid of kidsOf(dict.get(PDFName.of('K')))) {
      const value = kid instanceof PDFRef ? doc.context.lookup(kid) : kid;
      if (value instanceof PDFNumber) continue; // an MCID on this element's own page
      if (!(value instanceof PDFDict)) continue;
      const type = value.get(PDFName.of('Type'));
      if (type instanceof PDFName && (type.decodeText() === 'MCR' || type.decodeText() === 'OBJR')) {
        firstContentPage ??= pageOf(value);
        continue;
      }
      const child = element(value, own ?? inherited, depth + 1);
      if (child) children.push(child);
    }
    return {
      type: resolveRole(raw, roleMap),
      alt: text(dict.get(PDFName.of('Alt'))),
      actualText: text(dict.get(PDFName.of('ActualText'))),
      page: own ?? firstContentPage ?? firstPage(children) ?? inherited,
      children,
    };
  }

  const roots: StructNode[] = [];
  for (const kid of kidsOf(root.get(PDFName.of('K')))) {
    const value = kid instanceof PDFRef ? doc.context.lookup(kid) : kid;
    if (value instanceof PDFDict) {
      const node = element(value, undefined, 0);
      if (node) roots.push(node);
    }
  }
  return { roots };

  function kidsOf(k: PDFObject | undefined): PDFObject[] {
    if (k === undefined) return [];
    const value = k instanceof PDFRef ? doc.context.lookup(k) : k;
    if (value instanceof PDFArray) return value.asArray();
    return value === undefined ? [] : [k];
  }
}

function firstPage(nodes: readonly StructNode[]): number | undefined {
  for (const n of nodes) if (n.page !== undefined) return n.page;
  return undefined;
}

function readRoleMap(root: PDFDict): Map<string, string> {
  const map = new Map<string, string>();
  const dict = root.lookupMaybe(PDFName.of('RoleMap'), PDFDict);
  for (const [key, value] of dict?.entries() ?? []) {
    if (value instanceof PDFName) map.set(key.decodeText(), value.decodeText());
  }
  return map;
}

/** Follow the RoleMap to a standard type; a cycle leaves the last name reached. */
function resolveRole(type: string, roleMap: ReadonlyMap<string, string>): string {
  let current = type;
  for (let i = 0; i < 16; i++) {
    const next = roleMap.get(current);
    if (next === undefined || next === current) break;
    current = next;
  }
  return current;
}

export function text(value: PDFObject | undefined): string | undefined {
  if (value instanceof PDFString || value instanceof PDFHexString) return value.decodeText();
  return undefined;
}

/** Every node of the tree in document (depth-first, pre-) order. */
export function* walk(nodes: readonly StructNode[]): Generator<StructNode> {
  for (const n of nodes) {
    yield n;
    yield* walk(n.children);
  }
}
