// Telling the applicant their result (or a stopped dossier's papers) can be collected. There is
// no SMS gateway: the officer sends the prepared text by SMS, Zalo, a call, e-mail or letter, and
// the `applicantNotified` event records the notice given. A result before the appointment is
// flagged early, since the applicant would otherwise wait for the date on their slip.
import { checkNoticeContact, currentAppointment, formatVietnamDate, NOTICE_CHANNEL_LABELS, parseInstant, vietnamDayNumber, type DossierState, type NoticeChannel } from '../../../shared/domain';
import { recordCommand } from '../../db';
import { nowOf, type DeskContext, type DeskOutcome, type FieldErrors } from '../../desk/context';

export interface NoticeForm {
  channel: NoticeChannel;
  contact: string;
  message: string;
}

/** Whether the result reached the Center on a day before the appointment the applicant holds. */
export function resultBeforeAppointment(state: DossierState): boolean {
  const ready = state.resultReadyAt === undefined ? undefined : parseInstant(state.resultReadyAt);
  const appointment = currentAppointment(state);
  const due = appointment === undefined ? undefined : parseInstant(appointment);
  if (state.status !== 'resultReady' || ready === undefined || due === undefined) return false;
  return vietnamDayNumber(ready) < vietnamDayNumber(due);
}

/** Whether a notice may be recorded now: a result waiting, or a stopped dossier's papers back at the Center. */
export function canNotify(state: DossierState): boolean {
  return state.status === 'resultReady' || (state.status === 'withdrawn' && state.papers === 'atCenter');
}

/** The contact on file for a channel: the applicant's mobile, e-mail or address. */
export function contactFor(state: DossierState, channel: NoticeChannel): string {
  const a = state.applicant;
  if (channel === 'email') return a?.email ?? '';
  if (channel === 'post') return state.collection?.method === 'post' ? state.collection.address : (a?.address ?? '');
  return a?.phone ?? '';
}

/** The channel to offer first: a mobile reaches the most people, then e-mail, then a letter. */
export function defaultChannel(state: DossierState): NoticeChannel {
  if (state.applicant?.phone) return 'sms';
  if (state.applicant?.email) return 'email';
  return 'post';
}

/**
 * The text the officer sends: who writes, which dossier (code and procedure), what is ready,
 * where and with what to collect it, and the appointment date when the result came early.
 */
export function noticeMessage(state: DossierState, ctx: Pick<DeskContext, 'config'>): string {
  const from = `${ctx.config.deskPlace} thông báo`;
  const dossier = `hồ sơ ${state.code ?? ''}${state.procedureName ? ` (${state.procedureName})` : ''}`;
  // Kept short: an SMS without diacritics is 160 characters, and every extra one costs a message.
  const come = 'Mời ông/bà đến nhận từ hôm nay, trong giờ làm việc; mang theo giấy hẹn và CCCD.';
  if (state.status === 'withdrawn') return `${from}: ${dossier} đã dừng giải quyết theo đề nghị của ông/bà, giấy tờ đã về Trung tâm. ${come}`;
  const appointment = currentAppointment(state);
  const when = resultBeforeAppointment(state) && appointment ? `, sớm hơn ngày hẹn ${formatVietnamDate(appointment)}` : '';
  if (state.collection?.method === 'post') return `${from}: ${dossier} đã có kết quả${when}; kết quả được gửi qua bưu điện đến ${state.collection.address}.`;
  return `${from}: ${dossier} đã có kết quả${when}. ${come}`;
}

/** The officer's form at its start: the channel on file and the prepared text. */
export function initialNoticeForm(state: DossierState, ctx: Pick<DeskContext, 'config'>): NoticeForm {
  const channel = defaultChannel(state);
  return { channel, contact: contactFor(state, channel), message: noticeMessage(state, ctx) };
}

export function noticeReport(state: DossierState, form: NoticeForm): string {
  return `Đã ghi nhận báo người nộp hồ sơ ${state.code ?? ''} qua ${NOTICE_CHANNEL_LABELS[form.channel]} (${form.contact.trim()}).`;
}

/** Records that the applicant was told; the reducer refuses it unless something waits at the Center. */
export async function recordNotice(ctx: DeskContext, dossierId: string, form: NoticeForm): Promise<DeskOutcome> {
  const row = await ctx.db.dossiers.get(dossierId);
  if (!row) return { ok: false, message: 'Không tìm thấy hồ sơ trên máy này.', errors: {} };
  const errors: FieldErrors = {};
  const contact = checkNoticeContact(form.channel, form.contact);
  if (contact) errors.contact = contact;
  if (form.message.trim().length < 10) errors.message = 'Ghi nội dung đã báo cho người nộp (mã hồ sơ, nơi nhận).';
  else if (form.message.length > 2000) errors.message = 'Nội dung quá dài (tối đa 2.000 ký tự).';
  if (Object.keys(errors).length > 0) return { ok: false, message: 'Thông tin báo người nộp chưa hợp lệ: xem các ô được đánh dấu.', errors };
  const recorded = await recordCommand(ctx.db, [
    {
      ...ctx.eventMeta(dossierId),
      type: 'applicantNotified',
      payload: { channel: form.channel, contact: form.contact.trim(), message: form.message.trim(), early: resultBeforeAppointment(row.state), at: nowOf(ctx).toISOString() },
    },
  ]);
  if (!recorded.ok) return { ok: false, message: recorded.error.message, errors: {} };
  return { ok: true, state: recorded.state, prints: [], warnings: [] };
}
