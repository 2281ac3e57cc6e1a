// Stopping a dossier at the applicant's request (NĐ 118/2025; notice = Mẫu 05 of TT 03/2025).
// The desk checks who is asking, records the reason as the `withdrawn` fact through recordCommand,
// and prints the notice. When the papers are outside the Center (with the courier or at the
// department) the notice says they will be brought back to the Center's desk for return.
import type { Procedure } from '../../../shared/catalogue';
import type { DossierEvent, DossierState } from '../../../shared/domain';
import { applicantIdNumber, isAllowed, papersOutsideCenter, STATUS_LABELS } from '../../../shared/domain';
import type { PrintDocument } from '../../../shared/documents';
import { stopProcessing } from '../../../shared/documents';
import { recordCommand } from '../../db';
import { enqueue, nowOf, type DeskContext, type PrintNote } from '../../desk/context';
import { routeFor } from '../../desk/printouts';

export interface StopForm extends DeskIdentity {
  reason: string;
}

export type StopErrors = Partial<Record<'dossier' | 'requesterName' | 'idNumber' | 'authorisationSeen' | 'reason', string>>;

/** Who stands at the desk: the applicant (the ID must match the dossier) or a representative with an authorisation. */
export interface DeskIdentity {
  requester: 'applicant' | 'representative';
  requesterName: string;
  /** The ID number on the paper the person shows at the desk. */
  idNumber: string;
  /** For a representative: the officer has seen a valid authorisation (giấy ủy quyền). */
  authorisationSeen: boolean;
}

export type IdentityErrors = Partial<Record<'requesterName' | 'idNumber' | 'authorisationSeen', string>>;

/** The identity check of the stop desk, shared by the stop itself and the hand-back of the papers. */
export function checkIdentity(state: DossierState, who: DeskIdentity, action: string): IdentityErrors {
  const errors: IdentityErrors = {};
  if (who.requesterName.trim().length < 2) errors.requesterName = `Ghi họ tên người ${action}.`;
  const id = who.idNumber.replace(/\s+/g, '');
  if (who.requester === 'applicant') {
    const expected = applicantIdNumber(state.applicant);
    if (!id) errors.idNumber = 'Nhập số định danh (CCCD) hoặc mã số thuế trên giấy tờ người nộp xuất trình.';
    else if (expected && id !== expected) errors.idNumber = 'Số định danh không khớp với người nộp hồ sơ. Nếu là người khác, chọn “Người được ủy quyền”.';
  } else {
    if (!/^(\d{9}|\d{12}|[A-Z]\d{7,8})$/.test(id)) errors.idNumber = 'Số định danh của người được ủy quyền: 12 số CCCD, 9 số CMND hoặc số hộ chiếu.';
    if (!who.authorisationSeen) errors.authorisationSeen = 'Người được ủy quyền phải xuất trình giấy ủy quyền hợp lệ; đánh dấu khi đã kiểm tra.';
  }
  return errors;
}

export function checkStop(state: DossierState | undefined, form: StopForm): StopErrors {
  if (!state) return { dossier: 'Chưa chọn hồ sơ: quét hoặc nhập mã hồ sơ trên giấy tiếp nhận.' };
  const errors: StopErrors = { ...checkIdentity(state, form, 'đề nghị dừng giải quyết') };
  if (!isAllowed(state.status, 'withdrawn')) {
    errors.dossier = `Hồ sơ đang ở trạng thái “${STATUS_LABELS[state.status]}”, không thể dừng giải quyết.`;
  }
  if (form.reason.trim().length < 5) errors.reason = 'Ghi rõ lý do người nộp đề nghị dừng giải quyết (ít nhất 5 ký tự).';
  return errors;
}

/**
 * Whether fees paid are refunded when the applicant stops, as the catalogue says. The catalogue
 * has no such field yet (`feesRefundableOnStop`); absent means non-refundable, said on screen.
 */
export function feeOnStop(procedure: Procedure | undefined, feesPaid: number): { refundable: boolean; known: boolean; note: string } {
  const flag = (procedure as (Procedure & { feesRefundableOnStop?: boolean }) | undefined)?.feesRefundableOnStop;
  const known = typeof flag === 'boolean';
  const refundable = flag === true;
  if (feesPaid <= 0) return { refundable, known, note: 'Người nộp chưa nộp phí, lệ phí.' };
  const amount = `${feesPaid.toLocaleString('vi-VN')} đồng`;
  if (refundable) return { refundable, known, note: `Hoàn trả ${amount} phí, lệ phí đã nộp theo quy định của thủ tục.` };
  return {
    refundable,
    known,
    note: known ? `Thủ tục không cho hoàn trả phí, lệ phí: ${amount} đã nộp không được hoàn lại.` : `Danh mục thủ tục không quy định hoàn trả: ${amount} phí, lệ phí đã nộp không được hoàn lại.`,
  };
}

export type StopOutcome = { ok: true; state: DossierState; notice: PrintDocument; papersAway: boolean; prints: PrintNote[] } | { ok: false; errors: StopErrors };

/** Records the stop (one `withdrawn` event), then prints the notice (two copies: the applicant's and the file's); nothing prints before the event is durable. */
export async function stopAtDesk(ctx: DeskContext, state: DossierState | undefined, form: StopForm, procedure: Procedure | undefined): Promise<StopOutcome> {
  const errors = checkStop(state, form);
  if (Object.keys(errors).length > 0 || !state) return { ok: false, errors };
  const requestedBy = form.requester === 'applicant' ? form.requesterName.trim() : `${form.requesterName.trim()} (người được ủy quyền)`;
  const event = {
    ...ctx.eventMeta(state.id),
    type: 'withdrawn',
    payload: { reason: form.reason.trim(), requestedBy },
  } as DossierEvent;
  const away = papersOutsideCenter(state);
  const recorded = await recordCommand(ctx.db, [event]);
  if (!recorded.ok) return { ok: false, errors: { dossier: recorded.error.message } };
  const fee = feeOnStop(procedure, state.feesPaid);
  const now = nowOf(ctx).toISOString();
  const route = routeFor(ctx.printers, ['form', 'slip']);
  const notice = stopProcessing(
    {
      agency: ctx.config.agency,
      place: ctx.config.place,
      issuedAt: now,
      dossierCode: state.code ?? state.id,
      applicant: { name: state.applicant?.name ?? '', idNumber: applicantIdNumber(state.applicant) },
      procedureName: state.procedureName ?? '',
      receivedAt: state.receivedAt ?? now,
      reason: form.reason.trim(),
      requestedBy,
      requestedAt: now,
      feeNote: fee.note,
      papersReturn: away ? `Hồ sơ giấy đang ở cơ quan giải quyết; được chuyển về và trả lại tại ${ctx.config.deskPlace}. Trung tâm sẽ báo khi hồ sơ về.` : `Trả lại ngay tại ${ctx.config.deskPlace}.`,
      // The notice is the receiving agency's, signed by its head, not by the officer at the desk.
      signerTitle: ctx.config.headTitle,
      signerName: ctx.config.headName,
    },
    // Only the 2025 set has a stop notice, so a deployment still on the 2018 forms prints it too.
    { layout: route.layout, formSet: '2025' },
  );
  const prints = [await enqueue(ctx, 'Thông báo dừng giải quyết hồ sơ (Mẫu 05)', notice, route.role, 2)];
  return { ok: true, state: recorded.state, notice, papersAway: away, prints };
}
