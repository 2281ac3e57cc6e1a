// After a main-process crash the app relaunches itself, but not in a loop: a crash that repeats at
// every start would otherwise flash the screen forever. The record lives in the app's data folder.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { isAppUrl } from './csp';

export interface RestartRecord {
  /** Times (ms since epoch) of recent main-process crashes. */
  crashes: number[];
  /** Where the renderer was when main crashed, reopened at the next start. */
  lastUrl?: string;
}

export interface RestartPolicy {
  maxRestarts: number;
  windowMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = { maxRestarts: 3, windowMs: 10 * 60_000 };

/** The record after one more crash at `now`, and whether the app may relaunch itself. */
export function recordCrash(record: RestartRecord, now: number, lastUrl: string | undefined, policy = DEFAULT_RESTART_POLICY): { record: RestartRecord; relaunch: boolean } {
  const crashes = [...record.crashes.filter((t) => now - t < policy.windowMs && t <= now), now];
  const next: RestartRecord = { crashes, ...(isAppUrl(lastUrl) ? { lastUrl } : {}) };
  return { record: next, relaunch: crashes.length <= policy.maxRestarts };
}

/** The app URL to open at start: where it was before a recent crash, else the entry page. */
export function reopenUrl(record: RestartRecord, entryUrl: string, now: number, policy = DEFAULT_RESTART_POLICY): string {
  const recent = record.crashes.some((t) => now - t < policy.windowMs);
  return recent && isAppUrl(record.lastUrl) ? record.lastUrl! : entryUrl;
}

export async function readRestartRecord(file: string): Promise<RestartRecord> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<RestartRecord>;
    const crashes = Array.isArray(parsed.crashes) ? parsed.crashes.filter((t): t is number => typeof t === 'number') : [];
    return { crashes, ...(typeof parsed.lastUrl === 'string' ? { lastUrl: parsed.lastUrl } : {}) };
  } catch {
    return { crashes: [] };
  }
}

export async function writeRestartRecord(file: string, record: RestartRecord): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  await writeFile(tmp, JSON.stringify(record));
  await rename(tmp, file);
}
