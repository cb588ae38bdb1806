// How many threads a build renders with: a small séance stays on one thread whatever --jobs says
// (a worker re-pays the whole start-up), a big one takes at most what was asked and never more
// threads than documents.
import { describe, expect, it } from 'vitest';
import { defaultJobs, PARALLEL_THRESHOLD, threadsFor } from './scheduler.ts';

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
