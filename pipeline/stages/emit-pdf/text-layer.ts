import type { PDFDict, PDFDocument } from 'pdf-lib';
import { rewriteContentStreams } from './content-streams.js';

/**
 * Soft hyphens out of the text layer, where a line does not break at them.
 *
 * Chromium paints every soft hyphen (U+00AD) of the print document: an invisible glyph wrapped in
 * `/Span << /ActualText <FEFF00AD> >> BDC … EMC`, so text extraction, search and copy-paste see
 * "cit\u00adies". Where the line breaks at one, it paints a visible hyphen as a text object of its
 * own right after it. This rewrites the page content: the invisible glyphs go (their position
 * moves are kept, so nothing on the page moves; glyphs are placed by `Td`, not by advance), and
 * the visible line-end hyphen gets ActualText U+00AD, which is what ISO 32000 asks for a hyphen
 * added by line breaking: extractors then join the word again. Ligatures spanning a soft hyphen
 * ("ef\u00adfect") lose it from their ActualText.
 *
 * Works on the exact form Skia writes; anything else is left alone and shows in `remaining`.
 */
export interface TextLayerResult {
  /** Invisible soft hyphens removed from inside lines. */
  readonly inline: number;
  /** Visible line-end hyphens marked as soft hyphens. */
  readonly lineEnd: number;
  /** Soft-hyphen spans that did not have the expected form (left as they were). */
  readonly remaining: number;
}

const span = '/Span<</ActualText <FEFF00AD> >> BDC\n';
const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const num = '-?[\\d.]+';
// A soft hyphen where the line breaks: its span ends the text object, the next one is the hyphen.
const lineEndPattern = new RegExp(
  `${esc(span)}(?:${num} ${num} Td )?(?:<[0-9A-Fa-f]+> Tj\\n)?EMC\\n(ET\\n(?:(?!BT\\n|ET\\n)[^\\n]*\\n){0,6}?BT\\n/\\S+ ${num} Tf\\n(?:${num} ){6}Tm\\n)(<[0-9A-Fa-f]+> Tj\\n)(ET\\n)`,
  'gi',
);
// A soft hyphen inside a line: keep the move, drop the glyph.
const inlinePattern = new RegExp(`${esc(span)}((?:${num} ${num} Td )?)(?:<[0-9A-Fa-f]+> Tj\\n)?EMC\\n`, 'gi');
const ligaturePattern = /\/ActualText <FEFF((?:[0-9A-Fa-f]{4})*)>/gi;

export function transformContent(content: string): { content: string; inline: number; lineEnd: number; remaining: number } {
  let lineEnd = 0;
  let inline = 0;
  let out = content.replace(lineEndPattern, (_m, before: string, hyphen: string, end: string) => {
    lineEnd += 1;
    return `${before}${span}${hyphen}EMC\n${end}`;
  });
  // Protect the spans just made, then remove the inline ones.
  out = out.replace(new RegExp(`${esc(span)}(<[0-9A-Fa-f]+> Tj\\n)EMC\\n(ET\\n)`, 'gi'), (_m, g: string, e: string) => `\u0000${g}\u0001${e}`);
  out = out.replace(inlinePattern, (_m, move: string) => {
    inline += 1;
    return move;
  });
  const remaining = out.split(span).length - 1;
  out = out.replace(/\u0000/g, span).replace(/\u0001/g, 'EMC\n');
  out = out.replace(ligaturePattern, (whole, hex: string) => {
    if (hex.toUpperCase() === '00AD') return whole;
    const kept = (hex.match(/.{4}/g) ?? []).filter((g) => g.toUpperCase() !== '00AD').join('');
    return `/ActualText <FEFF${kept}>`;
  });
  return { content: out, inline, lineEnd, remaining };
}

/**
 * The text layer of every content stream cleaned, in one pass over the streams; `then` rewrites
 * each stream further in the same pass (the resource names: see finish.ts).
 */
export function cleanTextLayer(doc: PDFDocument, then: (content: string, resources: PDFDict | undefined) => string = (content) => content): TextLayerResult {
  const totals = { inline: 0, lineEnd: 0, remaining: 0 };
  rewriteContentStreams(doc, (content, resources) => {
    if (!/ActualText <FEFF/i.test(content)) return then(content, resources);
    const result = transformContent(content);
    totals.inline += result.inline;
    totals.lineEnd += result.lineEnd;
    totals.remaining += result.remaining;
    return then(result.content, resources);
  });
  return totals;
}
