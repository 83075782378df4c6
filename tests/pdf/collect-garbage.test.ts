import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../pipeline/stages/emit-pdf/collect-garbage.js';

const used = () => getHeapStatistics().used_heap_size;
const MB = 1024 * 1024;

/** About 80 MB of large arrays that nothing refers to once this returns (large objects wait for a full collection). */
function makeGarbage(): void {
  const arrays: number[][] = [];
  for (let i = 0; i < 10; i++) arrays.push(new Array(1_000_000).fill(i + 0.5));
  expect(arrays.length).toBe(10);
}

describe('collecting the print thread’s garbage while Chromium prints', () => {
  it('frees what has become garbage when the heap is over the threshold', () => {
    makeGarbage();
    const before = used();
    collectGarbage(0);
    expect(before - used()).toBeGreaterThan(50 * MB);
  });

  it('leaves a heap below the threshold to V8', () => {
    makeGarbage();
    const before = used();
    collectGarbage(Number.MAX_SAFE_INTEGER);
    expect(before - used()).toBeLessThan(10 * MB);
  });
});
