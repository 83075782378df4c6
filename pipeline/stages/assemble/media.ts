import type { LoadedEdition } from '../../config/load-edition.js';
import { report } from '../../diagnostics/report.js';
import type { Chapter, EditionConfig } from '../../model/edition.js';
import type { SourceFile } from '../../model/source.js';
import { MEDIA_DIR } from '../markdown/images.js';

/** The covers' images named in edition.yaml (relative to chapters/), with where each is named. */
export function coverImages(config: EditionConfig): { readonly path: string; readonly at: readonly string[] }[] {
  return [
    ...(config.logo === undefined ? [] : [{ path: config.logo, at: ['logo'] }]),
    ...(config.coverImage === undefined ? [] : [{ path: config.coverImage.path, at: ['coverImage', 'path'] }]),
  ];
}

/** The covers' images must be files of the edition; reported at their field in edition.yaml. */
export function checkCoverImages(loaded: LoadedEdition, mediaPaths: ReadonlySet<string>): void {
  for (const image of coverImages(loaded.settings)) {
    if (!mediaPaths.has(`chapters/${image.path}`)) {
      report(loaded.file, 'edition-image-missing', `Image \`chapters/${image.path}\` does not exist`, loaded.yaml?.positionOf(image.at));
    }
  }
}

/** Only the images that chapters of this build show travel with the model (none from removed passages). */
export function usedMedia(chapters: readonly Chapter[], assets: readonly SourceFile[], covers: readonly string[]): Map<string, Uint8Array> {
  const used = new Set<string>(covers);
  const walk = (node: { type: string; tagName?: string; properties?: Record<string, unknown>; children?: unknown[] }): void => {
    if (node.type === 'element' && node.tagName === 'img') {
      const src = String(node.properties?.['src'] ?? '');
      if (src.startsWith(`../${MEDIA_DIR}/`)) used.add(src.slice(`../${MEDIA_DIR}/`.length));
    }
    for (const child of (node.children ?? []) as (typeof node)[]) walk(child);
  };
  for (const c of chapters) walk(c.content);
  const media = new Map<string, Uint8Array>();
  for (const a of assets) {
    const rel = a.path.slice('chapters/'.length);
    if (used.has(rel)) media.set(rel, a.bytes);
  }
  return media;
}
