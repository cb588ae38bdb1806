import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
          exclude: ['test/clients/**', 'test/fuzz/**'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: { name: 'clients', include: ['test/clients/**/*.test.ts'], testTimeout: 120_000 },
      },
      {
        test: { name: 'fuzz', include: ['test/fuzz/**/*.test.ts'], testTimeout: 600_000 },
      },
    ],
  },
});
