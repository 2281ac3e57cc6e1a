// Printing again from the dossier card, on any counter: the slip (Mẫu 01) and each fee receipt,
// rebuilt from the dossier's facts and marked "BẢN IN LẠI". A slip whose first print failed on
// another machine (the queue is per machine) is printed here from the same record. The original
// officer and counter sign it, never the one reprinting.
import { receiptLabel } from '../../../shared/codes';
import type { DossierEvent, DossierState, EventOf } from '../../../shared/domain';
import { feeReceiptFor, receivedOf, reprintAppointmentSlip, type DeskContext } from '../../desk/context';
import type { PrintDocument, PrintRole } from '../../desk/printouts';
import { routeFor } from '../../desk/printouts';
import type { Names } from '../../kiosk/names';
import type { DossierRow } from '../../db';

export type Reprint = { ok: true; what: string; doc: PrintDocument; role: PrintRole } | { ok: false; message: string };

/** The slip as the dossier stands: its current appointment (a re-set date included), the reception's papers. */
export function slipReprint(ctx: DeskContext, row: Pick<DossierRow, 'state' | 'registerYear' | 'registerNumber'>, events: readonly DossierEvent[], names: Names): Reprint {
  const state = row.state;
  const received = receivedOf(events);
  if (!received || !(state.newDueAt ?? state.dueAt)) {
    return { ok: false, message: 'Máy này chưa có dữ liệu tiếp nhận của hồ sơ (danh mục giấy tờ) nên chưa in lại được giấy hẹn. Hãy kết nối máy chủ Trung tâm rồi in lại.' };
  }
  const doc = reprintAppointmentSlip(ctx, row, received, { counterName: names.counter(received.counterId), officerName: names.officer(received.officerId) });
  if (!doc) return { ok: false, message: 'Hồ sơ chưa được tiếp nhận nên chưa có giấy hẹn.' };
  return { ok: true, what: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả (bản in lại)', doc, role: routeFor(ctx.printers, ['slip']).role };
}

/** The fee collections of the dossier, each a receipt that can be printed again. */
export function feeCollections(events: readonly DossierEvent[]): EventOf<'feeCollected'>[] {
  return events.filter((e): e is EventOf<'feeCollected'> => e.type === 'feeCollected');
}

/** A receipt again; one collected at reception prints the reception's fee lines, as the original did. */
export function receiptReprint(ctx: DeskContext, state: DossierState, fee: EventOf<'feeCollected'>, events: readonly DossierEvent[], names: Names): Reprint {
  const fees = receivedOf(events)?.payload.fees ?? [];
  const atReception = fees.length > 0 && fees.map((l) => l.name).join('; ') === fee.payload.feeName && fees.reduce((sum, l) => sum + l.amount, 0) === fee.payload.amount;
  const lines = atReception ? fees : undefined;
  const { doc, role } = feeReceiptFor(ctx, state, fee.payload, { at: fee.deviceTime, collectorName: names.officer(fee.officerId), lines, reprint: true });
  return { ok: true, what: `Biên lai ${receiptLabel(fee.payload.receipt)} (bản in lại)`, doc, role };
}
