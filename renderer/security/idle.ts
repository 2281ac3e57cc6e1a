// The idle lock's timing: the Center sets the minutes (catalogue 'setting' row `idleLockMinutes`,
// pulled by sync); anything unusable falls back to the default rather than never locking.
import type { CatalogueRow } from '../db';

export const IDLE_LOCK_SETTING_ID = 'setting:idleLockMinutes';
export const DEFAULT_IDLE_LOCK_MINUTES = 5;
/** Longer than a working morning would leave a counter open all day: treated as a mistake. */
export const MAX_IDLE_LOCK_MINUTES = 240;

/** The row's body is `{ minutes: n }` (or `{ value: n }`); a bare number is accepted too. */
export function idleLockMinutes(row: Pick<CatalogueRow, 'body'> | undefined): number {
  const body = row?.body;
  const raw =
    typeof body === 'number' ? body : typeof body === 'object' && body !== null ? ((body as { minutes?: unknown; value?: unknown }).minutes ?? (body as { value?: unknown }).value) : undefined;
  const n = typeof raw === 'string' ? Number(raw.replace(',', '.')) : raw;
  if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0 || n > MAX_IDLE_LOCK_MINUTES) return DEFAULT_IDLE_LOCK_MINUTES;
  return n;
}

/** Milliseconds until the lock, never below a second so a tiny setting cannot lock mid-keystroke. */
export function idleLockMs(minutes: number): number {
  return Math.max(1_000, Math.round(minutes * 60_000));
}

/** Whether the screen should be locked now, given the last input. */
export function shouldLock(lastInputAt: number, now: number, minutes: number): boolean {
  return now - lastInputAt >= idleLockMs(minutes);
}
