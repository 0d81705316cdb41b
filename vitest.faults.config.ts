import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Lets FC_SEED replay a failed property test.
    setupFiles: ['test/helpers/fast-check-seed.ts'],
    include: ['test/faults/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 60_000,
    maxWorkers: 1,
  },
});
