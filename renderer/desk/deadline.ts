// When a dossier's processing time starts and ends: the one reckoning of the reception's appointment
// and of the deadline of a dossier received across boundaries, which runs from when the competent
// agency receives it (NĐ 309/2026).
import { addWorkingDays, appointmentTime, vnDayNumber, type WorkCalendar } from '../../shared/calendar';
import { vnMidnightMs, vnMsOfDay } from '../../shared/calendar/days';

/**
 * When the processing clock starts: the moment of receipt inside office hours; before opening, at
 * the opening; after closing or on a day off, at the next working day's opening (so a dossier left
 * at 21:00 is not promised for 21:00 some days later).
 */
export function clockStart(receivedAt: Date, calendar: WorkCalendar): Date {
  const day = vnDayNumber(receivedAt);
  const sessions = calendar.sessions;
  const opening = sessions[0]!.startMs;
  const closing = sessions[sessions.length - 1]!.endMs;
  const ms = vnMsOfDay(receivedAt);
  if (calendar.isWorkingDayNumber(day)) {
    if (ms < opening) return new Date(vnMidnightMs(day) + opening);
    if (ms <= closing) return receivedAt;
  }
  return new Date(vnMidnightMs(calendar.nextWorkingDayNumber(day)) + opening);
}

/** The deadline of `span` working days (half days allowed) counted from a dossier's arrival at `at`. */
export function deadlineFrom(at: Date, span: number, calendar: WorkCalendar): Date {
  return appointmentTime(addWorkingDays(clockStart(at, calendar), span, calendar), calendar);
}

/**
 * The expected deadline of a dossier sent by post across boundaries: as if the competent agency
 * received it at the opening of the next working day. The deadline itself is reckoned when it does.
 */
export function expectedDeadlineAcross(receivedAt: Date, span: number, calendar: WorkCalendar): Date {
  const opening = calendar.sessions[0]!.startMs;
  const next = new Date(vnMidnightMs(calendar.nextWorkingDayNumber(vnDayNumber(receivedAt))) + opening);
  return deadlineFrom(next, span, calendar);
}
