// Batches between centers (NĐ 309/2026 routes): the papers of a dossier received across boundaries
// go from the center holding them to another center (the competent agency's), and a result taken in
// at one center goes on to the center the applicant collects at. Outgoing, a scan puts the dossier
// in the open batch and closing records "sent to center" (outbound.ts closeOutboundBatch); incoming,
// each scan records its arrival here at once, and what this center cannot take goes to the
// supervisor's list as refused results do (inbound.ts). Same batches, same scan transaction.
import type { ScanClassification } from '../../../shared/codes';
import { CARGO_LABELS, capitalised, DOSSIER_STATUSES, heldElsewhere, isAllowed, STATUS_LABELS, type CenterCargo, type DossierEvent, type DossierState } from '../../../shared/domain';
import type { CenterInfo } from '../../../shared/sync/protocol';
import { sortedCenters } from '../../desk/catalogue';
import type { HandoffBatch } from './batch';
import { recordInBatch, refuseUnknown, rejecter } from './inbound';
import type { MetaFor, ScanVerdict } from './outbound';
import { inScanTransaction, type ScanSession } from './scanTransaction';

/** A center's name by agency code, always as text ("trung tâm mã …" when the catalogue does not know it). */
export type CenterNamer = (agencyCode: string) => string;

/** «Kết quả giải quyết», «Giấy tờ hồ sơ»: what a batch carries, as a heading or a record's field says it. */
export function cargoTitle(cargo: CenterCargo): string {
  return capitalised(CARGO_LABELS[cargo]);
}

/** The province's other centers, this one left out, in list order: where a batch between centers can go or come from. */
export function otherCenters(centers: Iterable<CenterInfo>, own: string): CenterInfo[] {
  return sortedCenters(centers, own).filter((c) => c.agencyCode !== own);
}

/** What a batch between centers carries of a dossier in this status, if it can carry it at all. */
export function cargoOf(status: DossierState['status']): CenterCargo | undefined {
  return isAllowed(status, 'sentToCenter', 'papers') ? 'papers' : isAllowed(status, 'sentToCenter', 'result') ? 'result' : undefined;
}

/** What a batch between centers carries of a dossier on the way or just arrived: its result once there is one, else its papers. */
export function tripCargo(status: DossierState['status']): CenterCargo {
  return status === 'resultInTransit' || status === 'resultReady' ? 'result' : 'papers';
}

/**
 * Why a dossier received across boundaries is not at `ownCenter` (held at another center, or on its
 * way between centers), for a scan that would send it from here; undefined when it is here or unknown.
 */
export function notHeldHere(state: DossierState, ownCenter: string, centerName: CenterNamer): string | undefined {
  if (!state.route) return undefined;
  if (state.boundFor !== undefined) return `đang chuyển đến ${centerName(state.boundFor)}, không ở trung tâm này.`;
  if (heldElsewhere(state, ownCenter)) return `đang ở ${centerName(state.heldAt)}, không ở trung tâm này: chỉ trung tâm đang giữ hồ sơ mới chuyển đi được.`;
  return undefined;
}

/** The statuses from which a dossier can leave in this batch between centers. */
const canLeaveIn = (batch: HandoffBatch) => DOSSIER_STATUSES.filter((s) => isAllowed(s, 'sentToCenter', batch.carried));

/**
 * Puts a scanned dossier into the open batch to another center. It must be received across
 * boundaries, held here (or where unknown), in a status its cargo can leave from, and a result must
 * go to the center the applicant chose. `ownCenter`: the agency code of the center this counter serves.
 */
export async function scanIntoCenterBatch(
  session: ScanSession,
  batchId: string,
  classification: ScanClassification,
  agencyTable: readonly string[],
  ownCenter: string,
  centerName: CenterNamer,
): Promise<ScanVerdict> {
  return inScanTransaction(session, ['dossiers', 'batches'], batchId, classification, agencyTable, canLeaveIn, ({ batch, found }, write) => {
    if (!batch || batch.state !== 'open' || batch.centerCode === undefined || batch.direction !== 'toDepartment') throw new Error(`Lô ${batchId} không còn mở để quét.`);
    if (found.kind !== 'dossier') return { outcome: found.kind, message: found.message, batch };
    const { row, code } = found;
    const { state } = row;
    const to = centerName(batch.centerCode);
    if (batch.dossierIds.includes(row.id)) return { outcome: 'duplicate', message: `${code} đã có trong lô này.`, dossier: row, batch };
    if (!state.route) {
      return { outcome: 'wrongDepartment', message: `${code} không tiếp nhận phi địa giới: không chuyển sang trung tâm khác. Để riêng hồ sơ này.`, dossier: row, batch };
    }
    const elsewhere = notHeldHere(state, ownCenter, centerName);
    if (elsewhere) return { outcome: 'wrongState', message: `${code} ${elsewhere}`, dossier: row, batch };
    if (!isAllowed(row.status, 'sentToCenter', batch.carried)) {
      const other = cargoOf(row.status);
      const hint = other && other !== batch.carried ? ` Lô này chuyển ${CARGO_LABELS[batch.carried!]}; hồ sơ này đi trong lô chuyển ${CARGO_LABELS[other]}.` : '';
      return { outcome: 'wrongState', message: `${code} đang ở trạng thái «${STATUS_LABELS[row.status]}», không chuyển đi được.${hint}`, dossier: row, batch };
    }
    if (batch.carried === 'result' && state.route.returnCenter !== batch.centerCode) {
      return {
        outcome: 'wrongDepartment',
        label: 'Công dân nhận kết quả ở trung tâm khác',
        message: `${code}: công dân chọn nhận kết quả tại ${centerName(state.route.returnCenter)}, không phải ${to}. Để riêng hồ sơ này.`,
        dossier: row,
        batch,
      };
    }
    const next: HandoffBatch = { ...batch, dossierIds: [...batch.dossierIds, row.id] };
    write({ table: 'batches', op: 'put', row: next });
    return { outcome: 'accepted', message: `Đã thêm ${code} (${next.dossierIds.length} hồ sơ).`, dossier: row, batch: next };
  });
}

/** The statuses in which a batch between centers can bring a dossier in. */
const canArriveIn = () => DOSSIER_STATUSES.filter((s) => isAllowed(s, 'arrivedAtCenter'));

/**
 * Records one dossier scanned off a batch from another center as arrived here: its papers (then
 * handed to its department as usual) or its result (then returned here). A dossier this center
 * cannot take is refused with the reason, kept for a supervisor.
 */
export async function scanArrivalFromCenter(
  session: ScanSession,
  batchId: string,
  classification: ScanClassification,
  agencyTable: readonly string[],
  metaFor: MetaFor,
  ownCenter: string,
  centerName: CenterNamer,
  now = new Date(),
): Promise<ScanVerdict> {
  return inScanTransaction<ScanVerdict>(session, ['dossiers', 'events', 'outbox', 'batches', 'inboundRejects'], batchId, classification, agencyTable, canArriveIn, ({ batch, found }, write) => {
    if (!batch || batch.state !== 'open' || batch.centerCode === undefined || batch.direction !== 'toCenter') throw new Error(`Lô ${batchId} không còn mở để nhận hồ sơ.`);
    const reject = rejecter(batch, write, now);
    if (found.kind === 'notADossierCode') return { outcome: found.kind, message: found.message, batch };
    if (found.kind === 'unknownCode') return refuseUnknown(found.code, classification, reject, batch, 'không nhận');
    const { row, code } = found;
    const { state } = row;
    if (batch.dossierIds.includes(row.id)) return { outcome: 'duplicate', message: `${code} đã có trong lô này.`, dossier: row, batch };
    if (!isAllowed(row.status, 'arrivedAtCenter') || state.boundFor === undefined || state.currentBatchId === undefined) {
      const reason = `${code} đang ở trạng thái «${STATUS_LABELS[row.status]}», không có trong lô chuyển giữa các trung tâm: không nhận, chuyển giám sát xử lý.`;
      reject(code, reason);
      return { outcome: 'wrongState', message: reason, dossier: row, batch };
    }
    if (state.boundFor !== ownCenter) {
      const reason = `${code} được chuyển đến ${centerName(state.boundFor)}, không phải trung tâm này: không nhận, chuyển giám sát xử lý.`;
      reject(code, reason);
      return { outcome: 'wrongDepartment', label: 'Hồ sơ chuyển đến trung tâm khác', message: reason, dossier: row, batch };
    }
    const carried = tripCargo(row.status);
    // The arrival names the batch the sending center closed (on its handover record), which the dossier carries.
    const event = { ...metaFor(row.id), type: 'arrivedAtCenter', payload: { batchId: state.currentBatchId, carried, center: ownCenter } } as DossierEvent;
    const recorded = recordInBatch(write, batch, row, event);
    if (!recorded.ok) {
      reject(code, `${recorded.message} Chuyển giám sát xử lý.`);
      return { outcome: 'wrongState', message: recorded.message, dossier: row, batch };
    }
    const next = carried === 'result' ? 'chờ trả cho công dân tại đây' : 'chuyển cơ quan giải quyết trong lô chuyển hồ sơ đi';
    return {
      outcome: 'accepted',
      message: `Đã nhận ${CARGO_LABELS[carried]} ${code} (${recorded.batch.dossierIds.length} hồ sơ): ${next}.`,
      dossier: recorded.row,
      batch: recorded.batch,
    };
  });
}
