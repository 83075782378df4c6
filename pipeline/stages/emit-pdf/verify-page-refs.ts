import type { PageLink, PrintedPages } from './pdf-pages.js';
import { folioOf, headingAt } from './verify-toc.js';

/** A page reference as the print document says it must read (see page-refs.ts). */
export interface ExpectedRef {
  readonly target: string;
  readonly text: string;
  readonly targetText: string;
  readonly kind: 'heading' | 'caption';
}

export interface FoundRef {
  readonly ref: ExpectedRef;
  readonly link: PageLink;
  /** The number printed at the end of the link, if any. */
  readonly printed: string | undefined;
}

/** Letters and digits only, without accents: line-end hyphens, soft hyphens and spacing do not count. */
export const plain = (s: string): string => s.normalize('NFKD').replace(/[^\p{L}\p{N}]|\p{Lm}/gu, '').toLowerCase();

/**
 * Find each page reference among the PDF's in-document links, in document order: the link whose
 * printed text ends in the page label (and maybe a number) and whose words end the reference's own.
 * A link that wraps over a page turn counts by its last piece. `skip` leaves the contents out.
 */
export function findPageRefs(pages: PrintedPages, refs: readonly ExpectedRef[], label: string, skip: number): { found: FoundRef[]; missing: ExpectedRef[] } {
  const want = plain(label);
  const found: FoundRef[] = [];
  const missing: ExpectedRef[] = [];
  let at = skip;
  for (const ref of refs) {
    const full = plain(`${ref.text} ${label}`);
    let hit: FoundRef | undefined;
    for (let i = at; i < pages.links.length && hit === undefined; i++) {
      const link = pages.links[i] as PageLink;
      const m = /^(.*?)(\d*)$/.exec(plain(link.text));
      const body = m?.[1] ?? '';
      if (body.length >= want.length && body.endsWith(want) && full.endsWith(body)) {
        hit = { ref, link, printed: m?.[2] === '' ? undefined : m?.[2] };
        at = i + 1;
      }
    }
    if (hit === undefined) missing.push(ref);
    else found.push(hit);
  }
  return { found, missing };
}

/**
 * Check every page reference against the printed pages: it is there, its number is the folio of
 * the page its link goes to, and that page shows the target (its heading, or its caption).
 */
export function verifyPageRefs(pages: PrintedPages, refs: readonly ExpectedRef[], label: string, skip: number): { checked: number; problems: string[] } {
  const { found, missing } = findPageRefs(pages, refs, label, skip);
  const problems = missing.map((ref) => `the reference "${ref.text}" to "${short(ref.targetText)}" is not printed as a link with its page number`);
  for (const { ref, link, printed } of found) {
    const where = `the reference "${ref.text}" on page ${link.page + 1}`;
    const folio = folioOf(pages.folios, link.target);
    if (printed === undefined) problems.push(`${where} has no page number`);
    else if (folio === undefined) problems.push(`${where} goes to page ${link.target + 1}, which shows no page number`);
    else if (printed !== folio) problems.push(`${where} says ${label} ${printed}, but its link goes to the page numbered ${folio}`);
    if (!targetOn(pages, ref, link)) problems.push(`${where}: "${short(ref.targetText)}" is not printed on the page its link goes to (page ${link.target + 1})`);
  }
  return { checked: found.length, problems };
}

function targetOn(pages: PrintedPages, ref: ExpectedRef, link: PageLink): boolean {
  const lines = pages.lines[link.target] ?? [];
  if (ref.kind === 'heading') return headingAt(lines, ref.targetText, link);
  // A caption may wrap and be hyphenated: compare the page's letters and digits.
  return plain(lines.map((l) => l.text).join(' ')).includes(plain(ref.targetText).slice(0, 80));
}

const short = (s: string): string => {
  const t = s.replace(/[\u00ad\s]+/g, (m) => (m.includes(' ') || m.includes('\n') ? ' ' : '')).trim();
  return t.length > 60 ? `${t.slice(0, 57)}…` : t;
};

/** Target pages as measured: each found reference's link destination (1-based, like bookmark pages). */
export function measuredRefPages(pages: PrintedPages, refs: readonly ExpectedRef[], label: string, skip: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const { ref, link } of findPageRefs(pages, refs, label, skip).found) out.set(ref.target, link.target + 1);
  return out;
}
