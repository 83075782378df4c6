import { deflateSync, inflateSync } from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { deflateWithZlib } from '../../pipeline/stages/emit-pdf/pdf-deflate.js';

/** A PDF with enough objects for pdf-lib to write object streams, saved as finish.ts saves. */
async function saved(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= 200; i++) doc.addPage().drawText(`Page ${i}: cities, budgets and buses`, { x: 50, y: 700, font, size: 12 });
  doc.setTitle('Deflate test');
  return doc.save({ useObjectStreams: true, objectsPerTick: Infinity });
}

/** The object streams of a saved file, as stored (still deflated). */
function objectStreams(bytes: Uint8Array): Buffer[] {
  const raw = Buffer.from(bytes).toString('latin1');
  return [...raw.matchAll(/<<[^>]*\/Type \/ObjStm[^>]*>>\s*stream\r?\n/g)].map((m) => {
    const start = (m.index ?? 0) + m[0].length;
    const length = Number(/\/Length (\d+)/.exec(m[0])?.[1]);
    return Buffer.from(raw.slice(start, start + length), 'latin1');
  });
}

describe("pdf-lib's own streams, deflated by Node's zlib", () => {
  it('writes object streams as Node’s zlib deflates them, in a file that reads back whole', async () => {
    deflateWithZlib();
    deflateWithZlib(); // asked for twice, done once
    const bytes = await saved();
    const back = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(back.getPageCount()).toBe(200);
    expect(back.getTitle()).toBe('Deflate test');
    const streams = objectStreams(bytes);
    expect(streams.length).toBeGreaterThan(1);
    // Byte for byte what Node's zlib makes of their contents; pako's own output differs.
    for (const stream of streams) expect(Buffer.compare(deflateSync(inflateSync(stream)), stream)).toBe(0);
  });
});
