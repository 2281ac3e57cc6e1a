// Printing again from the dossier card, on any counter: the slip (Mẫu 01) and each fee receipt,
// rebuilt from the dossier's facts and marked "BẢN IN LẠI". A slip whose first print failed on
// another machine (the queue is per machine) is printed here from the same record. The original
// officer and counter sign it, never the one reprinting.
import { feeReceiptNumber } from '../../../shared/documents';
import type { DossierEvent, DossierState, EventOf } from '../../../shared/domain';
import { feeReceiptFor, newAppointmentSlip, receivedOf, type DeskContext } from '../../desk/context';
import type { PrintDocument, PrintRole } from '../../desk/printouts';
import { routeFor } from '../../desk/printouts';
import type { Names } from '../../kiosk/names';
import type { DossierRow } from '../../db';

export type Reprint = { ok: true; what: string; doc: PrintDocument; role: PrintRole } | { ok: false; message: string };

/** The slip as the dossier stands: its current appointment (a re-set date included), the reception's papers. */
export function slipReprint(ctx: DeskContext, row: Pick<DossierRow, 'state' | 'registerYear' | 'registerNumber'>, events: readonly DossierEvent[], names: Names): Reprint {
  const state = row.state;
  const register = row.registerNumber !== undefined && row.registerYear !== undefined ? { book: String(row.registerYear), seq: row.registerNumber } : undefined;
  const received = receivedOf(events);
  const due = state.newDueAt ?? state.dueAt;
  if (!received || !due) {
    return { ok: false, message: 'Máy này chưa có dữ liệu tiếp nhận của hồ sơ (danh mục giấy tờ) nên chưa in lại được giấy hẹn. Hãy kết nối máy chủ Trung tâm rồi in lại.' };
  }
  const doc = newAppointmentSlip(ctx, state, due, received, { counterName: names.counter(received.counterId), officerName: names.officer(received.officerId), register });
  if (!doc) return { ok: false, message: 'Hồ sơ chưa được tiếp nhận nên chưa có giấy hẹn.' };
  return { ok: true, what: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả (bản in lại)', doc, role: routeFor(ctx.printers, ['slip']).role };
}

/** The fee collections of the dossier, each a receipt that can be printed again. */
export function feeCollections(events: readonly DossierEvent[]): EventOf<'feeCollected'>[] {
  return events.filter((e): e is EventOf<'feeCollected'> => e.type === 'feeCollected');
}

export function receiptReprint(ctx: DeskContext, state: DossierState, fee: EventOf<'feeCollected'>, names: Names): Reprint {
  const { doc, role } = feeReceiptFor(ctx, state, fee.payload, { at: fee.deviceTime, collectorName: names.officer(fee.officerId), reprint: true });
  return { ok: true, what: `Biên lai ${fee.payload.receipt.series} số ${feeReceiptNumber(fee.payload.receipt.number)} (bản in lại)`, doc, role };
}
