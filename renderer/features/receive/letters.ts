// Sending a citizen away with written reasons: the supplement request (Mẫu 02, everything missing
// listed at once, a reason and a contact) and the refusal (Mẫu 03, specific reasons). Both are
// facts before the dossier is received, so they carry no official code; the printed letter shows
// a counter reference made of the date and the dossier id instead.
import type { Procedure } from '../../../shared/catalogue';
import type { DocumentOptions, RefusalData } from '../../../shared/documents';
import type { Applicant } from '../../../shared/domain';
import { vnDateKey } from '../../../shared/calendar';
import { normalizePhone } from '../../../shared/codes';
import { recordCommand, type RowWrite } from '../../db';
import { newIdOf, nowOf, type DeskContext, type EnqueueResult, type PrintNote } from '../../desk/context';
import { applicantOf, missingDocuments, receivedDocuments, validateApplicant, type FieldErrors, type ReceiveForm } from './form';
import { refusal, routeFor, slipApplicant, supplementRequest, type PrintDocument } from '../../desk/printouts';

/** What both letters head with: the Center, the dateline, the counter reference, the applicant and the procedure. */
type LetterHead = Omit<RefusalData, 'reasons' | 'officerName'>;

export type LetterOutcome = { ok: true; dossierId: string; reference: string; document: PrintDocument; prints: PrintNote[] } | { ok: false; message: string; errors: FieldErrors };

/** ASCII only, so a sheet prints it as a barcode: `BS-260112-1A2B3C4D` (BS = bổ sung, TC = từ chối). */
export function letterReference(kind: 'BS' | 'TC', dateKey: string, dossierId: string): string {
  return `${kind}-${dateKey.slice(2, 4)}${dateKey.slice(5, 7)}${dateKey.slice(8, 10)}-${dossierId.replace(/-/g, '').slice(0, 8).toUpperCase()}`;
}

/** The lines the letter lists: every missing document with what the officer wrote, or its shortfall. */
/** The supplement request's number as printed or typed (`BS-260112-1A2B3C4D`, any case, spaces around), or undefined. */
export function parseSupplementReference(text: string): { reference: string; idPrefix: string } | undefined {
  const m = /^BS-(\d{6})-([0-9A-F]{8})$/.exec(text.trim().toUpperCase());
  return m ? { reference: m[0], idPrefix: m[2]!.toLowerCase() } : undefined;
}

export function supplementItems(form: ReceiveForm): { document: string; requirement: string }[] {
  return missingDocuments(form).map((m) => ({ document: m.name, requirement: form.supplement.requirements[m.name]?.trim() || `Nộp bổ sung (${m.shortfall.toLowerCase()})` }));
}

export function checkSupplement(form: ReceiveForm, procedure: Procedure | undefined, year: number): FieldErrors {
  const errors: FieldErrors = { ...validateApplicant(form.applicant, year) };
  if (!procedure) errors.procedure = 'Chưa chọn thủ tục hành chính.';
  if (supplementItems(form).length === 0) errors.supplementItems = 'Không có giấy tờ nào thiếu: bỏ đánh dấu giấy tờ chưa nộp hoặc tiếp nhận hồ sơ.';
  if (form.supplement.reason.trim() === '') errors.supplementReason = 'Phải ghi rõ lý do yêu cầu bổ sung; mọi yêu cầu phải bằng văn bản.';
  const phone = normalizePhone(form.supplement.contactPhone);
  if (!phone.ok) errors.contactPhone = `Số điện thoại liên hệ của cán bộ: ${phone.error.message}`;
  return errors;
}

export function refusalReasons(form: ReceiveForm): string[] {
  return form.refusal.reasons
    .split('\n')
    .map((r) => r.trim())
    .filter((r) => r !== '');
}

export function checkRefusal(form: ReceiveForm, procedure: Procedure | undefined, year: number): FieldErrors {
  const errors: FieldErrors = { ...validateApplicant(form.applicant, year) };
  if (!procedure) errors.procedure = 'Chưa chọn thủ tục hành chính.';
  if (refusalReasons(form).length === 0) errors.refusalReasons = 'Phải ghi rõ lý do từ chối cụ thể (mỗi lý do một dòng); mọi yêu cầu phải bằng văn bản.';
  return errors;
}

/** Both letters after their fact is recorded: the counter reference, the head they share, queued on the form printer. */
async function printLetter(
  ctx: DeskContext,
  letter: { kind: 'BS' | 'TC'; what: string; at: Date; dossierId: string; applicant: Applicant; procedure: Procedure },
  render: (head: LetterHead, options: DocumentOptions) => PrintDocument,
): Promise<LetterOutcome> {
  const reference = letterReference(letter.kind, vnDateKey(letter.at), letter.dossierId);
  const route = routeFor(ctx.printers, ['form', 'slip']);
  const issuedAt = letter.at.toISOString();
  const document = render(
    { agency: ctx.config.agency, place: ctx.config.place, issuedAt, dossierCode: reference, applicant: slipApplicant(letter.applicant), procedureName: letter.procedure.name, receivedAt: issuedAt },
    { layout: route.layout, formSet: ctx.config.formSet },
  );
  const queued: EnqueueResult = await ctx.print(document, { role: route.role, copies: 1 });
  return { ok: true, dossierId: letter.dossierId, reference, document, prints: [{ what: letter.what, ok: queued.ok, message: queued.ok ? undefined : queued.message }] };
}

export async function issueSupplementRequest(ctx: DeskContext, form: ReceiveForm, procedure: Procedure | undefined, also: readonly RowWrite[] = []): Promise<LetterOutcome> {
  const now = nowOf(ctx);
  const dateKey = vnDateKey(now);
  const errors = checkSupplement(form, procedure, Number(dateKey.slice(0, 4)));
  if (Object.keys(errors).length > 0 || !procedure) return { ok: false, message: 'Chưa lập được phiếu yêu cầu bổ sung: xem các ô được đánh dấu.', errors };
  const dossierId = newIdOf(ctx);
  const applicant = applicantOf(form.applicant);
  const items = supplementItems(form);
  const contact = { officerName: ctx.officerName, phone: normalizePhone(form.supplement.contactPhone).ok ? form.supplement.contactPhone.trim() : '' };
  const recorded = await recordCommand(
    ctx.db,
    [
      {
        ...ctx.eventMeta(dossierId),
        type: 'supplementRequested',
        payload: {
          by: 'counter',
          items: items.map((i) => `${i.document}: ${i.requirement}`),
          reason: form.supplement.reason.trim(),
          contact,
          applicant,
          procedureCode: procedure.code,
          // What the reception needs to go on when the citizen comes back with the papers.
          documents: receivedDocuments(form),
          missing: items.map((i) => i.document),
        },
      },
    ],
    also,
  );
  if (!recorded.ok) return { ok: false, message: recorded.error.message, errors: {} };
  return printLetter(ctx, { kind: 'BS', what: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ', at: now, dossierId, applicant, procedure }, (head, options) =>
    supplementRequest({ ...head, items, reason: form.supplement.reason.trim(), contact }, options),
  );
}

export async function issueRefusal(ctx: DeskContext, form: ReceiveForm, procedure: Procedure | undefined, also: readonly RowWrite[] = []): Promise<LetterOutcome> {
  const now = nowOf(ctx);
  const dateKey = vnDateKey(now);
  const errors = checkRefusal(form, procedure, Number(dateKey.slice(0, 4)));
  if (Object.keys(errors).length > 0 || !procedure) return { ok: false, message: 'Chưa lập được phiếu từ chối: xem các ô được đánh dấu.', errors };
  const dossierId = newIdOf(ctx);
  const applicant = applicantOf(form.applicant);
  const reasons = refusalReasons(form);
  const recorded = await recordCommand(ctx.db, [{ ...ctx.eventMeta(dossierId), type: 'refused', payload: { by: 'counter', reasons, applicant, procedureCode: procedure.code } }], also);
  if (!recorded.ok) return { ok: false, message: recorded.error.message, errors: {} };
  return printLetter(ctx, { kind: 'TC', what: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ', at: now, dossierId, applicant, procedure }, (head, options) =>
    refusal({ ...head, reasons, officerName: ctx.officerName }, options),
  );
}
