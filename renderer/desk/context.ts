// The one desk context: what every desk command needs (receiving, return, tracking, stop), passed
// in so the commands run the same on screen, in tests and in benchmarks: the database, event
// metadata, the Center's configuration and calendar, printers and the print queue, this counter.
import { closingOn, fromVnLocal, openingHoursText, vnDateKey, vnDayNumber, type WorkCalendar } from '../../shared/calendar';
import type { CenterContact, FeeReceiptLine, SlipRegister, SlipReissueReason } from '../../shared/documents';
import { barcodeKeyForCode } from '../../shared/codes';
import { centerLabel, formatVietnamDate, type DossierEvent, type DossierState, type EventMeta, type PayloadOf } from '../../shared/domain';
import type { PrinterConfig } from '../../shared/host';
import type { CenterScope } from '../../shared/sync/protocol';
import type { MotCuaDb } from '../db';
import type { EnqueueResult } from '../print/queue';
import { agencyTableFor, deskPlaceOf, receiptUnitOf, type CenterConfig } from './config';
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
  /** A center of the province by its agency code (catalogue kind `center`), for a dossier received across boundaries. */
  centerName?(agencyCode: string): string | undefined;
  /** This center's procedure scope and phi-địa-giới list (desk/catalogue.ts). */
  scope?: CenterScope;
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

/**
 * Reads a new appointment date typed as `YYYY-MM-DD` (an <input type="date">): it must be a
 * working day after today. Returns the ISO instant, or the Vietnamese message for the field.
 */
export function parseAppointmentDate(text: string, calendar: WorkCalendar, now: Date): { ok: true; at: string } | { ok: false; message: string } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return { ok: false, message: text.trim() === '' ? 'Chưa nhập ngày hẹn mới (ngày/tháng/năm).' : `«${text.trim()}» không phải một ngày có thật; viết ngày/tháng/năm, ví dụ 20/03/2026.` };
  let at: Date;
  try {
    // A date chosen at the desk is due when that day's office hours end: the same rule as the original appointment (appointmentTime).
    at = closingOn(vnDayNumber(fromVnLocal(Number(m[1]), Number(m[2]), Number(m[3]))), calendar);
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

/** What the slip prints for the citizen to come back: the Center's address, hotline, website and office hours (configuration; the hours else the calendar's sessions). */
export function centerContact(ctx: Pick<DeskContext, 'config' | 'calendar'>): CenterContact {
  return { address: ctx.config.address, hotline: ctx.config.hotline, website: ctx.config.website, openingHours: ctx.config.openingHours || openingHoursText(ctx.calendar) };
}

/** The register line the server gave the dossier's reception, when this counter has heard it. */
export function slipRegister(row: { registerYear?: number; registerNumber?: number } | undefined): SlipRegister | undefined {
  return row?.registerNumber !== undefined && row.registerYear !== undefined ? { year: row.registerYear, number: row.registerNumber } : undefined;
}

/** Where the citizen collects the result at a desk: this Center's desk, or the center chosen for a dossier received across boundaries. */
function returnPlace(ctx: DeskContext, state: DossierState): string {
  const chosen = state.route?.returnCenter;
  if (!chosen || chosen === ctx.counter.agencyCode) return ctx.config.deskPlace;
  return deskPlaceOf(centerLabel(chosen, ctx.centerName?.(chosen)));
}

/** Who hands the citizen a slip, and why: the receiving officer's original (or its reprint), or a reissue after a correction or an apology. */
type SlipIssue = { kind: 'original'; officerName: string; counterName: string; reprint: boolean } | { kind: 'reissue'; reason: SlipReissueReason };

/** The appointment slip (Mẫu 01) of a recorded dossier, for the slip printer's paper; undefined without a code or an applicant. */
function dossierSlip(
  ctx: DeskContext,
  state: DossierState,
  appointmentAt: string,
  received: Extract<DossierEvent, { type: 'received' }> | undefined,
  register: SlipRegister | undefined,
  issue: SlipIssue,
): PrintDocument | undefined {
  if (!state.code || !state.applicant) return undefined;
  const route = routeFor(ctx.printers, ['slip']);
  return appointmentSlip(
    {
      agency: ctx.config.agency,
      dossierCode: state.code,
      // The numeric key reads back through the agency table of the center that printed it; the return desk of another center reads the QR.
      barcodeKey: state.route && state.route.returnCenter !== ctx.counter.agencyCode ? undefined : barcodeKeyFor(ctx, state.code),
      applicant: slipApplicant(state.applicant),
      procedureName: state.procedureName ?? '',
      documents: received?.payload.documents ?? [],
      setCount: received?.payload.sets ?? 1,
      processingDays: received?.payload.processingDays ?? 0,
      receivedAt: state.receivedAt ?? appointmentAt,
      appointmentAt,
      collect: state.collection?.method === 'post' ? state.collection : { method: 'desk', place: returnPlace(ctx, state) },
      acrossBoundaries: state.route && { transfer: state.route.transfer, dueExpected: state.dueExpected === true },
      register,
      statusPageUrl: ctx.config.statusPageUrl,
      statusSecret: state.statusSecret,
      center: centerContact(ctx),
      reissue: issue.kind === 'reissue' ? { reason: issue.reason, issuedAt: nowOf(ctx).toISOString() } : undefined,
      counterName: issue.kind === 'original' ? issue.counterName : ctx.counter.counterName,
      officerName: issue.kind === 'original' ? issue.officerName : ctx.officerName,
    },
    { layout: route.layout, formSet: ctx.config.formSet, reprint: issue.kind === 'original' && issue.reprint },
  );
}

/**
 * The slip (Mẫu 01) the receiving officer hands over at reception, built from the dossier as just
 * recorded: the same builder as its reprints, so a reprint differs only by its mark.
 */
export function receptionSlip(ctx: DeskContext, state: DossierState, received: Extract<DossierEvent, { type: 'received' }>): PrintDocument {
  const slip = dossierSlip(ctx, state, received.payload.dueAt, received, undefined, { kind: 'original', officerName: ctx.officerName, counterName: ctx.counter.counterName, reprint: false });
  if (!slip) throw new Error(`receptionSlip: hồ sơ ${received.dossierId} chưa có mã hoặc người nộp.`);
  return slip;
}

/**
 * A new appointment slip (Mẫu 01) after an apology or a correction: same dossier, the new date,
 * marked as reissued and signed by this officer, who issues it; the register line when known.
 */
export function newAppointmentSlip(
  ctx: DeskContext,
  state: DossierState,
  newDueAt: string,
  received?: Extract<DossierEvent, { type: 'received' }>,
  reissue: { reason: SlipReissueReason; register?: SlipRegister } = { reason: 'correction' },
): PrintDocument | undefined {
  return dossierSlip(ctx, state, newDueAt, received, reissue.register, { kind: 'reissue', reason: reissue.reason });
}

/**
 * The original slip again ("BẢN IN LẠI") as the dossier stands (its current appointment), signed by
 * the officer and counter that received it, never the one reprinting; the register line once known.
 */
export function reprintAppointmentSlip(
  ctx: DeskContext,
  row: { state: DossierState; registerYear?: number; registerNumber?: number },
  received: Extract<DossierEvent, { type: 'received' }>,
  signer: { officerName: string; counterName: string },
): PrintDocument | undefined {
  const appointmentAt = row.state.newDueAt ?? row.state.dueAt;
  if (!appointmentAt) return undefined;
  return dossierSlip(ctx, row.state, appointmentAt, received, slipRegister(row), { kind: 'original', ...signer, reprint: true });
}

/** The fee receipt of one collection (a feeCollected fact at `issued.at`), to print now or again (`reprint`): each fee on its line. */
export function feeReceiptFor(
  ctx: DeskContext,
  state: Pick<DossierState, 'code' | 'applicant'>,
  fee: PayloadOf<'feeCollected'>,
  issued: { at: string; collectorName: string; payerName?: string; lines?: FeeReceiptLine[]; reprint?: boolean },
): { doc: PrintDocument; role: PrintRole } {
  const route = routeFor(ctx.printers, ['receipt', 'slip']);
  const doc = feeReceipt(
    {
      unitName: receiptUnitOf(ctx.config),
      unitTaxCode: ctx.config.unitTaxCode,
      formSymbol: fee.receipt.formSymbol,
      series: fee.receipt.series,
      number: fee.receipt.number,
      payerName: issued.payerName ?? state.applicant?.name ?? '',
      payerAddress: state.applicant?.address,
      dossierCode: state.code,
      lines: issued.lines ?? [{ name: fee.feeName, amount: fee.amount }],
      issuedAt: issued.at,
      collectorName: issued.collectorName,
      lookupUrl: ctx.config.receiptLookupUrl,
      paymentMethod: fee.method,
      transferTo: ctx.config.bankAccount,
    },
    { layout: route.layout, formSet: ctx.config.formSet, reprint: issued.reprint ?? false },
  );
  return { doc, role: route.role };
}
