import { isSeq, LineCounter, parseDocument, type Scalar } from 'yaml';
import type { ChapterKind } from '../model/edition.js';
import { chapterKinds } from '../model/edition.js';

/**
 * Add `name` to the chapters list of edition.yaml after the last chapter of the same kind (or of
 * an earlier kind in reading order), by inserting one line, so comments and formatting stay as
 * the editor left them. Returns undefined when the list is not a block sequence it can edit.
 */
export function insertChapter(
  editionYaml: string,
  name: string,
  kind: ChapterKind,
  kindOf: (file: string) => ChapterKind | undefined,
): string | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(editionYaml, { lineCounter });
  if (doc.errors.length > 0) return undefined;
  const seq = doc.get('chapters', true);
  if (!isSeq(seq) || seq.flow || seq.items.length === 0) return undefined;
  const items = seq.items as Scalar[];
  const rank = (k: ChapterKind | undefined) => (k === undefined ? -1 : chapterKinds.indexOf(k));
  const wanted = rank(kind);

  // After the last item whose kind comes no later than the new one's; else before the first item.
  let after = -1;
  items.forEach((item, i) => {
    const r = rank(kindOf(String(item.value)));
    if (r !== -1 && r <= wanted) after = i;
  });
  const anchor = items[Math.max(after, 0)];
  if (!anchor?.range) return undefined;
  const lineStart = editionYaml.lastIndexOf('\n', anchor.range[0] - 1) + 1;
  const prefix = editionYaml.slice(lineStart, anchor.range[0]);
  if (!/^\s*-\s+$/.test(prefix)) return undefined;
  const entry = `${prefix}${name}\n`;
  if (after === -1) return editionYaml.slice(0, lineStart) + entry + editionYaml.slice(lineStart);
  const lineEnd = editionYaml.indexOf('\n', anchor.range[1]);
  if (lineEnd === -1) return `${editionYaml}\n${entry}`;
  return editionYaml.slice(0, lineEnd + 1) + entry + editionYaml.slice(lineEnd + 1);
}
