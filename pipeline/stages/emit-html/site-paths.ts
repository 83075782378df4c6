/**
 * Names the pipeline itself generates at the top of the web edition (html/). Chapters live
 * beside them at `<slug>/`, so every name here is a reserved slug (see validate/slug.ts): a new
 * generated page added here can never silently replace a chapter.
 */
export const INDEX_PAGE = 'index.html';
export const ASSETS_DIR = 'assets';
export const CASE_STUDIES_DIR = 'case-studies';
export const METHODS_DIR = 'methods';
export const SITEMAP_FILE = 'sitemap.xml';
/** The accessibility statement's slug, and the one it takes if an edition ever has the first. */
export const ACCESSIBILITY_SLUGS = ['accessibility', 'accessibility-statement'] as const;

/** A chart's press PNG sits beside its CSV download, under the same name. */
export const pngName = (csvName: string): string => csvName.replace(/\.csv$/, '.png');
