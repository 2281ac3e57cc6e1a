// Handing the result over: at the desk to the applicant or an authorised person (ID checked and
// recorded, the authorisation letter noted), or by post (the postal item number; the dossier counts
// as returned once handed to the courier). Remaining fees are collected first, with a receipt.
import { vnDateKey } from '../../../shared/calendar';
import { formatVnd, receiptLabel, validateCitizenId } from '../../../shared/codes';
import type { DossierEvent, DossierState, PayloadOf } from '../../../shared/domain';
import { receiptScope } from '../../../shared/sync/leases';
import { issueNumber, recordCommand } from '../../db';
import { amountDueAtCollection, heldAtAnotherCenter } from '../dossier/card';
import { receiptSeriesFor, receiptSetupProblem } from '../../desk/config';
import { loadReturnDeskConfig } from '../../desk/returnDeskConfig';
import { RETURN_CONFIRMATION_LABEL, returnConfirmationFor } from './confirmation';
import { enqueue, feeReceiptFor, nowOf, type DeskContext, type DeskOutcome, type FieldErrors, type PrintNote } from '../../desk/context';

export type PaymentMethod = 'cash' | 'transfer' | 'card';

export interface ReturnForm {
  method: 'desk' | 'post';
  /** Who collects at the desk: the applicant, or someone they authorised. */
  authorised: boolean;
  recipientName: string;
  recipientId: string;
  authorisationNote: string;
  postalItemNumber: string;
  paymentMethod: PaymentMethod;
  /** A transfer of the remaining fee seen in the Center's account ("Đã nhận chuyển khoản"). */
  transferReceived: boolean;
}

export const EMPTY_RETURN_FORM: ReturnForm = {
  method: 'desk',
  authorised: false,
  recipientName: '',
  recipientId: '',
  authorisationNote: '',
  postalItemNumber: '',
  paymentMethod: 'cash',
  transferReceived: false,
};

/** Postal item numbers: the UPU S10 shape (EE123456789VN) or the post's domestic 8–20 letters and digits. */
const POSTAL_ITEM = /^[A-Z0-9]{8,20}$/;

/** The form's problems keyed by field, in Vietnamese; empty when the return can be recorded. */
export function validateReturn(form: ReturnForm, state: DossierState): FieldErrors {
  const errors: FieldErrors = {};
  if (state.status !== 'resultReady') errors.status = `Hồ sơ đang ở trạng thái khác «đã có kết quả, chờ trả»: chưa thể trả kết quả.`;
  if (amountDueAtCollection(state) > 0 && form.paymentMethod === 'transfer' && !form.transferReceived)
    errors.transferReceived = 'Chưa xác nhận “Đã nhận chuyển khoản”: chỉ đánh dấu khi khoản chuyển đã hiện trong tài khoản của Trung tâm; nếu công dân nộp tiền mặt, chọn “Tiền mặt”.';
  if (form.method === 'post') {
    if (state.collection?.method !== 'post') errors.method = 'Người nộp đăng ký nhận tại quầy; chỉ gửi bưu điện khi hồ sơ có địa chỉ nhận qua bưu chính.';
    const item = form.postalItemNumber.trim().toUpperCase();
    if (item === '') errors.postalItemNumber = 'Chưa nhập số hiệu bưu gửi (in trên phiếu gửi của bưu điện).';
    else if (!POSTAL_ITEM.test(item)) errors.postalItemNumber = 'Số hiệu bưu gửi chỉ gồm chữ in hoa và chữ số, dài 8–20 ký tự (ví dụ EE123456789VN).';
    return errors;
  }
  const applicantName = state.applicant?.name ?? '';
  const name = form.authorised ? form.recipientName.trim() : applicantName;
  if (name === '') errors.recipientName = 'Chưa nhập họ tên người nhận kết quả.';
  const id = validateCitizenId(form.recipientId, { allowPassport: true });
  if (!id.ok) errors.recipientId = id.error.message;
  else if (!form.authorised && state.applicant?.kind === 'individual' && id.value.number !== state.applicant.idNumber) {
    errors.recipientId = 'Số định danh không khớp với người nộp hồ sơ. Nếu người nhận được ủy quyền, hãy đánh dấu «Người được ủy quyền».';
  }
  if (form.authorised && form.authorisationNote.trim() === '') errors.authorisationNote = 'Chưa ghi giấy ủy quyền (số, ngày, nơi chứng thực).';
  return errors;
}

function recipientIdNumber(text: string): string | undefined {
  const id = validateCitizenId(text, { allowPassport: true });
  return id.ok ? id.value.number : undefined;
}

export async function returnDossier(ctx: DeskContext, dossierId: string, form: ReturnForm): Promise<DeskOutcome> {
  const row = await ctx.db.dossiers.get(dossierId);
  if (!row) return { ok: false, message: 'Không tìm thấy hồ sơ trên máy này.', errors: {} };
  const state = row.state;
  const elsewhere = heldAtAnotherCenter(state, ctx.counter.agencyCode, ctx.centerName);
  if (elsewhere) return { ok: false, message: elsewhere, errors: {} };
  const errors = validateReturn(form, state);
  if (Object.keys(errors).length > 0) return { ok: false, message: errors.status ?? 'Thông tin trả kết quả chưa hợp lệ: xem các ô được đánh dấu.', errors };

  const now = nowOf(ctx);
  const prints: PrintNote[] = [];
  const warnings: string[] = [];
  const payerName = form.method === 'desk' && form.authorised ? form.recipientName.trim() : (state.applicant?.name ?? '');
  const due = amountDueAtCollection(state);
  const recipient =
    form.method === 'post'
      ? { name: state.applicant?.name ?? '', authorised: false }
      : {
          name: payerName,
          idNumber: recipientIdNumber(form.recipientId),
          authorised: form.authorised,
          authorisationNote: form.authorised ? form.authorisationNote.trim() : undefined,
        };
  const payload = {
    method: form.method,
    recipient,
    postalItemNumber: form.method === 'post' ? form.postalItemNumber.trim().toUpperCase() : undefined,
    at: now.toISOString(),
  };
  const events: DossierEvent[] = [];
  let fee: PayloadOf<'feeCollected'> | undefined;
  if (due > 0) {
    const year = Number(vnDateKey(now).slice(0, 4));
    const taxProblem = receiptSetupProblem(ctx.config, year);
    if (taxProblem) return { ok: false, message: taxProblem, errors: {} };
    const series = receiptSeriesFor(ctx.config, year);
    const n = await issueNumber(ctx.db, 'receipt', receiptScope(ctx.config.receiptFormSymbol, series), ctx.counter.counterIndex);
    if (!n) return { ok: false, message: 'Quầy đã dùng hết số biên lai được cấp, kể cả số dự phòng. Hãy kết nối mạng để nhận thêm số biên lai rồi trả kết quả.', errors: {} };
    if (n.from === 'fallback') warnings.push(`Biên lai lấy số từ dải dự phòng của quầy (số ${n.number}) vì quầy đã hết số được cấp khi mất kết nối.`);
    fee = { receipt: { formSymbol: ctx.config.receiptFormSymbol, series, number: n.number }, amount: due, method: form.paymentMethod, feeName: 'Phí, lệ phí còn lại khi trả kết quả' };
    events.push({ ...ctx.eventMeta(dossierId), type: 'feeCollected', payload: fee });
  }
  events.push({ ...ctx.eventMeta(dossierId), type: 'returned', payload });
  // Paid and returned are one desk command: both facts are durable together, or neither is.
  const returned = await recordCommand(ctx.db, events);
  if (!returned.ok) return { ok: false, message: returned.error.message, errors: {} };
  let receiptLine: string | undefined;
  if (fee) {
    const receipt = feeReceiptFor(ctx, state, fee, { at: now.toISOString(), collectorName: ctx.officerName, payerName });
    prints.push(await enqueue(ctx, 'Biên lai thu phí, lệ phí', receipt.doc, receipt.role, 1));
    receiptLine = `${receiptLabel(fee.receipt)} – ${formatVnd(due)}`;
  }
  // Printed only once the return is durable; a printer problem is reported, never undoes the return.
  if ((await loadReturnDeskConfig(ctx.db)).printConfirmation) {
    const confirmation = returnConfirmationFor(ctx, returned.state, payload, receiptLine);
    if (confirmation) prints.push(await enqueue(ctx, RETURN_CONFIRMATION_LABEL, confirmation.doc, confirmation.role));
  }
  return { ok: true, state: returned.state, prints, warnings };
}
