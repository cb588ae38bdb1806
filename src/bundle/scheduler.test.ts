// How many threads a build renders with: a small séance stays on one thread whatever --jobs says
// (a worker re-pays the whole start-up), a big one takes at most what was asked and never more
// threads than documents.
import { describe, expect, it } from 'vitest';
import type { DocumentRef } from '../compose/documents.ts';
import { defaultJobs, HandOut, PARALLEL_THRESHOLD, threadsFor } from './scheduler.ts';

describe('threadsFor', () => {
  it('keeps a séance below the threshold on this thread, even with --jobs 2', () => {
    expect(threadsFor(13, 2)).toBe(1);
    expect(threadsFor(PARALLEL_THRESHOLD - 1, 4)).toBe(1);
    expect(threadsFor(13)).toBe(1);
  });

  it('gives a big séance what --jobs asks, or the default', () => {
    expect(threadsFor(PARALLEL_THRESHOLD, 2)).toBe(2);
    expect(threadsFor(500, 1)).toBe(1);
    expect(threadsFor(500)).toBe(defaultJobs(500));
    expect(defaultJobs(500)).toBeGreaterThanOrEqual(1);
  });

  it('lowers the threshold when told to (tests), never above one thread a document', () => {
    expect(threadsFor(13, 2, 1)).toBe(2);
    expect(threadsFor(1, 4, 1)).toBe(1);
    expect(threadsFor(3, 8, 1)).toBe(3);
  });
});

describe('HandOut', () => {
  const ref = (point: number | null, id: string): DocumentRef => ({
    kind: point === null ? 'convocation' : 'note',
    point,
    annex: null,
    id,
  });
  // convocation, ordre du jour, 3 points' documents, liste (last in the séance).
  const refs = [ref(null, 'c'), ref(null, 'o'), ref(1, 'n1'), ref(2, 'n2'), ref(3, 'n3'), ref(null, 'l')];

  it('gives workers the séance-wide documents first, this thread the points’ first', () => {
    const handOut = new HandOut(refs);
    expect([handOut.next(true), handOut.next(false), handOut.next(true), handOut.next(true)]).toEqual([
      0, 2, 1, 5,
    ]);
    expect([handOut.next(true), handOut.next(false), handOut.next(false), handOut.next(true)]).toEqual([
      3,
      4,
      undefined,
      undefined,
    ]);
  });

  it('hands out every document once, whoever asks', () => {
    for (const big of [true, false]) {
      const handOut = new HandOut(refs);
      const out: number[] = [];
      for (let i = handOut.next(big); i !== undefined; i = handOut.next(big)) out.push(i);
      expect(out.sort()).toEqual([0, 1, 2, 3, 4, 5]);
    }
  });
});
