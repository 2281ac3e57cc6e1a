import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir, uptime } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, LOCK_FILE_NAME, lockDataDir } from './dataDirLock';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'motcua-lockunit-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const bootedAt = () => Date.now() - uptime() * 1000;
const lockFile = () => join(dir, LOCK_FILE_NAME);
const holder = (over: Record<string, unknown>) =>
  writeFileSync(lockFile(), JSON.stringify({ pid: process.ppid, hostname: hostname(), bootedAt: bootedAt(), startedAt: '2026-12-06T08:00:00.000Z', ...over }));
const goneProcess = () => spawnSync(process.execPath, ['-e', '']).pid;

describe('lockDataDir', () => {
  it('writes who holds the folder and removes the file on release', () => {
    const release = lockDataDir(dir);
    expect(JSON.parse(readFileSync(lockFile(), 'utf8'))).toMatchObject({ pid: process.pid, hostname: hostname() });
    release();
    expect(existsSync(lockFile())).toBe(false);
  });

  it('refuses a folder held by a live process on this machine, naming it', () => {
    holder({});
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(`tiến trình ${process.ppid} trên máy ${hostname()}`);
  });

  it('refuses a folder held from another machine, which it cannot check', () => {
    holder({ pid: goneProcess(), hostname: 'may-chu-khac' });
    expect(() => lockDataDir(dir)).toThrow('trên máy may-chu-khac');
  });

  it('takes over a lock whose process is gone, or that was written before the machine last started', () => {
    holder({ pid: goneProcess() });
    lockDataDir(dir)();
    holder({ bootedAt: bootedAt() - 3_600_000 });
    lockDataDir(dir)();
    writeFileSync(lockFile(), 'không phải JSON');
    lockDataDir(dir)();
    expect(existsSync(lockFile())).toBe(false);
  });

  it('leaves a lock that is no longer its own on release', () => {
    const release = lockDataDir(dir);
    holder({});
    release();
    expect(existsSync(lockFile())).toBe(true);
  });
});
