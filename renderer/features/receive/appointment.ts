// The legal processing time of a procedure and the appointment it gives, shown before accepting.
import type { Procedure } from '../../../shared/catalogue';
import { closingOn, vnDayNumber, workingDaysBetween, type WorkCalendar } from '../../../shared/calendar';
import { dayNumberFromDateKey } from '../../../shared/calendar/days';
import { clockStart, deadlineFrom } from '../../desk/deadline';
import { formatVietnamDate } from '../../../shared/domain';
import type { FieldErrors, ReceiveForm } from './form';

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

/** The appointment: the working days counted from the clock's start, told by the one rule for an appointment's time (`appointmentTime`). */
export function appointmentFor(receivedAt: Date, procedure: Procedure, calendar: WorkCalendar): Date | undefined {
  const span = processingSpan(procedure);
  return span === undefined ? undefined : deadlineFrom(receivedAt, span, calendar);
}

/** The appointment of one dossier, with where it comes from: the catalogue's time, or the date the counter entered. */
export type DossierAppointment = { ok: true; dueAt: Date; processingDays: number; entered?: { reason: string } } | { ok: false; message: string; errors: FieldErrors };

/**
 * The catalogue's processing time gives the appointment; a procedure without one is received with
 * the date the officer enters (the office's closing hour that working day, after today) and why.
 */
export function dossierAppointment(receivedAt: Date, procedure: Procedure, form: Pick<ReceiveForm, 'deadline'>, calendar: WorkCalendar): DossierAppointment {
  const span = processingSpan(procedure);
  const byCatalogue = appointmentFor(receivedAt, procedure, calendar);
  if (span !== undefined && byCatalogue) return { ok: true, dueAt: byCatalogue, processingDays: Math.ceil(span) };
  const start = clockStart(receivedAt, calendar);
  const date = form.deadline?.date.trim() ?? '';
  const reason = form.deadline?.reason.trim() ?? '';
  const errors: FieldErrors = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) errors.deadlineDate = date === '' ? 'Chưa nhập ngày hẹn trả kết quả cho hồ sơ này.' : 'Ngày hẹn trả không đúng dạng ngày/tháng/năm.';
  if (reason.length < 5) errors.deadlineReason = 'Ghi rõ lý do hoặc căn cứ của ngày hẹn (ít nhất 5 ký tự), ví dụ số văn bản hoặc ý kiến của lãnh đạo.';
  let dueAt: Date | undefined;
  if (!errors.deadlineDate) {
    const day = dayNumberFromDateKey(date);
    if (!calendar.isWorkingDayNumber(day)) errors.deadlineDate = `Ngày ${formatVietnamDate(date)} là ngày nghỉ: hãy chọn một ngày làm việc.`;
    else if (day <= vnDayNumber(start)) errors.deadlineDate = 'Ngày hẹn trả phải sau ngày bắt đầu tính thời hạn giải quyết.';
    else dueAt = closingOn(day, calendar);
  }
  if (!dueAt || Object.keys(errors).length > 0) return { ok: false, message: 'Thủ tục chưa có thời hạn giải quyết trong danh mục: hãy nhập ngày hẹn trả và lý do ở bước 5.', errors };
  return { ok: true, dueAt, processingDays: workingDaysBetween(start, dueAt, calendar), entered: { reason } };
}
