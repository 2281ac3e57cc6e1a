// The one desk context: what every desk command needs (receiving, return, tracking, stop), passed
// in so the commands run the same on screen, in tests and in benchmarks: the database, event
// metadata, the Center's configuration and calendar, printers and the print queue, this counter.
import { fromVnLocal, vnDateKey, type WorkCalendar } from '../../shared/calendar';
import { barcodeKeyForCode } from '../../shared/codes';
import { formatVietnamDate, type DossierEvent, type DossierState, type EventMeta, type PayloadOf } from '../../shared/domain';
import type { PrinterConfig } from '../../shared/host';
import type { MotCuaDb } from '../db';
import type { EnqueueResult } from '../print/queue';
import { agencyTableFor, type CenterConfig } from './config';
import { appointmentSlip, feeReceipt, routeFor, slipApplicant, type PrintDocument, type PrintRole } from './printouts';

export type { EnqueueResult };

export interface DeskContext {
  db: MotCuaDb;
  eventMeta(dossierId: string): EventMeta;
  config: CenterConfig;
  calendar: WorkCalendar;
  printers: readonly PrinterConfig[];
  print(doc: PrintDocument, options: { role: PrintRole; copies?: number }): Promise<EnqueueResult>;
  counter: { agencyCode: string; counterIndex: number; counterName: string };
  officerName: string;
  /** A department's name from the catalogue, undefined when the catalogue does not know it. */
  departmentName(id: string): string | undefined;
  now?: () => Date;
  newId?: () => string;
}

export interface PrintNote {
  what: string;
  ok: boolean;
  message?: string;
}

export type FieldErrors = Record<string, string>;

export type DeskOutcome = { ok: true; state: DossierState; prints: PrintNote[]; warnings: string[] } | { ok: false; message: string; errors: FieldErrors };

export const nowOf = (ctx: Pick<DeskContext, 'now'>): Date => (ctx.now ?? (() => new Date()))();

export const newIdOf = (ctx: Pick<DeskContext, 'newId'>): string => (ctx.newId ?? (() => crypto.randomUUID()))();

/** Results are handed out at the end of the working day: a new date means 17:00 Vietnam time. */
const APPOINTMENT_HOUR = 17;

/**
 * Reads a new appointment date typed as `YYYY-MM-DD` (an <input type="date">): it must be a
 * working day after today. Returns the ISO instant, or the Vietnamese message for the field.
 */
export function parseAppointmentDate(text: string, calendar: WorkCalendar, now: Date): { ok: true; at: string } | { ok: false; message: string } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return { ok: false, message: text.trim() === '' ? 'Chưa nhập ngày hẹn mới (ngày/tháng/năm).' : `«${text.trim()}» không phải một ngày có thật; viết ngày/tháng/năm, ví dụ 20/03/2026.` };
  let at: Date;
  try {
    at = fromVnLocal(Number(m[1]), Number(m[2]), Number(m[3]), APPOINTMENT_HOUR, 0);
  } catch {
    return { ok: false, message: 'Ngày hẹn mới không có thật trong lịch.' };
  }
  const key = text.trim();
  if (key <= vnDateKey(now)) return { ok: false, message: 'Ngày hẹn mới phải sau hôm nay.' };
  if (!calendar.isWorkingDateKey(key)) return { ok: false, message: `Ngày ${formatVietnamDate(at.toISOString())} là ngày nghỉ; hãy chọn một ngày làm việc.` };
  return { ok: true, at: at.toISOString() };
}

export async function enqueue(ctx: DeskContext, what: string, doc: PrintDocument, role: PrintRole, copies?: number): Promise<PrintNote> {
  const queued = await ctx.print(doc, { role, copies });
  return { what, ok: queued.ok, message: queued.ok ? undefined : queued.message };
}

/** The 'received' event of a dossier from a trail, for what the new slip repeats (documents, sets). */
export function receivedOf(events: readonly DossierEvent[]): Extract<DossierEvent, { type: 'received' }> | undefined {
  return events.find((e): e is Extract<DossierEvent, { type: 'received' }> => e.type === 'received');
}

/**
 * The numeric key printed as CODE128 on rolls: one that the counters' agency table reads back to
 * this very code, or undefined (another agency's code, the central shape) and the roll has no 1D symbol.
 */
export function barcodeKeyFor(ctx: Pick<DeskContext, 'config' | 'counter'>, code: string): string | undefined {
  return barcodeKeyForCode(code, agencyTableFor(ctx.config, ctx.counter.agencyCode));
}

/** Who signed a document printed again from the record: the officer and counter of the original step, not the one reprinting. */
export interface ReprintOf {
  counterName: string;
  officerName: string;
  /** The register number the server gave since (Mẫu 06), printed instead of "được cấp khi đồng bộ". */
  register?: { book: string; seq: number };
}

/**
 * An appointment slip (Mẫu 01): after an apology or a correction, the new date; reprinted from the
 * card (`reprint`), the current date with the receiving officer and counter, marked "BẢN IN LẠI".
 */
export function newAppointmentSlip(ctx: DeskContext, state: DossierState, newDueAt: string, received?: Extract<DossierEvent, { type: 'received' }>, reprint?: ReprintOf): PrintDocument | undefined {
  if (!state.code || !state.applicant) return undefined;
  const barcodeKey = barcodeKeyFor(ctx, state.code);
  const route = routeFor(ctx.printers, ['slip']);
  return appointmentSlip(
    {
      agency: ctx.config.agency,
      dossierCode: state.code,
      barcodeKey,
      applicant: slipApplicant(state.applicant),
      procedureName: state.procedureName ?? '',
      documents: received?.payload.documents ?? [],
      setCount: received?.payload.sets ?? 1,
      processingDays: received?.payload.processingDays ?? 0,
      receivedAt: state.receivedAt ?? newDueAt,
      appointmentAt: newDueAt,
      collect: state.collection?.method === 'post' ? state.collection : { method: 'desk', place: ctx.config.deskPlace },
      statusPageUrl: ctx.config.statusPageUrl,
      register: reprint?.register,
      counterName: reprint?.counterName ?? ctx.counter.counterName,
      officerName: reprint?.officerName ?? ctx.officerName,
    },
    { layout: route.layout, formSet: ctx.config.formSet, reprint: reprint !== undefined },
  );
}

/** The fee receipt of one collection (a feeCollected fact at `issuedAt`), to print now or again (`reprint`). */
export function feeReceiptFor(
  ctx: DeskContext,
  state: DossierState,
  fee: PayloadOf<'feeCollected'>,
  issued: { at: string; collectorName: string; payerName?: string; reprint?: boolean },
): { doc: PrintDocument; role: PrintRole } {
  const route = routeFor(ctx.printers, ['receipt', 'slip']);
  const doc = feeReceipt(
    {
      unitName: ctx.config.unitName,
      unitTaxCode: ctx.config.unitTaxCode,
      formSymbol: fee.receipt.formSymbol,
      series: fee.receipt.series,
      number: fee.receipt.number,
      payerName: issued.payerName ?? state.applicant?.name ?? '',
      payerAddress: state.applicant?.address,
      dossierCode: state.code,
      feeName: fee.feeName,
      amount: fee.amount,
      issuedAt: issued.at,
      collectorName: issued.collectorName,
    },
    { layout: route.layout, formSet: ctx.config.formSet, reprint: issued.reprint ?? false },
  );
  return { doc, role: route.role };
}
