import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined | null = null;

/** Below this much heap in use, a collection costs more (CPU taken from Chromium) than it frees. */
const worthIt = 256 * 1024 * 1024;

/**
 * Collect this thread's garbage now, when its heap is large. V8 collects when it needs room, not
 * when a large structure has just become garbage: after the measuring pass, at 20×, about 200 MB
 * of the first pass's PDF, read-back and print document were still in the heap while the final
 * pass printed, which is when Chromium needs the most memory. Called while Chromium prints, when
 * this thread only waits. At 1× (heap well below `worthIt`) a collection there made the build
 * about 0.1 s slower and freed little, so it is skipped. Exposed the way jest-leak-detector does
 * it: the flag, then `gc` from a new context.
 */
export function collectGarbage(threshold = worthIt): void {
  if (getHeapStatistics().used_heap_size < threshold) return;
  if (gc === null) {
    try {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
    } catch {
      gc = undefined; // not available here: V8 collects when it needs to
    }
  }
  gc?.();
}
