import { defineConfig } from 'vitest/config';

// Mutants live in src/, which only the unit tests import directly: the e2e and integration tests run the built
// dist/ and would neither see a mutant nor finish in time.
export default defineConfig({
  test: {
    setupFiles: ['test/helpers/fast-check-seed.ts'],
    include: ['test/unit/**/*.test.ts'],
    testTimeout: 30_000,
    maxWorkers: 1,
  },
});
