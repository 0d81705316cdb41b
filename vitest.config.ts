import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Lets FC_SEED replay a failed property test.
    setupFiles: ['test/helpers/fast-check-seed.ts'],
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // e2e tests spawn the built CLI; two cores do not profit from more workers.
    maxWorkers: 2,
  },
});
