/**
 * Bounds how far V8 lets a heap grow past what survived its last full collection while a big
 * séance is built. On a machine with a few GB of memory V8 lets the main thread's heap reach up
 * to 4 × its live size before collecting (its "growing factor" scales with the heap limit, and the
 * main thread has no `resourceLimits`): at 500 points the main heap held ≈ 50 MB live and 173 MB
 * allocated, and the process peaked at 421–435 MB. With a factor of 1.3 (what V8 itself uses for a
 * heap limit ≤ 256 MB) the same build peaks at ≈ 310 MB (bench/results.md, memory, session 7).
 *
 * The V8 flag is process-wide and read at every full collection, so it applies at once, to the
 * workers too; it is set back to V8's default (0: V8 chooses) when the last build holding it ends.
 *
 * @example
 * const release = boundHeapGrowth(refs.length);
 * try { await render(); } finally { release(); }
 */
import { setFlagsFromString } from 'node:v8';

/** Growth allowed past the live heap, in percent of it (V8's own floor for small heaps is 30). */
export const HEAP_GROWING_PERCENT = 30;

/** Séances of fewer documents keep V8's default: their heaps stay small anyway. */
export const BOUNDED_FROM_DOCUMENTS = 40;

let holders = 0;

/** Bounds the growth for a build of `documents` documents; returns what ends it (call once). */
export function boundHeapGrowth(documents: number): () => void {
  if (documents < BOUNDED_FROM_DOCUMENTS) return () => {};
  if (holders++ === 0) setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--holders === 0) setFlagsFromString('--heap-growing-percent=0');
  };
}
