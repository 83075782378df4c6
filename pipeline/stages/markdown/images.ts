import path from 'node:path/posix';
import type { Image, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { report } from '../../diagnostics/report.js';
import type { ChapterContext } from './context.js';
import { brokenEscapeReason, decodeUrlPart } from './url.js';

/**
 * Bytes per image file. Images travel into the PDF through Chromium: a 100 MB photograph makes it
 * crash or hang with a misleading message. A print-quality full-page photograph is under 10 MB.
 */
export const MAX_IMAGE_BYTES = 25_000_000;

/** Where the web edition serves chapter images from, relative to a chapter page. */
export const MEDIA_DIR = 'media';

/**
 * Images must have alt text and live in the edition (chapters/…): nothing is loaded from a third
 * party. Their URLs become `../media/<path>`; the emitters copy the files from the model.
 */
export function resolveImages(tree: Root, file: VFile, ctx: ChapterContext): void {
  visit(tree, 'image', (node: Image) => {
    if (!node.alt || !node.alt.trim()) report(file, 'image-alt', 'The image has no alt text', node.position);
    const url = node.url.trim();
    if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url)) {
      report(file, 'image-remote', `The image ${url} is loaded from elsewhere`, node.position);
      node.url = '';
      return;
    }
    const decoded = decodeUrlPart(url.split(/[?#]/)[0] ?? '');
    if (decoded === undefined) {
      report(file, 'link-url', brokenEscapeReason(url), node.position);
      node.url = '';
      return;
    }
    const rel = path.normalize(decoded);
    const source = `chapters/${rel}`;
    if (rel.startsWith('..') || !ctx.media.has(source)) {
      report(file, 'image-missing', `No image at ${source}`, node.position);
      node.url = '';
      return;
    }
    const bytes = ctx.oversizedMedia?.get(source);
    if (bytes !== undefined) {
      report(file, 'image-too-large', `The image ${source} is ${(bytes / 1e6).toFixed(1)} MB; the limit is ${MAX_IMAGE_BYTES / 1e6} MB per image`, node.position);
      node.url = '';
      return;
    }
    node.url = `../${MEDIA_DIR}/${rel}`;
  });
}
