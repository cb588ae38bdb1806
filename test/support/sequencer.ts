/**
 * Test file order for the unit suite: the longest files first, so that the workers (one per
 * core) finish together instead of one of them starting a long file near the end. Vitest's own
 * order uses its cache of the last run's durations, which a fresh clone (CI) does not have: it
 * then runs the largest files first, and the longest ones (hostile, logo-reproducible) are small
 * files. The table below gives the order of the long files, measured; the others follow in
 * vitest's order.
 */
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Seconds each long file took in one worker of a full run (3 December 2026, 13:12, main at
 * ddef3d4, dist/ built as on a fresh clone, under some CPU steal). Only the order matters; a file
 * not listed counts as short.
 */
export const LONG_FILES: Readonly<Record<string, number>> = {
  'test/hostile.test.ts': 26.9,
  'test/property.test.ts': 20.8,
  'test/logo-reproducible.test.ts': 13.7,
  'test/proces-verbal-checklist.test.ts': 12.0,
  'src/render/shaping/shaper.test.ts': 10.6,
  'test/dossier-overlap.test.ts': 10.5,
  'test/build.test.ts': 8.8,
  'test/ci-recipes.test.ts': 7.4,
  'test/faults.test.ts': 6.3,
  'test/pdf-pages.test.ts': 5.3,
  'test/sign-certificates.test.ts': 5.1,
  'test/pdf-dossier.test.ts': 4.4,
  'test/template-env.test.ts': 4.4,
  'test/untrusted-files.test.ts': 3.6,
  'test/sign.test.ts': 3.2,
  'test/dist-bin.test.ts': 3.1,
  'test/annexes.test.ts': 2.6,
  'test/votes-nominatifs.test.ts': 2.3,
  'test/fixed-words.test.ts': 2.2,
  'test/compose.test.ts': 2.0,
  'test/docx-constant-parts.test.ts': 2.0,
  'src/tree/markdown.test.ts': 1.8,
};

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const weight = (spec: TestSpecification) =>
      LONG_FILES[relative(spec.project.config.root, spec.moduleId).replaceAll('\\', '/')] ?? 0;
    // Projects keep vitest's order; Array.prototype.sort is stable: equal weights keep it too.
    const projects = [...new Set(sorted.map((spec) => spec.project.name))];
    const project = (spec: TestSpecification) => projects.indexOf(spec.project.name);
    return sorted.sort((a, b) => project(a) - project(b) || weight(b) - weight(a));
  }
}
