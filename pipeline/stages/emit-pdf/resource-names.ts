import { PDFDict, PDFName, type PDFDocument, type PDFObject } from 'pdf-lib';

/**
 * Skia names a page's resources after its own object numbers (`/G555` a graphics state, `/X558` a
 * form, `/F177` a font), so one object more early in a file (a link written as two areas instead
 * of one: see link-areas.ts) renames everything after it, and the same document prints different
 * bytes. This names them by their place in their resources dictionary instead (`/G1`, `/G2`…, the
 * letters kept), renaming the dictionaries' keys now; the returned function renames the uses in a
 * content stream, for rewriteContentStreams. A dictionary whose old names are ambiguous (one name in
 * two kinds of resource) keeps its names.
 */
export function renameResources(doc: PDFDocument): (content: string, resources: PDFDict | undefined) => string {
  const renamed = new Map<PDFDict, Map<string, string>>();
  const plan = (resources: PDFDict): Map<string, string> | undefined => {
    if (renamed.has(resources)) return renamed.get(resources);
    const names = new Map<string, string>();
    const kinds: [PDFDict, [string, string][]][] = [];
    for (const [kind] of resources.entries()) {
      const dict = resources.lookup(kind);
      if (!(dict instanceof PDFDict)) continue; // /ProcSet is an array
      const pairs = dict.entries().map(([name], i): [string, string] => [name.decodeText(), `${name.decodeText().replace(/\d+$/, '')}${i + 1}`]);
      for (const [old, next] of pairs) {
        if (names.has(old)) {
          renamed.set(resources, new Map());
          return renamed.get(resources);
        }
        names.set(old, next);
      }
      kinds.push([dict, pairs]);
    }
    for (const [dict, pairs] of kinds) {
      const values: PDFObject[] = dict.entries().map(([, v]) => v);
      for (const [old] of pairs) dict.delete(PDFName.of(old));
      pairs.forEach(([, next], i) => dict.set(PDFName.of(next), values[i] as PDFObject));
    }
    renamed.set(resources, names);
    return names;
  };
  for (const page of doc.getPages()) {
    const resources = page.node.Resources();
    if (resources) plan(resources);
  }
  // Literal and hex strings are passed over whole; only names outside them are renamed.
  const token = /\((?:\\[\s\S]|[^\\)])*\)|<[0-9A-Fa-f\s]*>|\/[^\s/[\]()<>{}%]+/g;
  return (content, resources) => {
    const names = resources === undefined ? undefined : plan(resources);
    if (names === undefined || names.size === 0) return content;
    return content.replace(token, (t) => (t.startsWith('/') ? `/${names.get(t.slice(1)) ?? t.slice(1)}` : t));
  };
}
