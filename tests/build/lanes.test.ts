import { describe, expect, it } from 'vitest';
import { inLanes } from '../../pipeline/lanes.js';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('inLanes', () => {
  it('keeps the order of the items and the limit', async () => {
    let running = 0;
    let most = 0;
    const out = await inLanes([30, 10, 20, 5, 15], 2, async (ms) => {
      most = Math.max(most, ++running);
      await wait(ms);
      running -= 1;
      return ms * 2;
    });
    expect(out).toEqual([60, 20, 40, 10, 30]);
    expect(most).toBe(2);
  });

  it('after a failure starts nothing more, and rejects only once the items under way are done', async () => {
    // An item under way when another fails (a write into a staging folder) must not finish after
    // the caller has cleaned up: the caller hears of the failure once it has.
    const events: string[] = [];
    const work = async (item: string) => {
      events.push(`start ${item}`);
      if (item === 'bad') {
        await wait(5);
        events.push('fail bad');
        throw new Error('disk full');
      }
      await wait(80);
      events.push(`done ${item}`);
    };
    await expect(inLanes(['slow', 'bad', 'never'], 2, work).catch((error: Error) => {
      events.push('rejected');
      throw error;
    })).rejects.toThrow('disk full');
    expect(events).toEqual(['start slow', 'start bad', 'fail bad', 'done slow', 'rejected']);
  });
});
