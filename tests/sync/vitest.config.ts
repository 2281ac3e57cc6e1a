import { defineConfig } from 'vitest/config';

// Sync integration tests: the property test, the process-level kill test. Run with
// `npx vitest run --config tests/sync/vitest.config.ts`.
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/sync/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
