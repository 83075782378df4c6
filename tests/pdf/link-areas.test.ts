import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef, type PDFObject } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveBrowser } from '../../pipeline/stages/emit-pdf/browser.js';
import { isolatePage } from '../../pipeline/stages/emit-pdf/isolation.js';
import { launchBrowser } from '../../pipeline/stages/emit-pdf/launch.js';
import { mergeLinkAreas } from '../../pipeline/stages/emit-pdf/link-areas.js';
import { renumberObjects } from '../../pipeline/stages/emit-pdf/object-order.js';
import { rewriteContentStreams } from '../../pipeline/stages/emit-pdf/content-streams.js';
import { renameResources } from '../../pipeline/stages/emit-pdf/resource-names.js';
import { cleanTextLayer } from '../../pipeline/stages/emit-pdf/text-layer.js';
import { printPass } from '../../pipeline/stages/emit-pdf/print.js';

// One link of three inline boxes on a line, one wrapping over two lines, and two links to one place side by side.
const html = `<!doctype html><html lang="en"><head><title>Links</title><style>
  body { font: 12pt serif; margin: 0 } p { width: 40em; margin: 0 0 1em } .n { font-variant-numeric: tabular-nums }
</style></head><body>
<p>See <a href="#m">the methodology<span>, p.&nbsp;<span class="n">80</span></span></a> for the sample.</p>
<p>${'Words before the long link. '.repeat(5)}<a href="#m">a link long enough to wrap from the end of one line onto the next one</a>.</p>
<p><a href="#m">one</a><a href="#m">two</a></p>
<h2 id="m">Methodology</h2>
<figure style="break-before: page"><svg xmlns="http://www.w3.org/2000/svg" width="200" height="60" role="img" aria-label="A chart"><g opacity="0.6"><rect width="80" height="20" fill="#036"/><text x="90" y="15">42%</text></g></svg></figure>
</body></html>`;

let printed: Uint8Array;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'monitor-link-areas-'));
  const launched = await launchBrowser(resolveBrowser(undefined).path, () => undefined);
  try {
    const page = await launched.browser.newPage();
    printed = (await printPass(page, await isolatePage(page), html, { tagged: true, timeoutMs: 60_000 })).bytes;
  } finally {
    await launched.close();
  }
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

interface Area {
  rect: number[];
  key: number | undefined;
}
function areas(pdf: PDFDocument): Area[] {
  const annots = pdf.getPages()[0]?.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  return (annots?.asArray() ?? []).map((ref) => {
    const dict = pdf.context.lookup(ref, PDFDict);
    const rect = dict.lookup(PDFName.of('Rect'), PDFArray).asArray().map((n) => (n as PDFNumber).asNumber());
    const key = dict.get(PDFName.of('StructParent'));
    return { rect, key: key instanceof PDFNumber ? key.asNumber() : undefined };
  });
}
const lines = (list: Area[]): number => new Set(list.map((a) => a.rect[1]?.toFixed(1))).size;

describe('link areas', () => {
  it('become one area per line of each link, and the structure tree follows', async () => {
    const pdf = await PDFDocument.load(printed);
    const before = areas(pdf);
    // Chromium's own output: more boxes than lines (the spans), which is what varies between runs.
    expect(before.length).toBeGreaterThan(lines(before) + 1);
    const merged = mergeLinkAreas(pdf);
    const after = areas(pdf);
    expect(merged).toBe(before.length - after.length);
    // Lines: 1 (the methodology link), 2 (the wrapped link), 1 (one), 1 (two): "one" and "two" are two links.
    expect(after).toHaveLength(5);
    const tree = pdf.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
    const nums = tree.lookup(PDFName.of('ParentTree'), PDFDict).lookup(PDFName.of('Nums'), PDFArray).asArray();
    const keys = nums.filter((_, i) => i % 2 === 0).map((n) => (n as PDFNumber).asNumber());
    // Keys 0…n-1 with no gap, and the next free key after them.
    expect(keys).toEqual(keys.map((_, i) => i));
    expect((tree.get(PDFName.of('ParentTreeNextKey')) as PDFNumber).asNumber()).toBe(keys.length);
    // Each area's key finds a Link element that names exactly that area once.
    const annots = pdf.getPages()[0]?.node.lookup(PDFName.of('Annots'), PDFArray).asArray() ?? [];
    after.forEach((area, i) => {
      const element = pdf.context.lookup(nums[(area.key ?? -1) * 2 + 1], PDFDict);
      expect(element.get(PDFName.of('S'))?.toString()).toBe('/Link');
      const objrs = element
        .lookup(PDFName.of('K'), PDFArray)
        .asArray()
        .map((k) => pdf.context.lookup(k))
        .filter((k): k is PDFDict => k instanceof PDFDict && k.get(PDFName.of('Type'))?.toString() === '/OBJR');
      expect(objrs.filter((o) => o.get(PDFName.of('Obj')) === annots[i])).toHaveLength(1);
    });
    // Every key held anywhere (pages, areas, forms with marked content of their own) is one of the
    // tree's, and no two objects hold the same key.
    const held: number[] = [];
    for (const [, object] of pdf.context.enumerateIndirectObjects()) {
      const dict = 'dict' in object && object.dict instanceof PDFDict ? object.dict : object;
      if (!(dict instanceof PDFDict)) continue;
      for (const name of ['StructParent', 'StructParents']) {
        const key = dict.get(PDFName.of(name));
        if (key instanceof PDFNumber) held.push(key.asNumber());
      }
    }
    expect(held.length).toBeGreaterThan(after.length + 1);
    expect(new Set(held).size).toBe(held.length);
    expect(held.every((key) => keys.includes(key))).toBe(true);
    // The page's own key moved down with the others, and still finds the page's marked content.
    const pageKey = (pdf.getPages()[0]?.node.get(PDFName.of('StructParents')) as PDFNumber).asNumber();
    expect(keys).toContain(pageKey);
    expect(after.every((a) => a.key !== pageKey)).toBe(true);
  });

  it('are left alone under a parent tree of a form not handled (with kids), so no reference is left dangling', async () => {
    const pdf = await PDFDocument.load(printed);
    const tree = pdf.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict).lookup(PDFName.of('ParentTree'), PDFDict);
    tree.set(PDFName.of('Kids'), pdf.context.obj([]));
    const before = areas(pdf).length;
    expect(mergeLinkAreas(pdf)).toBe(0);
    expect(areas(pdf)).toHaveLength(before);
  });

  it('are named and numbered from the document’s shape: two numberings of one document save to the same bytes', async () => {
    const finish = async (pdf: PDFDocument): Promise<Uint8Array> => {
      mergeLinkAreas(pdf);
      cleanTextLayer(pdf, renameResources(pdf));
      renumberObjects(pdf);
      return pdf.save({ useObjectStreams: true });
    };
    // Loaded without pdf-lib stamping the clock into the info (the two loads may fall in two seconds).
    const load = () => PDFDocument.load(printed, { updateMetadata: false });
    const canonical = await finish(await load());
    // The same document with two of its objects swapped in number, and its resources named after
    // other numbers, as Skia names them when one object more came earlier in the file.
    const shuffled = await load();
    swapNumbers(shuffled, PDFRef.of(3), PDFRef.of(7));
    const renamedFrom = renameNumbered(shuffled, 1000);
    expect(renamedFrom.length).toBeGreaterThan(2);
    expect(Buffer.from(await finish(shuffled)).equals(Buffer.from(canonical))).toBe(true);
    // Numbers 1…n, no gaps, and a file qpdf and poppler read with the same text as Chromium's.
    const again = await PDFDocument.load(canonical);
    const numbers = again.context.enumerateIndirectObjects().map(([ref]) => ref.objectNumber);
    expect(numbers.slice(0, -1)).toEqual(numbers.slice(0, -1).map((_, i) => i + 1));
    await writeFile(path.join(dir, 'a.pdf'), printed);
    await writeFile(path.join(dir, 'b.pdf'), canonical);
    const text = (f: string) => execFileSync('pdftotext', ['-layout', path.join(dir, f), '-'], { encoding: 'utf8' });
    expect(text('b.pdf')).toBe(text('a.pdf'));
    expect(text('b.pdf')).toMatch(/the methodology, p\. 80/);
    expect(execFileSync('qpdf', ['--check', path.join(dir, 'b.pdf')], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors/);
    // The same pixels: every page drawn the same from Chromium's file and the finished one.
    const png = (f: string) => execFileSync('pdftoppm', ['-r', '40', '-png', '-f', '1', '-l', '2', path.join(dir, f), path.join(dir, f)]);
    png('a.pdf');
    png('b.pdf');
    const pages = (f: string) => ['1', '2'].map((n) => readFileSync(path.join(dir, `${f}-${n}.png`)));
    expect(pages('b.pdf').every((b, i) => b.length > 1000 && b.equals(pages('a.pdf')[i] as Buffer))).toBe(true);
  });
});

/**
 * Add `shift` to the number in every resource name of every page and form (`/G3` → `/G1003`), in
 * the resources dictionaries and in the content streams that use them. Returns the old names.
 */
function renameNumbered(pdf: PDFDocument, shift: number): string[] {
  const renamed: string[] = [];
  const shifted = (name: string) => name.replace(/\d+$/, (n) => String(Number(n) + shift));
  const done = new Set<PDFDict>();
  const renameKeys = (resources: PDFDict | undefined): void => {
    if (resources === undefined || done.has(resources)) return;
    done.add(resources);
    for (const [kind] of resources.entries()) {
      const dict = resources.lookup(kind);
      if (!(dict instanceof PDFDict)) continue;
      for (const [name, value] of dict.entries()) {
        if (!/\d$/.test(name.decodeText())) continue;
        dict.delete(name);
        dict.set(PDFName.of(shifted(name.decodeText())), value);
        renamed.push(name.decodeText());
      }
    }
  };
  rewriteContentStreams(pdf, (content, resources) => {
    renameKeys(resources);
    return content.replace(/\/([A-Z]+\d+)\b/g, (m, name: string) => (renamed.includes(name) ? `/${shifted(name)}` : m));
  });
  return renamed;
}

/** Give two objects each other's numbers, references included: the same document, numbered otherwise. */
function swapNumbers(pdf: PDFDocument, a: PDFRef, b: PDFRef): void {
  const objA = pdf.context.lookup(a) as PDFObject;
  const objB = pdf.context.lookup(b) as PDFObject;
  const swap = (value: PDFObject): PDFObject => (value === a ? b : value === b ? a : value);
  const done = new Set<PDFObject>();
  const visit = (object: PDFObject): void => {
    if (done.has(object)) return;
    done.add(object);
    const holder = 'dict' in object && object.dict instanceof PDFDict ? object.dict : object;
    if (holder instanceof PDFDict) for (const [k, v] of holder.entries()) (v instanceof PDFRef ? holder.set(k, swap(v)) : visit(v));
    if (holder instanceof PDFArray) for (let i = 0; i < holder.size(); i++) (holder.get(i) instanceof PDFRef ? holder.set(i, swap(holder.get(i))) : visit(holder.get(i)));
  };
  for (const [, object] of pdf.context.enumerateIndirectObjects()) visit(object);
  const info = pdf.context.trailerInfo;
  if (info.Root instanceof PDFRef) info.Root = swap(info.Root);
  if (info.Info instanceof PDFRef) info.Info = swap(info.Info);
  pdf.context.assign(a, objB);
  pdf.context.assign(b, objA);
}
