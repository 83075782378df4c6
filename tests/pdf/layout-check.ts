import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * An independent reader of a printed PDF, for the layout checks of the print edition. It reads
 * only what poppler sees on each page (pdftotext -layout, pdffonts) and the edition's Markdown
 * sources, never the pipeline's own model or print HTML.
 */

/** Each page's lines as `pdftotext -layout` lays them out (index 0 = page 1), soft hyphens removed. */
export function layoutPages(pdf: string): string[][] {
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const pages = text.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages.map((page) => page.replace(/\u00ad/g, '').split('\n'));
}

/** Font names embedded in the PDF, subset tags (ABCDEF+) removed. */
export function fontNames(pdf: string): string[] {
  const out = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
  return [...new Set(out.split('\n').slice(2).map((line) => line.split(/\s+/)[0] ?? '').filter((n) => n !== '').map((n) => n.replace(/^[A-Z]{6}\+/, '')))].sort();
}

/** Typographic quotes and dashes as the pipeline sets them, undone, and whitespace collapsed. */
export function normalise(text: string): string {
  return text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, '-').replace(/\s+/g, ' ').trim();
}

/** Headings as the editors wrote them: chapter titles from the front matter and `##`–`####` lines. */
export function sourceHeadings(root: string): { chapterTitles: string[]; sections: string[] } {
  const chapterTitles: string[] = [];
  const sections: string[] = [];
  const dir = path.join(root, 'chapters');
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.md'))) {
    const text = readFileSync(path.join(dir, name), 'utf8');
    const title = /^title:\s*(.+)$/m.exec(text.split(/^---$/m)[1] ?? '')?.[1];
    if (title !== undefined) chapterTitles.push(normalise(title.replace(/^(['"])(.*)\1$/, '$2')));
    let fenced = false;
    for (const line of text.split('\n')) {
      if (line.startsWith('```')) fenced = !fenced;
      const heading = !fenced ? /^#{2,4}\s+(.+?)\s*#*\s*$/.exec(line)?.[1] : undefined;
      // Markdown emphasis and code marks are not printed.
      if (heading !== undefined) sections.push(normalise(heading.replace(/[*_`]/g, '').replace(/\{#[^}]*\}$/, '')));
    }
  }
  return { chapterTitles, sections };
}

const isFolio = (line: string): boolean => /^\d{1,4}$/.test(line.trim());

/**
 * Pages whose only text is a running head (a chapter title) and a folio: blank pages that still
 * carry page furniture. A truly blank page has no text at all, so it is not listed.
 */
export function furnishedBlankPages(pages: readonly string[][], chapterTitles: readonly string[]): number[] {
  const titles = new Set(chapterTitles);
  const out: number[] = [];
  pages.forEach((lines, i) => {
    const text = lines.map((l) => l.trim()).filter((l) => l !== '');
    if (text.length === 0) return;
    const rest = text.filter((l) => !isFolio(l) && !titles.has(normalise(l)));
    // The running head may be cut or wrapped; a page with nothing but heads and numbers is blank.
    if (rest.length === 0 || rest.every((l) => chapterTitles.some((t) => t.startsWith(normalise(l))))) out.push(i + 1);
  });
  return out;
}

/**
 * Lines of running text: long enough to be prose, not a table row or a layout of columns
 * (pdftotext separates columns by runs of spaces). "Full" lines are those of at least 85% of the
 * 95th-percentile length: lines that end because the column does, not the paragraph.
 */
export function bodyLineStats(pages: readonly string[][]): { median: number; fullLines: number; hyphenShare: number } {
  const lengths: number[] = [];
  let hyphenated = 0;
  for (const lines of pages) {
    for (const raw of lines) {
      const line = raw.trim();
      if (line.length < 30 || /\S {3,}\S/.test(line)) continue;
      lengths.push([...line].length);
      if (/\p{Ll}-$/u.test(line)) hyphenated += 1;
    }
  }
  lengths.sort((a, b) => a - b);
  const p95 = lengths[Math.floor(lengths.length * 0.95)] ?? 0;
  const full = lengths.filter((n) => n >= 0.85 * p95);
  return { median: full[Math.floor(full.length / 2)] ?? 0, fullLines: full.length, hyphenShare: lengths.length === 0 ? 0 : hyphenated / lengths.length };
}

/** The questionnaire's questions as the codebooks word them ("Q04. How do you…"): printed as list items that lead into their answers. */
export function sourceQuestions(root: string): string[] {
  const out: string[] = [];
  const dir = path.join(root, 'data');
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.codebook.yaml'))) {
    let id: string | undefined;
    for (const line of readFileSync(path.join(dir, name), 'utf8').split('\n')) {
      id = /^\s*- id:\s*(\S+)/.exec(line)?.[1] ?? id;
      const wording = /^\s+wording:\s*(.+)$/.exec(line)?.[1];
      if (id !== undefined && wording !== undefined) out.push(normalise(`${id}. ${wording.replace(/^(['"])(.*)\1$/, '$2')}`));
    }
  }
  return out;
}

/**
 * Pages whose last text (the folio aside) is a heading, or a heading that wrapped over up to
 * three lines: a heading with nothing of its section under it. List numbers are ignored, so a
 * questionnaire item ("4. Q04. …") counts as a heading of its answers.
 */
export function headingsLastOnPage(pages: readonly string[][], headings: readonly string[]): { page: number; heading: string }[] {
  const known = new Set(headings);
  const out: { page: number; heading: string }[] = [];
  pages.forEach((lines, i) => {
    const text = lines.map((l) => normalise(l)).filter((l) => l !== '' && !isFolio(l));
    for (let k = 1; k <= Math.min(3, text.length); k++) {
      const tail = text.slice(-k).join(' ').replace(/^\d+\.\s+/, '').replace(/(\p{L})- (\p{L})/gu, '$1$2');
      if (known.has(tail)) {
        out.push({ page: i + 1, heading: tail });
        break;
      }
    }
  });
  return out;
}

/**
 * Short last pages: a page of at most `maxLines` lines of text (running heads and folios aside)
 * that ends a chapter, because the page after it is blank or opens a chapter. An opening page has
 * no running head: its first line is the chapter's label in capitals ("GUEST ESSAY"), and its title
 * follows within a few lines.
 * The cover and the last page are not looked at.
 */
export function shortLastPages(pages: readonly string[][], chapterTitles: readonly string[], maxLines: number): { page: number; lines: string[] }[] {
  const titles = new Set(chapterTitles);
  const text = pages.map((lines) => lines.map((l) => normalise(l)).filter((l) => l !== ''));
  const isHead = (line: string): boolean => titles.has(line) || chapterTitles.some((t) => t.startsWith(line));
  const opens = (i: number): boolean => opensChapter(text[i] ?? [], chapterTitles);
  const out: { page: number; lines: string[] }[] = [];
  for (let i = 1; i < text.length - 1; i++) {
    const body = (text[i] ?? []).filter((l) => !isFolio(l) && !isHead(l));
    const after = text[i + 1] ?? [];
    if (body.length === 0 || body.length > maxLines) continue;
    if (after.length === 0 || opens(i + 1)) out.push({ page: i + 1, lines: body });
  }
  return out;
}

/** Pages that open a chapter, as `shortLastPages` finds them (for a check on that check). */
export function chapterOpenings(pages: readonly string[][], chapterTitles: readonly string[]): number {
  return pages.filter((raw) => opensChapter(raw.map((l) => normalise(l)).filter((l) => l !== ''), chapterTitles)).length;
}

function opensChapter(lines: readonly string[], chapterTitles: readonly string[]): boolean {
  const label = lines[0] ?? '';
  if (!/\p{Lu}/u.test(label) || label !== label.toUpperCase()) return false;
  const head = lines.slice(0, 8).join(' ');
  return chapterTitles.some((t) => head.includes(t.slice(0, 24)));
}
