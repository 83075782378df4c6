import { inflateSync } from 'node:zlib';

/**
 * WOFF 1.0 to a plain OpenType/TrueType font (W3C WOFF 1.0, section 5): the rasteriser reads
 * sfnt files only, and the edition's fonts ship as WOFF. Each table is inflated when compressed
 * and laid out again, 4-byte aligned, with its original checksum.
 */
export function woffToSfnt(woff: Uint8Array): Uint8Array {
  const src = Buffer.from(woff.buffer, woff.byteOffset, woff.byteLength);
  if (src.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1.0 file');
  const flavor = src.readUInt32BE(4);
  const numTables = src.readUInt16BE(12);
  const tables: { tag: number; checksum: number; data: Buffer }[] = [];
  for (let i = 0; i < numTables; i++) {
    const at = 44 + i * 20;
    const offset = src.readUInt32BE(at + 4);
    const compLength = src.readUInt32BE(at + 8);
    const origLength = src.readUInt32BE(at + 12);
    const stored = src.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflateSync(stored) : Buffer.from(stored);
    if (data.byteLength !== origLength) throw new Error('WOFF table has the wrong length');
    tables.push({ tag: src.readUInt32BE(at), checksum: src.readUInt32BE(at + 16), data });
  }
  const pow = 2 ** Math.floor(Math.log2(numTables));
  const head = Buffer.alloc(12 + numTables * 16);
  head.writeUInt32BE(flavor, 0);
  head.writeUInt16BE(numTables, 4);
  head.writeUInt16BE(pow * 16, 6);
  head.writeUInt16BE(Math.log2(pow), 8);
  head.writeUInt16BE(numTables * 16 - pow * 16, 10);
  const parts: Buffer[] = [head];
  let offset = head.byteLength;
  tables.forEach((t, i) => {
    head.writeUInt32BE(t.tag, 12 + i * 16);
    head.writeUInt32BE(t.checksum, 16 + i * 16);
    head.writeUInt32BE(offset, 20 + i * 16);
    head.writeUInt32BE(t.data.byteLength, 24 + i * 16);
    const padded = Buffer.alloc((t.data.byteLength + 3) & ~3);
    t.data.copy(padded);
    parts.push(padded);
    offset += padded.byteLength;
  });
  return new Uint8Array(Buffer.concat(parts));
}
