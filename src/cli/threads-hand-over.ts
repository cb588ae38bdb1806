/**
 * A process started from the start-up snapshot of `delib build` (src/cli/snapshot-entry.ts) cannot
 * start rendering workers: Node aborts when a worker loads node:crypto that the snapshot's main
 * thread had loaded (crypto_keys.cc, `crypto_key_object_constructor_template().IsEmpty()`). The
 * snapshot sets a hand-over here. The build command first calls `handOverIfBig` with the séance
 * file's size, before loading it (a big file: the new process would load and validate it again,
 * ≈ 0.5 s at 100 points), then `handOverIfThreaded` once the séance is loaded (a small file with
 * many documents, or a selection of points), before it reports or writes anything: a séance that
 * renders on several threads (40 documents and more) is then built by a normal process, which the
 * snapshot's warm start would hardly speed up anyway.
 */
import { threadsFor, threadsForBytes } from '../bundle/scheduler.ts';
import { listDocuments } from '../compose/documents.ts';
import type { Seance } from '../schema/seance.ts';

let handOver: (() => void) | undefined;

/** Set by the snapshot's entry: replaces the process by one without the snapshot. */
export function setThreadsHandOver(replace: () => void): void {
  handOver = replace;
}

/** Whether a hand-over is set (this process started from the snapshot: it must start no worker). */
export function handsOver(): boolean {
  return handOver !== undefined;
}

/**
 * Hands over (does not return) when a hand-over is set and a séance file of this size likely
 * renders on several threads (the rule of the early workers, `warmUp`); a selection of points is
 * judged once loaded.
 */
export function handOverIfBig(
  seanceBytes: number,
  points: ReadonlySet<number> | undefined,
  jobs: number | undefined,
  parallelFrom: number | undefined,
): void {
  if (handOver && !points && threadsForBytes(seanceBytes, jobs, parallelFrom) > 1) handOver();
}

/** Hands over (does not return) when a hand-over is set and the build would start workers. */
export function handOverIfThreaded(
  seance: Seance,
  points: ReadonlySet<number> | undefined,
  jobs: number | undefined,
  parallelFrom: number | undefined,
): void {
  if (!handOver) return;
  const documents = listDocuments(seance).filter(
    (ref) => ref.point === null || !points || points.has(ref.point),
  );
  if (threadsFor(documents.length, jobs, parallelFrom) > 1) handOver();
}
