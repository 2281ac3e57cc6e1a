// The server tests again on PostgreSQL (they run on PGlite in test:unit). CI sets DATABASE_URL_TEST
// to a throwaway cluster; elsewhere this says plainly that it skipped.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

if (!process.env.DATABASE_URL_TEST) {
  console.log('test:server:pg skipped: set DATABASE_URL_TEST=postgres://… to run the server tests on PostgreSQL (.ci/run does).');
  process.exit(0);
}
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
const env = { ...process.env, TEST_DB: 'postgres', SYNC_PROPERTY_RUNS: process.env.SYNC_PROPERTY_RUNS ?? '60' };
for (const args of [
  ['run', 'server'],
  ['run', '--config', 'tests/sync/vitest.config.ts', 'tests/sync/convergence.test.ts'],
]) {
  const result = spawnSync(process.execPath, [vitest, ...args], { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
