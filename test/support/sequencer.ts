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
 * Seconds each long file took in one worker of a full run, the mean of two runs at once at load
 * 10–20 (2 December 2026, 04:37, dist/ built as on a fresh clone; several times their quiet
 * time; untrusted-files from the run with the font check of e7d4165). Only the order matters; a
 * file not listed counts as short.
 */
export const LONG_FILES: Readonly<Record<string, number>> = {
  'test/hostile.test.ts': 297,
  'test/property.test.ts': 264,
  'test/logo-reproducible.test.ts': 96,
  'test/proces-verbal-checklist.test.ts': 91,
  'test/build.test.ts': 50,
  'src/render/shaping/shaper.test.ts': 46,
  'test/ci-recipes.test.ts': 26,
  'test/pdf-pages.test.ts': 26,
  'test/faults.test.ts': 22,
  'test/pdf-dossier.test.ts': 15,
  'test/compose.test.ts': 13,
  'test/untrusted-files.test.ts': 13,
  'test/package-types.test.ts': 12,
  'test/typography.test.ts': 12,
  'test/votes-nominatifs.test.ts': 12,
  'test/sign-certificates.test.ts': 11,
  'test/annexes.test.ts': 11,
  'test/fixed-words.test.ts': 10,
  'test/docx.test.ts': 9,
  'test/proces-verbal-sommaire.test.ts': 9,
  'test/sign.test.ts': 7,
  'test/docx-constant-parts.test.ts': 7,
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
