// Inbound handoff, department → Center: each result scanned off the courier's bag is recorded as
// received (a result, a supplement request or a refusal by the department). Results the Center
// cannot take are refused with the reason and kept in a list for a supervisor. The papers of a
// dossier stopped while away come back the same way and are recorded as back at the Center.
import type { ScanClassification } from '../../../shared/codes';
import { DOSSIER_STATUSES, formatVietnamDateTime, isAllowed, STATUS_LABELS, type DossierEvent, type ResultOutcome } from '../../../shared/domain';
import { eventWrites, type DossierRow, type InboundReject, type MotCuaDb } from '../../db';
import { getBatch, type HandoffBatch } from './batch';
import type { MetaFor, ScanVerdict } from './outbound';
import { inScanTransaction, type ScanSession, type WriteList } from './scanTransaction';

export type { InboundReject } from '../../db';

/** The results refused at this counter, newest first. */
export async function listInboundRejects(db: MotCuaDb): Promise<InboundReject[]> {
  return (await db.inboundRejects.toArray()).sort((a, b) => b.at.localeCompare(a.at));
}

export interface InboundDetails {
  outcome: ResultOutcome;
  /** The department's reasons (refusal) — one per line on screen. */
  reasons: string[];
  /** What the applicant must add (supplement request). */
  items: string[];
}

/** Field-level problems with the department's details before scanning, in Vietnamese. */
export function inboundDetailsProblem(details: InboundDetails): string | undefined {
  if (details.outcome === 'supplement' && details.items.length === 0) return 'Ghi các giấy tờ cơ quan giải quyết yêu cầu bổ sung, mỗi dòng một mục.';
  if (details.outcome === 'refusal' && details.reasons.length === 0) return 'Ghi lý do cơ quan giải quyết từ chối, mỗi dòng một lý do.';
  return undefined;
}

export const UNCONFIRMED_DELIVERY_LABEL = 'Chưa xác nhận giao đến cơ quan giải quyết';

/** The dossier each scan session last warned about: the next scan of the same dossier takes it in knowingly. */
const warnedOf = new WeakMap<ScanSession, string>();

function unconfirmedDeliveryWarning(code: string, row: DossierRow, departmentName: (id: string | undefined) => string): string {
  const batch = row.state.currentBatchId ? ` (lô ${row.state.currentBatchId})` : '';
  return (
    `Chưa nhận: hồ sơ ${code} chưa có xác nhận bưu điện đã giao đến ${departmentName(row.departmentId)}${batch}, nên chưa chắc cơ quan đã nhận và giải quyết hồ sơ. ` +
    'Kiểm tra biên bản giao nhận của bưu điện và văn bản kết quả. Nếu đúng là kết quả của hồ sơ này, quét lại mã một lần nữa để nhận; việc nhận khi chưa xác nhận giao sẽ được ghi vào hồ sơ.'
  );
}

/** The statuses in which a dossier's result, or its stopped papers, can come back. */
const canComeBackIn = () => DOSSIER_STATUSES.filter((s) => s === 'withdrawn' || isAllowed(s, 'resultReceived'));

/**
 * Records one scanned result into the open inbound batch. The event, its projection, the outbox row
 * and the batch's list are written in one strict transaction; a refusal's supervisor entry likewise.
 * `session`: the scan screen's (scanTransaction.ts). `ownCenter`: the agency code of the center this
 * counter serves, stamped on the result of a dossier received across boundaries (it is held here now).
 */
export async function scanIntoInboundBatch(
  session: ScanSession,
  batchId: string,
  classification: ScanClassification,
  agencyTable: readonly string[],
  details: InboundDetails,
  metaFor: MetaFor,
  departmentName: (id: string | undefined) => string,
  now = new Date(),
  ownCenter?: string,
): Promise<ScanVerdict> {
  // Read once: the decision may run twice for one scan (scanTransaction.ts) and must not see its own warning.
  const warned = warnedOf.get(session);
  const verdict = await inScanTransaction<ScanVerdict>(
    session,
    ['dossiers', 'events', 'outbox', 'batches', 'inboundRejects'],
    batchId,
    classification,
    agencyTable,
    canComeBackIn,
    ({ batch, found }, write) => {
      if (!batch || batch.state !== 'open' || batch.direction !== 'toCenter') throw new Error(`Lô ${batchId} không còn mở để nhận kết quả.`);
      const reject = rejecter(batch, write, now);
      if (found.kind === 'notADossierCode') return { outcome: found.kind, message: found.message, batch };
      if (found.kind === 'unknownCode') return refuseUnknown(found.code, classification, reject, batch, 'không nhận kết quả');
      const { row, code } = found;
      if (batch.dossierIds.includes(row.id)) return { outcome: 'duplicate', message: `${code} đã có trong lô này.`, dossier: row, batch };
      if (row.departmentId !== batch.departmentId) {
        return { outcome: 'wrongDepartment', message: `${code} do ${departmentName(row.departmentId)} giải quyết, không phải ${departmentName(batch.departmentId)}.`, dossier: row, batch };
      }
      if (row.status === 'withdrawn') {
        const back = receiveStoppedPapers(write, batch, row, code, metaFor);
        if (back.outcome !== 'accepted') reject(code, back.message);
        return back;
      }
      if (row.state.boundFor !== undefined) {
        // In a batch between centers: the department never had these papers, nor sent this result.
        const reason = `${code} đang trong lô chuyển giữa các trung tâm (lô ${row.state.currentBatchId ?? ''}), không phải kết quả của cơ quan giải quyết: không nhận, chuyển giám sát xử lý.`;
        reject(code, reason);
        return { outcome: 'wrongState', message: reason, dossier: row, batch };
      }
      if (!isAllowed(row.status, 'resultReceived', details.outcome)) {
        const reason =
          row.status === 'returned'
            ? `${code} đã trả kết quả cho công dân${row.state.returnedAt ? ` lúc ${formatVietnamDateTime(row.state.returnedAt)}` : ''}: không nhận lại kết quả, chuyển giám sát xử lý.`
            : `${code} đang ở trạng thái «${STATUS_LABELS[row.status]}», không nhận kết quả được: chuyển giám sát xử lý.`;
        reject(code, reason);
        return { outcome: 'wrongState', message: reason, dossier: row, batch };
      }
      // Never confirmed delivered: the department may never have had the papers. Warned first, taken in
      // only when the officer scans the same dossier again right after, and the event says so.
      const unconfirmed = row.status === 'withCourier';
      if (unconfirmed && warned !== row.id) {
        return { outcome: 'wrongState', label: UNCONFIRMED_DELIVERY_LABEL, message: unconfirmedDeliveryWarning(code, row, departmentName), dossier: row, batch };
      }
      const event = {
        ...metaFor(row.id),
        type: 'resultReceived',
        payload: {
          batchId,
          outcome: details.outcome,
          ...(unconfirmed ? { deliveryUnconfirmed: true } : {}),
          ...(ownCenter && row.state.route ? { atCenter: ownCenter } : {}),
          ...(details.outcome === 'refusal' ? { reasons: details.reasons } : {}),
          ...(details.outcome === 'supplement' ? { items: details.items, reasons: details.reasons } : {}),
        },
      } as DossierEvent;
      const recorded = recordInBatch(write, batch, row, event);
      if (!recorded.ok) return { outcome: 'wrongState', message: recorded.message, dossier: row, batch };
      const note = unconfirmed ? ' Đã ghi vào hồ sơ: nhận khi bưu điện chưa xác nhận đã giao hồ sơ đến cơ quan giải quyết.' : '';
      return { outcome: 'accepted', message: `Đã nhận kết quả ${code} (${recorded.batch.dossierIds.length} hồ sơ).${note}`, dossier: recorded.row, batch: recorded.batch };
    },
  );
  if (verdict.label === UNCONFIRMED_DELIVERY_LABEL && verdict.dossier) warnedOf.set(session, verdict.dossier.id);
  else warnedOf.delete(session);
  return verdict;
}

/** How an incoming batch's scan is refused: kept for a supervisor with the batch and its counterpart (a department, or another center). */
export function rejecter(batch: HandoffBatch, write: WriteList, now: Date): (code: string, reason: string) => void {
  return (code, reason) => {
    const entry: InboundReject = {
      id: crypto.randomUUID(),
      code,
      reason,
      batchId: batch.id,
      departmentId: batch.departmentId,
      ...(batch.centerCode !== undefined ? { centerCode: batch.centerCode } : {}),
      at: now.toISOString(),
      officerId: batch.officerId,
    };
    write({ table: 'inboundRejects', op: 'add', row: entry });
  };
}

/** A scan of a code this machine has no dossier for, off an incoming batch: refused (`notTaken` says what is not taken) into the supervisor's list. */
export function refuseUnknown(scanned: string, classification: ScanClassification, reject: (code: string, reason: string) => void, batch: HandoffBatch, notTaken: string): ScanVerdict {
  const code = scanned || (classification.kind === 'unknown' ? classification.text : '');
  const reason = `Trung tâm không có hồ sơ ${code} trên máy này: ${notTaken}, chuyển giám sát xử lý.`;
  reject(code, reason);
  return { outcome: 'unknownCode', message: reason, batch };
}

/** A scanned dossier's event, checked by the reducer, and the batch with it added: both to `write`. */
export function recordInBatch(write: WriteList, batch: HandoffBatch, row: DossierRow, event: DossierEvent): { ok: true; row: DossierRow; batch: HandoffBatch } | { ok: false; message: string } {
  const checked = eventWrites(event, row);
  if (!checked.ok) return { ok: false, message: checked.error.message };
  const next: HandoffBatch = { ...batch, dossierIds: [...batch.dossierIds, row.id] };
  write(...checked.writes, { table: 'batches', op: 'put', row: next });
  return { ok: true, row: checked.row, batch: next };
}

export const STOPPED_PAPERS_LABEL = 'Hồ sơ đã dừng: giấy tờ về Trung tâm';

/**
 * A stopped dossier's papers out of the bag: whatever the department marked them as, they come
 * back for return to the applicant (papersReturned, stage atCenter), counted in the batch like any
 * other item the post carried. Papers already back are refused with the reducer's reason.
 */
function receiveStoppedPapers(write: WriteList, batch: HandoffBatch, row: DossierRow, code: string, metaFor: MetaFor): ScanVerdict {
  const event: DossierEvent = { ...metaFor(row.id), type: 'papersReturned', payload: { stage: 'atCenter', batchId: batch.id } };
  const recorded = recordInBatch(write, batch, row, event);
  if (!recorded.ok) return { outcome: 'wrongState', message: `${recorded.message} Chuyển giám sát xử lý.`, dossier: row, batch };
  return {
    outcome: 'accepted',
    label: STOPPED_PAPERS_LABEL,
    message: `Hồ sơ ${code} đã dừng giải quyết: giấy tờ về Trung tâm để trả lại người nộp. Để riêng, chuyển quầy Dừng hồ sơ (${recorded.batch.dossierIds.length} hồ sơ trong lô).`,
    dossier: recorded.row,
    batch: recorded.batch,
  };
}

/** Ends the inbound batch: nothing more can be scanned into it. */
export async function closeInboundBatch(db: MotCuaDb, batchId: string, now = new Date()): Promise<HandoffBatch> {
  const batch = await getBatch(db, batchId);
  if (!batch || batch.state !== 'open') throw new Error(`Lô ${batchId} không còn mở.`);
  const closed: HandoffBatch = { ...batch, state: 'closed', closedAt: now.toISOString() };
  await db.batches.put(closed);
  return closed;
}
