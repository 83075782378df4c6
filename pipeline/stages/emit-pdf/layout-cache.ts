import { createHash } from 'node:crypto';
import type { Fitted } from './fit-script.js';
import type { PageTurn } from './page-turns.js';
import type { PrintLayout } from './toc.js';

/**
 * Where the last build's print put everything, kept under a hash of the layout-relevant print
 * HTML (the measuring document, charts as boxes) and the browser: a rebuild whose layout cannot
 * have changed prints once, with these numbers, and the read-back still checks every one of them.
 * A wrong entry costs a pass, never a wrong page number.
 */
export interface LayoutStore {
  get(namespace: string, key: string): Promise<unknown>;
  set(namespace: string, key: string, value: unknown): void;
}

/** Words set whole at page turns, in the order they were found, with the heading pages that located them. */
export interface WordsWhole {
  readonly turns: readonly PageTurn[];
  readonly pages: ReadonlyMap<string, number>;
}

export interface CachedLayout {
  readonly layout: PrintLayout;
  readonly words: readonly WordsWhole[];
  /** The chapters set tighter or looser to save a short last page (fit.ts). */
  readonly fitted: readonly Fitted[];
}

export const layoutNamespace = 'print-layout';
const format = 2;

export function layoutKey(measuringHtml: string, browserVersion: string): string {
  return createHash('sha256').update(`${format}\n${browserVersion}\n`).update(measuringHtml).digest('hex');
}

type Pairs = [string, number][];
interface Stored {
  format: number;
  tocPages: Pairs;
  blankBefore: string[];
  refPages: Pairs;
  digits: number;
  words: { turns: PageTurn[]; pages: Pairs }[];
  fitted: [string, string][];
}

export function storeLayout(cached: CachedLayout): Stored {
  return {
    format,
    tocPages: [...cached.layout.tocPages],
    blankBefore: [...cached.layout.blankBefore],
    refPages: [...cached.layout.refPages],
    digits: cached.layout.digits,
    words: cached.words.map((w) => ({ turns: [...w.turns], pages: [...w.pages] })),
    fitted: cached.fitted.map((f) => [f.id, f.fit]),
  };
}

/** A stored layout, or undefined when it is missing or not of this form. */
export function loadLayout(value: unknown): CachedLayout | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Partial<Stored>;
  const pairs = (p: unknown): p is Pairs => Array.isArray(p) && p.every((e) => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'number');
  const turn = (t: unknown): t is PageTurn =>
    typeof t === 'object' && t !== null && typeof (t as PageTurn).page === 'number' && typeof (t as PageTurn).before === 'string' && typeof (t as PageTurn).after === 'string';
  if (v.format !== format || !pairs(v.tocPages) || !pairs(v.refPages) || typeof v.digits !== 'number') return undefined;
  if (!Array.isArray(v.blankBefore) || !v.blankBefore.every((b) => typeof b === 'string')) return undefined;
  if (!Array.isArray(v.words) || !v.words.every((w) => Array.isArray(w?.turns) && w.turns.every(turn) && pairs(w.pages))) return undefined;
  const fit = (f: unknown): f is [string, Fitted['fit']] => Array.isArray(f) && typeof f[0] === 'string' && (f[1] === 'tight' || f[1] === 'loose');
  if (!Array.isArray(v.fitted) || !v.fitted.every(fit)) return undefined;
  return {
    layout: { tocPages: new Map(v.tocPages), blankBefore: new Set(v.blankBefore), refPages: new Map(v.refPages), digits: v.digits },
    words: v.words.map((w) => ({ turns: w.turns, pages: new Map(w.pages) })),
    fitted: v.fitted.map(([id, f]) => ({ id, fit: f as Fitted['fit'] })),
  };
}
