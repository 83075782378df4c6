import { describe, expect, it } from 'vitest';
import { recordingContext, stillValid, type Dependency } from '../../pipeline/cache/dependencies.js';
import type { ChapterContext } from '../../pipeline/stages/markdown/context.js';

/** A compile's context as far as dependencies read it: the index, the data resolvers and the media. */
function context(stat: string, chapterTitle: string, calls: { stat: number }): ChapterContext {
  return {
    slug: 'essay',
    index: { chapters: new Map([['housing', { title: chapterTitle }]]), figures: new Map() },
    data: {
      stat: () => {
        calls.stat += 1;
        return stat;
      },
      block: () => undefined,
    },
    media: new Set<string>(),
  } as unknown as ChapterContext;
}

/** What rendering a chapter that shows one statistic and links one chapter records. */
function record(ctx: ChapterContext): Dependency[] {
  const deps: Dependency[] = [];
  const seen = recordingContext(ctx, deps);
  seen.data.stat({ value: 'respondents' });
  seen.index.chapters.get('housing');
  return deps;
}

describe('a cached chapter rendering', () => {
  it('stays valid while the statistic and the linked chapter are the same, and not once either changes', () => {
    const calls = { stat: 0 };
    const deps = record(context('212', 'Housing', calls));
    expect(stillValid(deps, context('212', 'Housing', calls))).toBe(true);
    expect(stillValid(deps, context('213', 'Housing', calls))).toBe(false);
    expect(stillValid(deps, context('212', 'Housing for all', calls))).toBe(false);
  });

  it('works each statistic out once per compile, however many chapters show it', () => {
    const calls = { stat: 0 };
    const deps = record(context('212', 'Housing', calls));
    const next = context('212', 'Housing', calls);
    calls.stat = 0;
    for (let chapter = 0; chapter < 40; chapter++) expect(stillValid(deps, next)).toBe(true);
    expect(calls.stat).toBe(1);
    // The next compile has resolvers of its own, and sees its own data.
    const changed = context('250', 'Housing', calls);
    expect(stillValid(deps, changed)).toBe(false);
    expect(calls.stat).toBe(2);
  });
});
