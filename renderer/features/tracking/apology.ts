// The department's apology and new date (Mẫu 04): reason, responsible officer, whether the reason
// is accepted as valid, the new date. At most once per dossier: the reducer refuses a second and
// its Vietnamese message is shown. The dossier stays judged against its original deadline.
import { apology } from '../../../shared/documents';
import { recordCommand } from '../../db';
import { loadDossierTrail } from '../dossier/history';
import type { ServerAccess } from '../../kiosk/api';
import { routeFor, slipApplicant } from '../../desk/printouts';
import { enqueue, newAppointmentSlip, nowOf, slipRegister, parseAppointmentDate, receivedOf, type DeskContext, type DeskOutcome, type FieldErrors, type PrintNote } from '../../desk/context';

export interface ApologyForm {
  reason: string;
  responsibleOfficer: string;
  reasonValid: 'yes' | 'no' | '';
  newDate: string;
  signerName: string;
}

export const EMPTY_APOLOGY_FORM: ApologyForm = { reason: '', responsibleOfficer: '', reasonValid: '', newDate: '', signerName: '' };

export async function recordApology(ctx: DeskContext & { departmentName(id: string): string | undefined }, dossierId: string, form: ApologyForm, server?: ServerAccess): Promise<DeskOutcome> {
  const row = await ctx.db.dossiers.get(dossierId);
  if (!row) return { ok: false, message: 'Không tìm thấy hồ sơ trên máy này.', errors: {} };
  const state = row.state;
  const errors: FieldErrors = {};
  if (form.reason.trim().length < 5) errors.reason = 'Ghi rõ lý do chậm trả kết quả.';
  if (form.responsibleOfficer.trim() === '') errors.responsibleOfficer = 'Ghi họ tên công chức chịu trách nhiệm về việc chậm trễ.';
  if (form.reasonValid === '') errors.reasonValid = 'Chọn lý do có được chấp nhận là chính đáng hay không.';
  const date = parseAppointmentDate(form.newDate, ctx.calendar, nowOf(ctx));
  if (!date.ok) errors.newDate = date.message;
  else if (state.dueAt && date.at <= state.dueAt) errors.newDate = 'Ngày hẹn lại phải sau hạn trả theo quy định.';
  if (Object.keys(errors).length > 0 || !date.ok) return { ok: false, message: 'Thông tin xin lỗi, hẹn lại chưa hợp lệ: xem các ô được đánh dấu.', errors };

  const recorded = await recordCommand(ctx.db, [
    {
      ...ctx.eventMeta(dossierId),
      type: 'apologyIssued',
      payload: { reason: form.reason.trim(), responsibleOfficer: form.responsibleOfficer.trim(), reasonValid: form.reasonValid === 'yes', newDueAt: date.at },
    },
  ]);
  if (!recorded.ok) return { ok: false, message: recorded.error.message, errors: {} };

  const after = recorded.state;
  const prints: PrintNote[] = [];
  const department = after.departmentId ? (ctx.departmentName(after.departmentId) ?? after.departmentId) : 'Cơ quan giải quyết';
  if (after.code && after.applicant) {
    const letter = apology(
      {
        agency: ctx.config.agency,
        place: ctx.config.place,
        issuedAt: nowOf(ctx).toISOString(),
        dossierCode: after.code,
        applicant: slipApplicant(after.applicant),
        procedureName: after.procedureName ?? '',
        receivedAt: after.receivedAt ?? after.dueAt ?? date.at,
        originalAppointmentAt: after.dueAt ?? date.at,
        newAppointmentAt: date.at,
        reason: form.reason.trim(),
        decidingAgency: department,
        signerTitle: `Thủ trưởng ${department}`,
        signerName: form.signerName.trim(),
      },
      { layout: 'sheet', formSet: ctx.config.formSet },
    );
    prints.push(await enqueue(ctx, 'Phiếu xin lỗi và hẹn lại ngày trả kết quả', letter, 'form', 1));
  }
  const trail = await loadDossierTrail(ctx.db, dossierId, server);
  const slip = newAppointmentSlip(ctx, after, date.at, receivedOf(trail.events), { reason: 'apology', register: slipRegister(await ctx.db.dossiers.get(dossierId)) });
  if (slip) prints.push(await enqueue(ctx, 'Giấy hẹn trả kết quả mới', slip, routeFor(ctx.printers, ['slip']).role, 1));
  return { ok: true, state: after, prints, warnings: [] };
}
