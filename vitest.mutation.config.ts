import { defineConfig } from 'vitest/config';

// Mutants live in src/, which only the unit tests import directly: the e2e and integration tests run the built
// dist/ and would neither see a mutant nor finish in time.
export default defineConfig({
  test: {
    setupFiles: ['test/helpers/fast-check-seed.ts'],
    include: ['test/unit/**/*.test.ts'],
    // Stryker runs the tests in worker threads, where process.chdir() throws; the config-file search tests need it
    // and check file lookup, not the pure modules mutated here (validate-filter has its own tests).
    exclude: ['test/unit/config-load.test.ts'],
    testTimeout: 30_000,
    maxWorkers: 1,
  },
});
