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
 * Seconds each long file took in one worker of a full run (3 December 2026, 14:33, main at
 * 88b345e, dist/ built as on a fresh clone, quiet machine). Only the order matters; a file not
 * listed counts as short.
 */
export const LONG_FILES: Readonly<Record<string, number>> = {
  'test/hostile.test.ts': 21.5,
  'test/property.test.ts': 16.1,
  'test/logo-reproducible.test.ts': 10.9,
  'test/build.test.ts': 9.4,
  'test/dossier-overlap.test.ts': 7.8,
  'src/render/shaping/shaper.test.ts': 7.4,
  'test/ci-recipes.test.ts': 6.9,
  'test/faults.test.ts': 4.9,
  'test/proces-verbal-checklist.test.ts': 4.8,
  'test/sign-certificates.test.ts': 4.8,
  'test/sign.test.ts': 4.8,
  'test/annexes.test.ts': 4.0,
  'test/pdf-pages.test.ts': 3.9,
  'test/pdf-dossier.test.ts': 3.4,
  'test/untrusted-files.test.ts': 3.4,
  'test/template-env.test.ts': 2.9,
  'test/docx-constant-parts.test.ts': 2.3,
  'test/package-types.test.ts': 2.1,
  'test/dist-bin.test.ts': 1.8,
  'test/votes-nominatifs.test.ts': 1.7,
  'test/fixed-words.test.ts': 1.7,
  'src/render/docx/prebuilt-fonts.test.ts': 1.5,
  'test/editor-lsp.test.ts': 1.3,
  'test/act-numbers.test.ts': 1.3,
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
