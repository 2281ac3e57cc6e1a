// The accept path, one pure async function the screen and the benchmark both call: take the
// dossier number (and receipt number) from the counter's leases, record 'received' (and
// 'feeCollected') through recordCommand, then queue the slip and the receipt. Nothing is printed
// before the events are durable; a printer problem never undoes a recorded dossier.
import type { Procedure } from '../../../shared/catalogue';
import { vnDateKey } from '../../../shared/calendar';
import { dossierBarcodeKey, formatDossierCode, newStatusSecret } from '../../../shared/codes';
import type { DossierEvent, DossierRoute, EventOf } from '../../../shared/domain';
import { dossierSeqScope, receiptScope } from '../../../shared/sync/leases';
import { issueNumber, recordCommand, type RowWrite } from '../../db';
import { feeReceiptFor, newIdOf, nowOf, receptionSlip, type DeskContext, type PrintNote } from '../../desk/context';
import { dossierAppointment, processingSpan, type DossierAppointment } from './appointment';
import { expectedDeadlineAcross } from '../../desk/deadline';
import { receivedAcrossBoundaries } from '../../desk/catalogue';
import { receiptSeriesFor, receiptSetupProblem } from '../../desk/config';
import { applicantOf, collectionOf, decideFee, documentsProblem, receivedDocuments, routeChoiceErrors, validateApplicant, type FieldErrors, type ReceiveForm, type ReservedNumber } from './form';
import type { WorkCalendar } from '../../../shared/calendar';
import { routeFor, type PrintDocument } from '../../desk/printouts';

export type AcceptOutcome =
  | {
      ok: true;
      dossierId: string;
      code: string;
      barcodeKey: string;
      receivedAt: string;
      dueAt: string;
      receipt?: { formSymbol: string; series: string; number: number; amount: number };
      /** Vietnamese, for staff: a fallback number was used, a print could not be queued. */
      warnings: string[];
      prints: PrintNote[];
      slip: PrintDocument;
      /** Received across boundaries: its route, as recorded. */
      route?: DossierRoute;
    }
  | { ok: false; message: string; errors: FieldErrors };

const fail = (message: string, errors: FieldErrors = {}): AcceptOutcome => ({ ok: false, message, errors });

function yymmdd(dateKey: string): string {
  return dateKey.slice(2, 4) + dateKey.slice(5, 7) + dateKey.slice(8, 10);
}

/** Everything that must hold before a number is taken; the errors are keyed by form field. */
export function checkAcceptable(form: ReceiveForm, procedure: Procedure | undefined, now: Date, calendar: WorkCalendar): { message: string; errors: FieldErrors } | undefined {
  if (!procedure) return { message: 'Chưa chọn thủ tục hành chính.', errors: { procedure: 'Chưa chọn thủ tục hành chính.' } };
  const applicantErrors = validateApplicant(form.applicant, Number(vnDateKey(now).slice(0, 4)));
  if (Object.keys(applicantErrors).length > 0) return { message: 'Thông tin người nộp chưa hợp lệ: xem các ô được đánh dấu ở bước 2.', errors: applicantErrors };
  const documents = documentsProblem(form);
  if (documents) return documents;
  const fee = decideFee(form, procedure);
  if (!fee.ok) return { message: 'Phần phí, lệ phí chưa hợp lệ: xem bước 4.', errors: fee.errors };
  const collection = collectionOf(form);
  if (!collection.ok) return { message: 'Chưa có địa chỉ nhận kết quả qua bưu điện.', errors: collection.errors };
  const due = dossierAppointment(now, procedure, form, calendar);
  if (!due.ok) return due;
  return undefined;
}

const NO_DOSSIER_NUMBER = 'Quầy đã dùng hết số hồ sơ được cấp cho hôm nay, kể cả số dự phòng. Hãy kết nối mạng để nhận thêm số rồi tiếp nhận lại; thông tin đã nhập vẫn được giữ.';

/** Takes today's next dossier number from the counter's leases (or its fallback range). */
async function takeDossierNumber(ctx: DeskContext, dateKey: string): Promise<ReservedNumber | undefined> {
  const seq = await issueNumber(ctx.db, 'dossierSeq', dossierSeqScope(ctx.counter.agencyCode, yymmdd(dateKey)), ctx.counter.counterIndex);
  return seq ? { dateKey, seq: seq.number, from: seq.from } : undefined;
}

/** The dossier code of a number taken on `dateKey` at this counter. */
export function reservedDossierCode(ctx: Pick<DeskContext, 'counter'>, reserved: ReservedNumber): string {
  return formatDossierCode({ agency: ctx.counter.agencyCode, date: reserved.dateKey, seq: reserved.seq });
}

/**
 * The dossier number for a VietQR at the fee step, taken now so the transfer's content is the
 * dossier's own code; the form keeps it and `acceptDossier` uses it. A form discarded afterwards
 * leaves the number unused, as a lease's unused numbers are. Reuses today's reservation.
 */
export async function reserveDossierNumber(ctx: DeskContext, form: ReceiveForm): Promise<{ ok: true; reserved: ReservedNumber } | { ok: false; message: string }> {
  const dateKey = vnDateKey(nowOf(ctx));
  if (form.reserved?.dateKey === dateKey) return { ok: true, reserved: form.reserved };
  const reserved = await takeDossierNumber(ctx, dateKey);
  return reserved ? { ok: true, reserved } : { ok: false, message: NO_DOSSIER_NUMBER };
}

/** The route of a procedure this center receives across boundaries (its phi-địa-giới list): from here, to the center the applicant chose. */
export function routeOf(ctx: Pick<DeskContext, 'scope' | 'counter'>, form: Pick<ReceiveForm, 'route'>, procedure: Procedure): DossierRoute | undefined {
  if (!receivedAcrossBoundaries(ctx, procedure.code)) return undefined;
  return { receivingCenter: ctx.counter.agencyCode, transfer: form.route?.transfer ?? 'courier', returnCenter: form.route?.returnCenter ?? '' };
}

/**
 * By post across boundaries the time runs from the competent agency's receipt: the reception gives
 * the expected date (desk/deadline.ts), as the confirmation step shows it and the slip prints it.
 */
function withRoute(
  due: Extract<DossierAppointment, { ok: true }>,
  route: DossierRoute | undefined,
  procedure: Procedure,
  now: Date,
  calendar: WorkCalendar,
): Extract<DossierAppointment, { ok: true }> {
  const span = processingSpan(procedure);
  if (route?.transfer !== 'courier' || span === undefined || due.entered) return due;
  return { ...due, dueAt: expectedDeadlineAcross(now, span, calendar) };
}

/** The appointment the confirmation step shows: the one acceptance will record. */
export function receptionAppointment(ctx: DeskContext, form: ReceiveForm, procedure: Procedure, now: Date): DossierAppointment {
  const due = dossierAppointment(now, procedure, form, ctx.calendar);
  return due.ok ? withRoute(due, routeOf(ctx, form, procedure), procedure, now, ctx.calendar) : due;
}

/** Who is recording: a supervisor's entered appointment is recorded as theirs. */
export interface Recorder {
  supervisor: boolean;
}

/** Records the dossier (with its fee) and `also`, the rows the screen's command adds (its draft removed), then prints. */
export async function acceptDossier(
  ctx: DeskContext,
  form: ReceiveForm,
  procedure: Procedure | undefined,
  also: readonly RowWrite[] = [],
  recorder: Recorder = { supervisor: false },
): Promise<AcceptOutcome> {
  const now = nowOf(ctx);
  const dateKey = vnDateKey(now);
  const year = Number(dateKey.slice(0, 4));
  const problem = checkAcceptable(form, procedure, now, ctx.calendar);
  if (problem || !procedure) return fail(problem?.message ?? 'Chưa chọn thủ tục hành chính.', problem?.errors);
  const fee = decideFee(form, procedure);
  const collection = collectionOf(form);
  const due = dossierAppointment(now, procedure, form, ctx.calendar);
  if (!fee.ok || !collection.ok || !due.ok) return fail('Phần phí, nơi nhận kết quả hoặc ngày hẹn trả chưa hợp lệ.');
  const routeErrors = routeChoiceErrors(form, receivedAcrossBoundaries(ctx, procedure.code));
  if (routeErrors.routeReturn) return fail(routeErrors.routeReturn, routeErrors);
  // A fee collected here needs a receipt, and a receipt the unit's tax code: refuse before any number is taken.
  const taxProblem = fee.value.collectHere ? receiptSetupProblem(ctx.config, year) : undefined;
  if (taxProblem) return fail(taxProblem, { fee: taxProblem });
  const warnings: string[] = [];

  // The number shown in the fee step's VietQR, when it was taken today; otherwise the next one.
  const seq = form.reserved?.dateKey === dateKey ? form.reserved : await takeDossierNumber(ctx, dateKey);
  if (!seq) return fail(NO_DOSSIER_NUMBER);
  if (seq.from === 'fallback') warnings.push(`Quầy đang mất kết nối và đã hết số được cấp trước: mã hồ sơ lấy từ dải số dự phòng của quầy (số ${seq.seq}). Hãy kết nối mạng sớm để nhận thêm số.`);
  if (form.reserved && form.reserved !== seq && form.fee.method === 'transfer')
    warnings.push(
      `Mã VietQR đã hiện với nội dung chuyển khoản ${reservedDossierCode(ctx, form.reserved)} (số cấp ngày ${form.reserved.dateKey}); hồ sơ được tiếp nhận hôm nay với mã khác. Hãy ghi chú để đối soát khoản chuyển khoản.`,
    );

  let receipt: { formSymbol: string; series: string; number: number; amount: number } | undefined;
  if (fee.value.collectHere) {
    const series = receiptSeriesFor(ctx.config, year);
    const n = await issueNumber(ctx.db, 'receipt', receiptScope(ctx.config.receiptFormSymbol, series), ctx.counter.counterIndex);
    if (!n) return fail('Quầy đã dùng hết số biên lai được cấp, kể cả số dự phòng. Hãy kết nối mạng để nhận thêm số biên lai.');
    if (n.from === 'fallback') warnings.push(`Biên lai lấy số từ dải dự phòng của quầy (số ${n.number}) vì quầy đã hết số được cấp khi mất kết nối.`);
    receipt = { formSymbol: ctx.config.receiptFormSymbol, series, number: n.number, amount: fee.value.total };
  }

  const code = reservedDossierCode(ctx, seq);
  const barcodeKey = dossierBarcodeKey({ agencyIndex: ctx.config.agencyIndex, date: dateKey, seq: seq.seq });
  // A reception that continues a supplement request (Mẫu 02) receives that same dossier.
  const dossierId = form.resumes?.dossierId ?? newIdOf(ctx);
  const applicant = applicantOf(form.applicant);
  const documents = receivedDocuments(form);
  const receivedAt = now.toISOString();
  const route = routeOf(ctx, form, procedure);
  const dueAt = withRoute(due, route, procedure, now, ctx.calendar).dueAt.toISOString();
  const processingDays = due.processingDays;
  // The status page's key, made here offline and printed only in the slip's QR (shared/codes statusSecret.ts).
  const statusSecret = newStatusSecret();
  const received: EventOf<'received'> = {
    ...ctx.eventMeta(dossierId),
    type: 'received',
    payload: {
      code,
      procedureCode: procedure.code,
      procedureName: procedure.name,
      departmentId: procedure.departmentId,
      applicant,
      documents,
      sets: form.sets,
      processingDays,
      receivedAt,
      dueAt,
      collection: collection.value,
      fees: fee.value.lines,
      ...(due.entered ? { deadlineEntered: { by: ctx.officerName, supervisor: recorder.supervisor, reason: due.entered.reason } } : {}),
      statusSecret,
      ...(route ? { route } : {}),
    },
  };
  const paid = receipt ?? (fee.value.onlineReceipt ? { ...fee.value.onlineReceipt, amount: fee.value.total } : undefined);
  const feeCollected: DossierEvent[] = paid
    ? [
        {
          ...ctx.eventMeta(dossierId),
          type: 'feeCollected',
          payload: {
            receipt: { formSymbol: paid.formSymbol, series: paid.series, number: paid.number },
            amount: paid.amount,
            method: form.fee.method,
            feeName: fee.value.lines.map((l) => l.name).join('; '),
          },
        },
      ]
    : [];
  // Received and paid are one desk command: both facts are durable together, or neither is.
  const recorded = await recordCommand(ctx.db, [received, ...feeCollected], also);
  if (!recorded.ok) return fail(recorded.error.message);

  const prints: PrintNote[] = [];
  const slip = receptionSlip(ctx, recorded.state, received);
  const slipQueued = await ctx.print(slip, { role: routeFor(ctx.printers, ['slip']).role, copies: ctx.config.slipCopies });
  prints.push({ what: 'Giấy tiếp nhận và hẹn trả kết quả', ok: slipQueued.ok, message: slipQueued.ok ? undefined : slipQueued.message });
  const collected = feeCollected[0];
  if (receipt && collected?.type === 'feeCollected') {
    const { doc, role } = feeReceiptFor(ctx, { code, applicant }, collected.payload, { at: receivedAt, collectorName: ctx.officerName, lines: fee.value.lines });
    const queued = await ctx.print(doc, { role, copies: 1 });
    prints.push({ what: 'Biên lai thu phí, lệ phí', ok: queued.ok, message: queued.ok ? undefined : queued.message });
  }
  return { ok: true, dossierId, code, barcodeKey, receivedAt, dueAt, receipt, warnings, prints, slip, ...(route ? { route } : {}) };
}
