/**
 * Run `work` on every item, at most `limit` at a time, and return the results in the items' order.
 * After a failure or a stop no further item is started; the first error (or the stop) is thrown.
 */
export async function inLanes<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>, signal?: AbortSignal): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const lane = async (): Promise<void> => {
    while (!failed && signal?.aborted !== true && next < items.length) {
      const at = next++;
      try {
        results[at] = await work(items[at] as T);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  // After a failure each lane stops once its current item is done; those are waited for, so no
  // work of this call (a write into a staging folder, say) lands after the caller has cleaned up.
  const settled = await Promise.allSettled(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failure) throw failure.reason;
  signal?.throwIfAborted();
  return results;
}
