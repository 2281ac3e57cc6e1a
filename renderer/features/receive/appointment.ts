// The legal processing time of a procedure and the appointment it gives, shown before accepting.
import type { Procedure } from '../../../shared/catalogue';
import { addWorkingDays, appointmentTime, vnDayNumber, type WorkCalendar } from '../../../shared/calendar';
import { vnMidnightMs, vnMsOfDay } from '../../../shared/calendar/days';

/**
 * Working days to add: the catalogue's days; a time given in hours becomes half days (4 office
 * hours each, rounded up); a same-day procedure (0 days) is due half a working day later so the
 * appointment is never the moment of receipt. Undefined when the catalogue gives neither.
 */
export function processingSpan(procedure: Procedure): number | undefined {
  if (procedure.processingDays !== null) return procedure.processingDays > 0 ? procedure.processingDays : 0.5;
  const hours = procedure.processingHours;
  if (typeof hours === 'number' && hours > 0) return Math.ceil(hours / 4) / 2;
  return undefined;
}

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

/** The appointment: the working days counted from the clock's start, told by the one rule for an appointment's time (`appointmentTime`). */
export function appointmentFor(receivedAt: Date, procedure: Procedure, calendar: WorkCalendar): Date | undefined {
  const span = processingSpan(procedure);
  return span === undefined ? undefined : appointmentTime(addWorkingDays(clockStart(receivedAt, calendar), span, calendar), calendar);
}
