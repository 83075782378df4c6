/**
 * Chapter slugs become folder names in the web edition and parts of every link and figure id.
 * One safe pattern, and one list of names the pipeline generates or keeps for itself, so a chapter
 * can never be silently replaced by a generated page, nor spell a path the site does not expect.
 */
import type { RuleId } from '../../diagnostics/catalogue.js';
import { ACCESSIBILITY_SLUGS, ASSETS_DIR, CASE_STUDIES_DIR, INDEX_PAGE, METHODS_DIR, SITEMAP_FILE } from '../emit-html/site-paths.js';
import { MEDIA_DIR } from '../markdown/images.js';
import { SLUG_PATTERN } from './patterns.js';

export { SLUG_PATTERN };
export const MAX_SLUG_LENGTH = 80;

/**
 * Names generated at the top of html/ (from the emitters' own constants), the output folders, and
 * names kept for pages and tools the edition may gain (search index, e-book, members area…).
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  INDEX_PAGE.replace(/\.html$/, ''),
  ASSETS_DIR,
  CASE_STUDIES_DIR,
  METHODS_DIR,
  SITEMAP_FILE,
  MEDIA_DIR,
  ...ACCESSIBILITY_SLUGS,
  'html',
  'pdf',
  'epub',
  'data',
  'pagefind',
  'search',
  'members',
  '404',
]);

export interface SlugProblem {
  readonly rule: Extract<RuleId, 'slug-reserved' | 'slug-invalid'>;
  readonly reason: string;
}

/** Why `slug` cannot be a chapter's address, or undefined when it can. */
export function slugProblem(slug: string): SlugProblem | undefined {
  if (RESERVED_SLUGS.has(slug.toLowerCase())) {
    return { rule: 'slug-reserved', reason: `Slug \`${slug}\` is reserved: the web edition uses that name for a page or folder of its own` };
  }
  if (!SLUG_PATTERN.test(slug)) {
    return { rule: 'slug-invalid', reason: `Slug \`${slug}\` may use only lower-case letters, digits and single hyphens (no dots, slashes, spaces or %)` };
  }
  if (slug.length > MAX_SLUG_LENGTH) return { rule: 'slug-invalid', reason: `Slug \`${slug.slice(0, 20)}…\` is longer than ${MAX_SLUG_LENGTH} characters` };
  return undefined;
}
