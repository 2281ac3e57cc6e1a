// Process-level: two real servers on one PGlite data folder. The second must refuse to start with a
// Vietnamese message naming the first, while the first keeps serving; after the first is killed
// with SIGKILL its stale lock is taken over by the next start, and a clean stop removes the lock.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DATA_DIR_LOCKED_EXIT_CODE, LOCK_FILE_NAME } from '../../server/dataDirLock';
import { call, killServers, startRefused, startServer } from './serverProcess';

afterAll(killServers);

const exited = (child: { exitCode: number | null; signalCode: string | null; once(e: 'exit', f: () => void): void }) =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => child.once('exit', r));

describe('two servers on one PGlite data folder', () => {
  it('the second refuses to start; a killed server’s lock is taken over; a clean stop removes it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-lock-'));
    try {
      const env = { DATA_DIR: dir, DATABASE_URL: '' };
      const first = await startServer(env);
      const second = await startRefused(env);
      expect(second.status, second.output).toBe(DATA_DIR_LOCKED_EXIT_CODE);
      expect(second.output).toContain(`Thư mục dữ liệu ${dir} đang được một máy chủ MotCua khác sử dụng (tiến trình ${first.child.pid} `);
      expect(second.output).toContain(join(dir, LOCK_FILE_NAME));
      expect((await call<{ ok: boolean }>(first.url, 'GET', '/v1/health')).json.ok).toBe(true);

      first.child.kill('SIGKILL');
      await exited(first.child);
      expect(existsSync(join(dir, LOCK_FILE_NAME))).toBe(true);
      const third = await startServer(env);
      expect((await call<{ ok: boolean }>(third.url, 'GET', '/v1/health')).json.ok).toBe(true);
      third.child.kill('SIGTERM');
      await exited(third.child);
      expect(third.child.exitCode).toBe(0);
      expect(existsSync(join(dir, LOCK_FILE_NAME))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
