import { availableParallelism } from 'node:os';
import { defineConfig, type Plugin } from 'vitest/config';
import LongestFirst from './test/support/sequencer.ts';

// One private temporary folder per run, removed at the end (test/support/temp-folder.ts).
const globalSetup = ['test/support/temp-folder.ts'];

/**
 * Packages resolved as Node resolves them when delib runs: without the "development" condition
 * Vitest adds, which gives micromark's development build (assertions and debug calls: Markdown
 * parsing 1.7 × slower, ≈ 10 % of the unit suite's CPU) instead of the one delib ships. The fuzz
 * project keeps it, for its assertions.
 */
const shippedBuilds: Plugin = {
  name: 'delib:shipped-builds',
  configResolved(config) {
    for (const resolve of [config.resolve, config.ssr.resolve, config.environments.ssr?.resolve]) {
      const conditions = resolve?.conditions;
      if (!conditions) continue;
      const kept = conditions.filter((c) => c !== 'development' && c !== 'development|production');
      conditions.splice(0, conditions.length, ...kept);
    }
  },
};

export default defineConfig({
  test: {
    // One test file per core (vitest's default leaves one core to its own process, which mostly
    // waits: on 2 cores the files would run one at a time). `--maxWorkers=1` still overrides it.
    maxWorkers: Math.max(2, availableParallelism()),
    // The longest files first, also on a fresh clone (test/support/sequencer.ts).
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        plugins: [shippedBuilds],
        test: {
          name: 'unit',
          globalSetup,
          include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
          exclude: ['test/clients/**', 'test/fuzz/**'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // A worker runs its files in one module graph: the render stack (fonts, templates, the
          // schema validator) is imported once per worker, not once per file. The code under test
          // keeps no state but its caches (the CLI runs with its own cwd and env in `main(argv, io)`).
          isolate: false,
        },
      },
      {
        plugins: [shippedBuilds],
        test: { name: 'clients', globalSetup, include: ['test/clients/**/*.test.ts'], testTimeout: 120_000 },
      },
      {
        test: { name: 'fuzz', globalSetup, include: ['test/fuzz/**/*.test.ts'], testTimeout: 600_000 },
      },
    ],
  },
});
