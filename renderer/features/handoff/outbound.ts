// Outbound handoff, Center → department: scanning dossiers into an open batch, removing a mis-scan,
// and closing the batch, which records "handed to courier" for each dossier in it.
import type { ScanClassification } from '../../../shared/codes';
import { DOSSIER_STATUSES, isAllowed, STATUS_LABELS, type DossierEvent, type EventMeta } from '../../../shared/domain';
import { recordCommand, type DossierRow, type MotCuaDb } from '../../db';
import type { ScanOutcome } from '../../scan';
import { getBatch, type BatchRefusal, type HandoffBatch } from './batch';
import { inScanTransaction, type ScanSession } from './scanTransaction';

export interface ScanVerdict {
  outcome: ScanOutcome;
  /** What the screen shows beside the colour, in Vietnamese. */
  message: string;
  /** A heading of its own when the outcome's usual one would mislead (stopped papers, not a result). */
  label?: string;
  /** The answer is about the panel's form, not the dossier (details missing): it goes once the officer edits the form. */
  aboutForm?: true;
  dossier?: DossierRow;
  batch: HandoffBatch;
}

/** The statuses from which a dossier can leave in a batch going this way. */
const canLeaveIn = (batch: HandoffBatch) => DOSSIER_STATUSES.filter((s) => isAllowed(s, 'handedToCourier', batch.direction));

/**
 * Puts a scanned dossier into the open batch. The batch is re-read and written in one strict
 * transaction, so an "accepted" verdict means the dossier is on disk in the batch. `session`: the
 * scan screen's (scanTransaction.ts). `heldElsewhere`: why a dossier received across boundaries is
 * not at this center (centers.ts `notHeldHere`), so its papers cannot leave from here.
 */
export async function scanIntoOutboundBatch(
  session: ScanSession,
  batchId: string,
  classification: ScanClassification,
  agencyTable: readonly string[],
  departmentName: (id: string | undefined) => string,
  heldElsewhere?: (row: DossierRow) => string | undefined,
): Promise<ScanVerdict> {
  return inScanTransaction(session, ['dossiers', 'batches'], batchId, classification, agencyTable, canLeaveIn, ({ batch, found }, write) => {
    if (!batch || batch.state !== 'open') throw new Error(`Lô ${batchId} không còn mở để quét.`);
    if (found.kind !== 'dossier') return { outcome: found.kind, message: found.message, batch };
    const { row, code } = found;
    if (batch.dossierIds.includes(row.id)) return { outcome: 'duplicate', message: `${code} đã có trong lô này.`, dossier: row, batch };
    if (row.departmentId !== batch.departmentId) {
      return {
        outcome: 'wrongDepartment',
        message: `${code} thuộc ${departmentName(row.departmentId)}, không phải ${departmentName(batch.departmentId)}. Để riêng hồ sơ này.`,
        dossier: row,
        batch,
      };
    }
    if (!isAllowed(row.status, 'handedToCourier', batch.direction)) {
      return { outcome: 'wrongState', message: `${code} đang ở trạng thái «${STATUS_LABELS[row.status]}», không chuyển đi được.`, dossier: row, batch };
    }
    const elsewhere = heldElsewhere?.(row);
    if (elsewhere) return { outcome: 'wrongState', message: `${code}: ${elsewhere}`, dossier: row, batch };
    const next: HandoffBatch = { ...batch, dossierIds: [...batch.dossierIds, row.id] };
    write({ table: 'batches', op: 'put', row: next });
    return { outcome: 'accepted', message: `Đã thêm ${code} (${next.dossierIds.length} hồ sơ).`, dossier: row, batch: next };
  });
}

/** Takes a mis-scanned dossier out of an open batch. */
export async function removeFromBatch(db: MotCuaDb, batchId: string, dossierId: string): Promise<HandoffBatch> {
  return db.transaction('rw', db.batches, async () => {
    const batch = await getBatch(db, batchId);
    if (!batch || batch.state !== 'open') throw new Error(`Lô ${batchId} đã đóng, không bỏ hồ sơ ra được.`);
    const next = { ...batch, dossierIds: batch.dossierIds.filter((id) => id !== dossierId) };
    await db.batches.put(next);
    return next;
  });
}

export type MetaFor = (dossierId: string) => EventMeta;

export interface CloseResult {
  batch: HandoffBatch;
  handed: string[];
  refusals: BatchRefusal[];
}

/**
 * Closes the batch as one desk command: a "handed to courier" event per dossier (between centers: a
 * "sent to center" from `ownCenter`, the center this counter serves) and the closed batch in one
 * strict transaction. A dossier the reducer refuses (returned at another desk meanwhile) is listed on
 * the batch and left out; the rest still go.
 */
export async function closeOutboundBatch(db: MotCuaDb, batchId: string, metaFor: MetaFor, now = new Date(), ownCenter?: string): Promise<CloseResult> {
  const batch = await getBatch(db, batchId);
  if (!batch) throw new Error(`Không tìm thấy lô ${batchId}.`);
  if (batch.state !== 'open') throw new Error(`Lô ${batchId} đã đóng lúc ${batch.closedAt ?? ''}.`);
  if (batch.dossierIds.length === 0) throw new Error('Lô chưa có hồ sơ nào: quét hồ sơ vào lô trước khi đóng.');
  const leaving = leavingEvent(batch, ownCenter);
  const events = new Map(batch.dossierIds.map((dossierId) => [dossierId, { ...metaFor(dossierId), ...leaving } as DossierEvent]));
  const refusals: BatchRefusal[] = [];
  // Each refusal takes its dossier out and the command is tried again: at most one try per dossier.
  for (;;) {
    const handed = [...events.keys()];
    const closed: HandoffBatch = { ...batch, dossierIds: handed, refusals, state: 'closed', closedAt: now.toISOString() };
    const result = await recordCommand(db, [...events.values()], [{ table: 'batches', op: 'put', row: closed }]);
    if (result.ok) return { batch: closed, handed, refusals };
    const dossierId = result.event.dossierId;
    const row = await db.dossiers.get(dossierId);
    refusals.push({ dossierId, dossierCode: row?.code ?? dossierId, message: result.error.message });
    events.delete(dossierId);
  }
}

/** What leaves with each dossier of an outgoing batch: to a department, or to another center. */
function leavingEvent(batch: HandoffBatch, ownCenter: string | undefined): Pick<DossierEvent, 'type' | 'payload'> {
  if (batch.centerCode === undefined) {
    return { type: 'handedToCourier', payload: { batchId: batch.id, direction: batch.direction, courierName: batch.courierName, departmentId: batch.departmentId } };
  }
  if (!ownCenter || !batch.carried) throw new Error(`Lô ${batch.id} chuyển sang trung tâm khác nhưng thiếu mã trung tâm của quầy hoặc nội dung lô: không đóng được.`);
  return { type: 'sentToCenter', payload: { batchId: batch.id, carried: batch.carried, fromCenter: ownCenter, toCenter: batch.centerCode, courierName: batch.courierName } };
}
