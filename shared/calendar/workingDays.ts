import { DAY_MS, vnDayNumber, vnMidnightMs, vnMsOfDay, type DayNumber } from './days';
import { CalendarError } from './errors';
import type { WorkCalendar } from './workCalendar';

/** A half day (x.5 working days) is four working hours. */
const HALF_DAY_MS = 4 * 3_600_000;

/** Whether the Vietnam-time calendar day of `date` is a working day. */
export function isWorkingDay(date: Date, calendar: WorkCalendar): boolean {
  return calendar.isWorkingDayNumber(vnDayNumber(date));
}

/**
 * Moves `durationMs` of office time forward from the instant `startMs`, skipping lunch breaks,
 * evenings and days off; time before the first session of a working day starts at that session.
 */
function addWorkingTime(startMs: number, durationMs: number, calendar: WorkCalendar): number {
  let day = vnDayNumber(new Date(startMs));
  let position = vnMsOfDay(new Date(startMs));
  let remaining = durationMs;
  if (!calendar.isWorkingDayNumber(day)) {
    day = calendar.nextWorkingDayNumber(day);
    position = 0;
  }
  for (;;) {
    for (const session of calendar.sessions) {
      if (position >= session.endMs) continue;
      const begin = Math.max(position, session.startMs);
      const available = session.endMs - begin;
      if (remaining <= available) return vnMidnightMs(day) + begin + remaining;
      remaining -= available;
      position = session.endMs;
    }
    day = calendar.nextWorkingDayNumber(day);
    position = 0;
  }
}

/**
 * The appointment time `days` working days after `from`, in Vietnam time (UTC+7).
 *
 * Whole days: the same time of day on the `days`-th working day after the day of `from`; the day of
 * receipt itself is never counted. When `from` falls on a day off (a dossier left on Saturday or
 * during Tết), the count starts from the next working day, which is day 1, and the result still keeps
 * the time of day of `from`; a caller that deems such dossiers received at the next opening should
 * move `from` there first.
 * A half (x.5) adds 4 office hours after the whole days, skipping the lunch break and continuing on
 * the next working day when the day ends (with the default hours, 10:00 + 4 h = 16:00 the same day).
 * `days = 0` returns `from` unchanged.
 */
export function addWorkingDays(from: Date, days: number, calendar: WorkCalendar): Date {
  if (!Number.isFinite(days) || days < 0 || !Number.isInteger(days * 2)) {
    throw new CalendarError('invalid-argument', `Số ngày làm việc "${days}" không hợp lệ: phải là số không âm, nguyên hoặc lẻ nửa ngày (ví dụ 5 hoặc 2,5).`);
  }
  const whole = Math.floor(days);
  const startDay = vnDayNumber(from);
  let day = startDay;
  for (let i = 0; i < whole; i++) day = calendar.nextWorkingDayNumber(day);
  // Vietnam has no DST, so moving by whole days keeps the wall-clock time.
  let result = from.getTime() + (day - startDay) * DAY_MS;
  if (days !== whole) result = addWorkingTime(result, HALF_DAY_MS, calendar);
  return new Date(result);
}

/**
 * Working days after the day of `a` up to and including the day of `b` (Vietnam-time calendar
 * days); negative when `b` is before `a`. Time of day is ignored.
 */
export function workingDaysBetween(a: Date, b: Date, calendar: WorkCalendar): number {
  const dayA = vnDayNumber(a);
  const dayB = vnDayNumber(b);
  const [low, high, sign] = dayA <= dayB ? [dayA, dayB, 1] : [dayB, dayA, -1];
  let count = 0;
  for (let day = low + 1; day <= high; day++) if (calendar.isWorkingDayNumber(day)) count++;
  return sign * count;
}

/** The end of office hours on a day, in Vietnam time: a date chosen at the desk means this moment. */
export function closingOn(dayNumber: DayNumber, calendar: WorkCalendar): Date {
  return new Date(vnMidnightMs(dayNumber) + calendar.sessions[calendar.sessions.length - 1]!.endMs);
}

/**
 * The one rule for the time of an appointment, the original's and the new one after a correction
 * or an apology (DOMAIN.md: time limits run in working days): the appointment is when the working
 * time runs out. A count that ends exactly at a working day's opening ran out at the previous
 * working day's closing, the same working instant (Monday 07:30 is Friday 17:00), so the citizen
 * is told the day the result is due, at the time results are handed out, as for a date chosen at
 * the desk (`closingOn`).
 */
export function appointmentTime(due: Date, calendar: WorkCalendar): Date {
  const day = vnDayNumber(due);
  if (!calendar.isWorkingDayNumber(day) || vnMsOfDay(due) !== calendar.sessions[0]!.startMs) return due;
  let previous = day - 1;
  while (!calendar.isWorkingDayNumber(previous)) previous--;
  return closingOn(previous, calendar);
}
