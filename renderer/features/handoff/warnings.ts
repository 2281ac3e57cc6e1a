// When a received dossier must have left for its department (DOMAIN.md): the same day when it was
// received before 15:00, else at the start of the next working day — taken as the end of that
// day's morning session, the courier's morning round.
import type { WorkCalendar } from '../../../shared/calendar';
import { vnDayNumber } from '../../../shared/calendar';
import { vnMidnightMs } from '../../../shared/calendar/days';
import { parseInstant } from '../../../shared/domain';

export const SAME_DAY_CUTOFF_MS = 15 * 3_600_000;

/** The instant by which a dossier received at `receivedAt` must have been handed to the courier. */
export function mustLeaveBy(receivedAt: Date, calendar: WorkCalendar): Date {
  const day = vnDayNumber(receivedAt);
  const msOfDay = receivedAt.getTime() - vnMidnightMs(day);
  const sessions = calendar.sessions;
  if (calendar.isWorkingDayNumber(day) && msOfDay < SAME_DAY_CUTOFF_MS) {
    return new Date(vnMidnightMs(day) + sessions[sessions.length - 1]!.endMs);
  }
  return new Date(vnMidnightMs(calendar.nextWorkingDayNumber(day)) + sessions[0]!.endMs);
}

export type LeaveWarningLevel = 'late' | 'dueToday';

export interface LeaveWarning<T> {
  item: T;
  leaveBy: Date;
  level: LeaveWarningLevel;
}

/**
 * Dossiers still at the Center that are late leaving, or must leave today; latest-due last.
 * `receivedAt` picks each item's reception time (items without one are skipped).
 */
export function leaveWarnings<T>(items: readonly T[], receivedAt: (item: T) => string | undefined, calendar: WorkCalendar, now: Date): LeaveWarning<T>[] {
  const today = vnDayNumber(now);
  const out: LeaveWarning<T>[] = [];
  for (const item of items) {
    const at = receivedAt(item);
    const ms = at === undefined ? undefined : parseInstant(at);
    if (ms === undefined) continue;
    const leaveBy = mustLeaveBy(new Date(ms), calendar);
    if (leaveBy.getTime() < now.getTime()) out.push({ item, leaveBy, level: 'late' });
    else if (vnDayNumber(leaveBy) === today) out.push({ item, leaveBy, level: 'dueToday' });
  }
  return out.sort((a, b) => a.leaveBy.getTime() - b.leaveBy.getTime());
}
