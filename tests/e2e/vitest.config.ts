import { defineConfig } from 'vitest/config';

// End-to-end: real host process, real server, real Chromium, the virtual printer. One file at a time on these 2-core machines.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts', 'tests/printing/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
