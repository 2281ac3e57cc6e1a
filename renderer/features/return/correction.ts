// A correction after the result went out (error in the result): who is at fault, what is wrong,
// and the new date. The dossier goes back to the department through the handoff flow; the citizen
// gets a new appointment slip; nothing is charged when the agency is at fault.
import { recordCommand } from '../../db';
import { loadDossierTrail } from '../dossier/history';
import type { ServerAccess } from '../../kiosk/api';
import { routeFor } from '../../desk/printouts';
import { enqueue, newAppointmentSlip, nowOf, slipRegister, parseAppointmentDate, receivedOf, type DeskContext, type DeskOutcome, type FieldErrors } from '../../desk/context';

export interface CorrectionForm {
  fault: 'agency' | 'applicant' | '';
  description: string;
  newDate: string;
}

export const EMPTY_CORRECTION_FORM: CorrectionForm = { fault: '', description: '', newDate: '' };

export async function requestCorrection(ctx: DeskContext, dossierId: string, form: CorrectionForm, server?: ServerAccess): Promise<DeskOutcome> {
  const row = await ctx.db.dossiers.get(dossierId);
  if (!row) return { ok: false, message: 'Không tìm thấy hồ sơ trên máy này.', errors: {} };
  const errors: FieldErrors = {};
  if (row.state.status !== 'returned') errors.status = 'Chỉ đính chính được kết quả đã trả cho người nộp.';
  if (form.fault === '') errors.fault = 'Chọn bên có lỗi: cơ quan giải quyết hay người nộp.';
  if (form.description.trim().length < 5) errors.description = 'Ghi rõ nội dung sai sót cần đính chính.';
  const date = parseAppointmentDate(form.newDate, ctx.calendar, nowOf(ctx));
  if (!date.ok) errors.newDate = date.message;
  if (Object.keys(errors).length > 0 || !date.ok || form.fault === '') {
    return { ok: false, message: errors.status ?? 'Thông tin đính chính chưa hợp lệ: xem các ô được đánh dấu.', errors };
  }

  const recorded = await recordCommand(ctx.db, [
    {
      ...ctx.eventMeta(dossierId),
      type: 'correctionRequested',
      payload: { fault: form.fault, description: form.description.trim(), newDueAt: date.at },
    },
  ]);
  if (!recorded.ok) return { ok: false, message: recorded.error.message, errors: {} };
  const trail = await loadDossierTrail(ctx.db, dossierId, server);
  const slip = newAppointmentSlip(ctx, recorded.state, date.at, receivedOf(trail.events), { reason: 'correction', register: slipRegister(await ctx.db.dossiers.get(dossierId)) });
  const prints = slip ? [await enqueue(ctx, 'Giấy hẹn trả kết quả mới', slip, routeFor(ctx.printers, ['slip']).role, 1)] : [];
  const warnings = form.fault === 'agency' ? [] : ['Lỗi do người nộp: khoản phí phát sinh (nếu có) thu theo quy định của thủ tục.'];
  return { ok: true, state: recorded.state, prints, warnings };
}
