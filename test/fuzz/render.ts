/**
 * The rendering property of `npm run fuzz`, split over several test files so that the two cores
 * share the work and each part starts from a fresh process (state carried from one PDF to the
 * next, the bug the property found first, shows within a part).
 *
 * @example
 * renderFuzz(1) // in test/fuzz/render-1.test.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, it } from 'vitest';
import { seanceArbitrary } from '../property/arbitraries.ts';
import { rendersAlike, seedOf } from '../property/checks.ts';

/** Registers the rendering property for part `part` (its seed is the run's seed plus `part`). */
export function renderFuzz(part: number): void {
  const seed = seedOf(Date.now() % 2 ** 31) + part;
  const scale = Number(process.env.FUZZ_RUNS ?? 1) || 1;
  console.log(`fuzz rendu ${part} : seed ${seed} (rejouer : FC_SEED=${seed - part} npm run fuzz)`);
  const folder = mkdtempSync(join(tmpdir(), 'delib-fuzz-render-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  it(`generated séances render alike (seed ${seed})`, async () => {
    await fc.assert(
      fc.asyncProperty(seanceArbitrary, (s) => rendersAlike(s, folder)),
      { seed, numRuns: Math.ceil(50 * scale) },
    );
  });
}
