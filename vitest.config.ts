import { defineConfig } from 'vitest/config';

// One private temporary folder per run, removed at the end (test/support/temp-folder.ts).
const globalSetup = ['test/support/temp-folder.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          globalSetup,
          include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
          exclude: ['test/clients/**', 'test/fuzz/**'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: { name: 'clients', globalSetup, include: ['test/clients/**/*.test.ts'], testTimeout: 120_000 },
      },
      {
        test: { name: 'fuzz', globalSetup, include: ['test/fuzz/**/*.test.ts'], testTimeout: 600_000 },
      },
    ],
  },
});
