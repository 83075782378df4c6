import { MemoryStore } from '../cache/store.js';
import { collectProblems, type Problem } from '../diagnostics/format.js';
import type { Emitter } from '../emitters/index.js';
import type { Edition } from '../model/edition.js';
import type { Audience } from '../model/figure.js';
import { readSources, type EditionSources } from '../stages/load/read-sources.js';
import { runSequence } from '../sequence.js';

export interface RebuildResult {
  readonly ok: boolean;
  /** Files (paths inside html/) whose contents differ from the last good build. */
  readonly changed: readonly string[];
  readonly problems: readonly Problem[];
  readonly ms: number;
}

/**
 * The HTML edition, built in memory and kept there. A rebuild reuses every unchanged chapter and
 * chart (content-hash memory cache) and swaps the site in only when it has no errors, so the last
 * good version keeps being served while an editor fixes a mistake.
 */
export class PreviewSite {
  private files = new Map<string, string | Uint8Array>();
  private lastEdition: Edition | undefined;
  private lastSources: EditionSources | undefined;
  private problems: readonly Problem[] = [];
  private builds = 0;
  readonly cache = new MemoryStore();

  constructor(
    readonly root: string,
    private readonly profile: Audience,
    private readonly buildDate: Date,
    private readonly now: () => number = () => performance.now(),
    /** The emitter table (default EMITTERS); tests pass their own. */
    readonly emitters?: readonly Emitter[] | undefined,
  ) {}

  get version(): number {
    return this.builds;
  }

  get edition(): Edition | undefined {
    return this.lastEdition;
  }

  get sources(): EditionSources | undefined {
    return this.lastSources;
  }

  get currentProblems(): readonly Problem[] {
    return this.problems;
  }

  paths(): string[] {
    return [...this.files.keys()];
  }

  file(rel: string): string | Uint8Array | undefined {
    return this.files.get(rel);
  }

  async rebuild(): Promise<RebuildResult> {
    const started = this.now();
    const sources = await readSources(this.root);
    // The build's sequence, with the web edition kept in memory (its folder is the site's root).
    const next = new Map<string, string | Uint8Array>();
    const run = await runSequence(sources, {
      profile: this.profile,
      buildDate: this.buildDate,
      drawCharts: true,
      cache: this.cache,
      formats: ['html'],
      emitters: this.emitters,
      purpose: 'preview',
      keep: async (_emitter, result) => {
        for (const f of result.files) next.set(f.path, f.contents);
      },
    });
    const problems = collectProblems(run.files);
    this.problems = problems;
    this.builds += 1;
    if (!run.ok || !run.edition) return { ok: false, changed: [], problems, ms: this.now() - started };
    const changed = [...next].filter(([p, c]) => !sameContents(this.files.get(p), c)).map(([p]) => p);
    for (const p of this.files.keys()) if (!next.has(p)) changed.push(p);
    this.files = next;
    this.lastEdition = run.edition;
    this.lastSources = sources;
    return { ok: true, changed, problems, ms: this.now() - started };
  }
}

function sameContents(a: string | Uint8Array | undefined, b: string | Uint8Array): boolean {
  if (a === undefined) return false;
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}
