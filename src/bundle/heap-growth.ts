/**
 * Bounds how far V8 lets a heap grow past what survived its last full collection while a big
 * séance is built. On a machine with a few GB of memory V8 lets the main thread's heap reach up
 * to 4 × its live size before collecting (its "growing factor" scales with the heap limit, and the
 * main thread has no `resourceLimits`): at 500 points the main heap held ≈ 50 MB live and 173 MB
 * allocated, and the process peaked at 421–435 MB. With a factor of 2 the same build peaks at
 * ≈ 370 MB and 100 points take no more CPU; 1.3 (V8's own factor for a heap limit ≤ 256 MB) gives
 * ≈ 310 MB but +7 % CPU at 100 points (bench/results.md, memory, session 7).
 *
 * The V8 flag is process-wide and read at every full collection, so it applies at once, to the
 * workers too; it is set back to V8's default (0: V8 chooses) when the last build holding it ends.
 *
 * @example
 * const release = boundHeapGrowth(threadsFor(refs.length, jobs));
 * try { await render(); } finally { release(); }
 */
import { setFlagsFromString } from 'node:v8';

/**
 * V8 flags for a process that will build a big séance, given where one is started anyway (the
 * start-up snapshot's hand-over, src/cli/snapshot-entry.ts). The main thread's young generation
 * is sized when its heap is made: `setFlagsFromString('--max-semi-space-size=8')` later has no
 * effect, and a main thread has no `resourceLimits`. V8 13 (Node 24) lets its semi-spaces grow to
 * 64 MB each (a 128 MB new space); 16 MB is what V8 11 and 12 (Node 20, 22) choose, the workers'
 * size (WORKER_YOUNG_MB): 500 points 508 → 391 MB on Node 24, same CPU at 100 points
 * (bench/results.md, memory, session 8). 8 MB (session 10, Node 24): 500 points 462 → 415 MB,
 * 100 points 363 → 309 MB, same CPU; the workers stay at 16 MB (8 gained nothing there).
 *
 * On V8 13 (Node 24), also `--no-turbofan`: Maglev, on by default there, is then the top tier. A
 * build runs a large code base for a few seconds, and TurboFan's compilations (≈ 4 s of CPU of a
 * 100-point build on V8's threads, which share the two cores with the renderers) cost more than
 * its faster code gains: 100 points 7.64 → 6.74 s (user 13.8 → 12.0 s), 500 points 25.3 → 24.4 s,
 * same memory and bytes (bench/results.md, session 14). Node 22 keeps V8's own tiers: Maglev is
 * off by default there, and without TurboFan nor Maglev a build took the same time.
 */
export const BIG_BUILD_NODE_FLAGS: readonly string[] = bigBuildNodeFlags(process.versions.v8);

/** BIG_BUILD_NODE_FLAGS for a V8 version (`process.versions.v8`); bin/delib.js has the same rule. */
export function bigBuildNodeFlags(v8Version: string): string[] {
  const major = Number.parseInt(v8Version, 10);
  return ['--max-semi-space-size=8', ...(major >= 13 ? ['--no-turbofan'] : [])];
}

/** Growth allowed past the live heap, in percent of it: a factor of 2 (V8's default goes up to 4). */
export const HEAP_GROWING_PERCENT = 100;

let holders = 0;

/**
 * Bounds the growth for a build rendering on `threads` threads; returns what ends it (call once).
 * One thread keeps V8's default: there is one heap then, and the bound costs CPU (100 points,
 * `--jobs 1`: +30 % user time at a factor of 1.3, +8 % at 2, for 245 → 160–180 MB).
 */
export function boundHeapGrowth(threads: number): () => void {
  if (threads < 2) return () => {};
  if (holders++ === 0) setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--holders === 0) setFlagsFromString('--heap-growing-percent=0');
  };
}
