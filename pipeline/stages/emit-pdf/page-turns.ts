import type { Element, Root } from 'hast';
import type { PrintedPages } from './pdf-pages.js';

/** A word hyphenated across a page turn: the end of one page's last line and the start of the next page. */
export interface PageTurn {
  readonly page: number;
  /** The last lines of the page (up to three), without the final hyphen. */
  readonly before: string;
  /** The first line of the next page. */
  readonly after: string;
}

/** Running heads sit in the top 20 mm, folios alone in the top or bottom 20 mm. */
const headBand = 57;
const folioBand = 57;

/** Pages whose last line of text ends in a hyphen and whose next page goes on with text. */
export function pageTurns(pages: PrintedPages): PageTurn[] {
  const body = pages.lines.map((lines, i) => {
    const height = pages.heights[i] ?? 842;
    return lines.filter((l) => l.y < height - headBand && !(/^\d+$|^[ivxlcdm]+$/i.test(l.text) && (l.y < folioBand || l.y > height - folioBand)));
  });
  const turns: PageTurn[] = [];
  body.forEach((lines, i) => {
    const last = lines.slice(-3).map((l) => l.text).join(' ');
    const next = (body[i + 1]?.[0]?.text ?? '').replace(/\u00ad/g, '');
    // The line-end hyphen reads as "-" or, once the text layer is clean, as U+00AD.
    if (/\p{L}[\u00ad-]+$/u.test(last) && /^\p{Ll}/u.test(next)) {
      turns.push({ page: i, before: last.replace(/[\u00ad-]+$/, '').replace(/\u00ad/g, ''), after: next });
    }
  });
  return turns;
}

// Letters and digits only, without accents (extraction may decompose them) and without modifier
// letters: pdf.js reads the typographic apostrophe as U+02BC, a letter, where the source has U+2019.
const key = (s: string): string => s.normalize('NFKD').replace(/[^\p{L}\p{N}]|\p{Lm}/gu, '').toLowerCase();
const unreadable = /[\u0000-\u001f\ufffd]/;

/**
 * Take the soft hyphens out of each word that broke across a page turn, so the next print sets
 * it whole (on the next page). The place is found by the text around it: the end of the last line
 * and the start of the next must meet at a soft hyphen in exactly one text of the document.
 * Returns how many words were kept whole.
 */
export function keepWordsWhole(tree: Root, turns: readonly PageTurn[], headingPages: ReadonlyMap<string, number>): number {
  if (turns.length === 0) return 0;
  // Each text with the pages of the headings around it (as measured), to tell repeated wording apart.
  const texts: { node: { value: string }; from: number; to: number }[] = [];
  let from = 1;
  const open: { node: { value: string }; from: number; to: number }[] = [];
  const visit = (node: Root | Element): void => {
    for (const child of node.children) {
      if (child.type === 'element') {
        const page = /^h[1-6]$/.test(child.tagName) ? headingPages.get(String(child.properties['id'] ?? '')) : undefined;
        if (page !== undefined) {
          for (const t of open.splice(0)) t.to = page;
          from = page;
        }
        visit(child);
      } else if (child.type === 'text' && child.value.includes('\u00ad')) {
        const entry = { node: child, from, to: Number.POSITIVE_INFINITY };
        texts.push(entry);
        open.push(entry);
      }
    }
  };
  visit(tree);
  let kept = 0;
  for (const turn of turns) {
    // pdf.js reads some ligatures as U+0000: compare only the text after (before) the last (first) one,
    // and only letters and digits, without accents (extraction may decompose them).
    const tail = key(turn.before.split(unreadable).at(-1) ?? '');
    const head = key(turn.after.split(unreadable)[0] ?? '');
    if (tail.length < 6 || head.length < 6) continue;
    // Every place where the next page's text follows a soft hyphen; the one whose preceding text
    // agrees longest with the end of the page wins, if it is the only one that long.
    const hits: { node: { value: string }; at: number; agree: number }[] = [];
    const pageNumber = turn.page + 1;
    for (const { node, from: first, to: last } of texts) {
      if (pageNumber < first || pageNumber > last) continue;
      const map: number[] = [];
      let plain = '';
      for (let i = 0; i < node.value.length; i++) {
        const k = key(node.value[i] ?? '');
        plain += k;
        for (let j = 0; j < k.length; j++) map.push(i);
      }
      for (let at = plain.indexOf(head); at !== -1; at = plain.indexOf(head, at + 1)) {
        const join = map[at] ?? -1;
        if (node.value[join - 1] !== '\u00ad') continue;
        let agree = 0;
        while (agree < tail.length && agree < at && plain[at - 1 - agree] === tail[tail.length - 1 - agree]) agree++;
        hits.push({ node, at: join, agree });
      }
    }
    const best = Math.max(0, ...hits.map((h) => h.agree));
    const top = hits.filter((h) => h.agree === best);
    // Identical passages (a repeated sentence) cannot be told apart: each of a few is set whole.
    if (best < 6 || top.length > 3) continue;
    for (const hit of top) {
      const v = hit.node.value;
      let start = hit.at - 1;
      while (start > 0 && /[\p{L}\u00ad]/u.test(v[start - 1] ?? '')) start--;
      let end = hit.at;
      while (end < v.length && /[\p{L}\u00ad]/u.test(v[end] ?? '')) end++;
      hit.node.value = v.slice(0, start) + v.slice(start, end).replace(/\u00ad/g, '') + v.slice(end);
    }
    kept += 1;
  }
  return kept;
}
