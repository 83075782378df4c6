import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type Collector = (options?: { type?: 'minor' | 'major' }) => void;
let collector: Collector | undefined;

/**
 * Ask V8 for a garbage collection now, in the calling thread: `minor` (the young generation, a
 * millisecond) or `major` (the whole heap). For the few places where the pipeline knows that much
 * memory has just become garbage and V8 cannot (memory held outside its heap, or a peak about to
 * come). V8 exposes `gc` only to contexts made after its flag is set, hence the new context.
 */
export function collectGarbage(type: 'minor' | 'major'): void {
  if (collector === undefined) {
    setFlagsFromString('--expose-gc');
    collector = runInNewContext('gc') as Collector;
  }
  collector({ type });
}
