import { defineConfig } from 'vitest/config';

// End-to-end: real host process, real server, real Chromium, the virtual printer. Two files at a time
// (these are 2-core machines): each file starts its own server, web host and Chromium on ephemeral
// ports with their own temporary folders (processes.ts), and writes its pictures under names of its
// own, so two files never share a port, a folder or a database. `--maxWorkers=1` runs one at a time.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts', 'tests/printing/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: true,
    maxWorkers: 2,
  },
});
