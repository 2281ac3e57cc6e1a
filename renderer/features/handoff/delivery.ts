// Delivery confirmation: the courier brings back the record signed by the department (or a counter
// at the department scans it). The batch barcode confirms every dossier still travelling in it;
// single dossiers are confirmed or disputed (missing on arrival) one by one.
import type { DossierEvent, DossierStatus } from '../../../shared/domain';
import { dossiersInStatus, recordCommand, type DossierRow, type MotCuaDb } from '../../db';
import { getBatch, type BatchRefusal, type HandoffBatch } from './batch';
import { loadDeskCatalogue } from '../../desk/catalogue';
import { deadlineFrom } from '../../desk/deadline';
import type { MetaFor } from './outbound';

/**
 * A batch as delivery confirms it. On the counter that closed it, its record (`draft`) lists the
 * dossiers; any other counter (one at the department) knows the batch only from the synced dossiers
 * still travelling in it.
 */
export interface DeliveryBatch {
  id: string;
  dossierIds: string[];
  departmentId?: string;
  /** This counter's record of the batch, absent when another counter closed it. */
  draft?: HandoffBatch;
}

export interface DeliveryResult {
  batch: DeliveryBatch;
  delivered: string[];
  /** Already confirmed earlier, or disputed (missing on arrival): left as they are. */
  skipped: string[];
  refusals: BatchRefusal[];
}

/** The batch as this counter recorded it when it closed it. */
export function deliveryBatchOf(draft: HandoffBatch): DeliveryBatch {
  return { id: draft.id, dossierIds: draft.dossierIds, departmentId: draft.departmentId, draft };
}

/**
 * The department signed for the dossier at `at`. A dossier sent by post across boundaries gets its
 * deadline now, counted from this receipt (NĐ 309/2026) on this counter's working calendar.
 */
async function deliveredEvent(db: MotCuaDb, metaFor: MetaFor, dossierId: string, batchId: string, at: Date): Promise<DossierEvent> {
  const state = (await db.dossiers.get(dossierId))?.state;
  let dueAt: string | undefined;
  if (state?.dueExpected && state.processingDays !== undefined) {
    const { calendar } = await loadDeskCatalogue(db);
    dueAt = deadlineFrom(at, state.processingDays > 0 ? state.processingDays : 0.5, calendar).toISOString();
  }
  return { ...metaFor(dossierId), type: 'deliveredToDepartment', payload: { batchId, at: at.toISOString(), ...(dueAt ? { dueAt } : {}) } };
}

/** The dossiers in `status` whose current batch is `batchId`, in code order. */
async function dossiersOfBatch(db: MotCuaDb, status: DossierStatus, batchId: string): Promise<DossierRow[]> {
  const rows = await dossiersInStatus(db, status)
    .filter((r) => r.state.currentBatchId === batchId)
    .toArray();
  return rows.sort((a, b) => (a.code ?? a.id).localeCompare(b.code ?? b.id));
}

const betweenCenters = (batchCode: string) => `Lô ${batchCode} chuyển sang trung tâm khác: trung tâm nhận quét từng hồ sơ khi lô đến, không xác nhận giao ở đây.`;

/** The batch a delivery scan names, with a Vietnamese reason when it cannot be confirmed. */
export async function batchForDelivery(db: MotCuaDb, batchCode: string): Promise<{ ok: true; batch: DeliveryBatch } | { ok: false; message: string }> {
  const draft = await getBatch(db, batchCode);
  if (draft) {
    if (draft.direction !== 'toDepartment') return { ok: false, message: `Lô ${batchCode} là lô kết quả chuyển về Trung tâm, không cần xác nhận giao.` };
    if (draft.centerCode !== undefined) return { ok: false, message: betweenCenters(batchCode) };
    if (draft.state === 'open') return { ok: false, message: `Lô ${batchCode} chưa đóng: đóng lô và in biên bản trước khi xác nhận giao.` };
    return { ok: true, batch: deliveryBatchOf(draft) };
  }
  // Closed at another counter: the batch is what the synced dossiers say is still with the courier.
  const travelling = await dossiersOfBatch(db, 'withCourier', batchCode);
  if (travelling.some((r) => r.state.boundFor !== undefined)) return { ok: false, message: betweenCenters(batchCode) };
  if (travelling.length > 0) return { ok: true, batch: { id: batchCode, dossierIds: travelling.map((r) => r.id), departmentId: travelling[0]!.departmentId } };
  const arrived = await dossiersOfBatch(db, 'atDepartment', batchCode);
  if (arrived.length > 0) return { ok: false, message: `Lô ${batchCode} đã được xác nhận giao (${arrived.length} hồ sơ đã đến cơ quan giải quyết): không còn hồ sơ nào của lô đang chuyển.` };
  return { ok: false, message: `Máy này chưa có hồ sơ nào của lô ${batchCode}: chờ đồng bộ với máy chủ rồi quét lại, hoặc kiểm tra lại mã lô trên biên bản.` };
}

/** Marks every dossier of the batch (found with batchForDelivery) still with the courier as delivered at `at`. */
export async function confirmDeliveryOf(db: MotCuaDb, batch: DeliveryBatch, metaFor: MetaFor, at = new Date()): Promise<DeliveryResult> {
  const delivered: string[] = [];
  const skipped: string[] = [];
  const refusals: BatchRefusal[] = [];
  const rows = await db.dossiers.bulkGet(batch.dossierIds);
  for (const [i, dossierId] of batch.dossierIds.entries()) {
    const row = rows[i];
    if (!row || row.status !== 'withCourier' || row.state.currentBatchId !== batch.id || row.state.flags.deliveryDisputed) {
      skipped.push(dossierId);
      continue;
    }
    const result = await confirmDossierDelivery(db, batch.id, dossierId, metaFor, at);
    if (result.ok) delivered.push(dossierId);
    else refusals.push({ dossierId, dossierCode: row.code ?? dossierId, message: result.message });
  }
  if (!batch.draft) return { batch, delivered, skipped, refusals };
  const draft: HandoffBatch = { ...batch.draft, state: 'delivered', deliveredAt: batch.draft.deliveredAt ?? at.toISOString(), refusals: [...batch.draft.refusals, ...refusals] };
  await db.batches.put(draft);
  return { batch: deliveryBatchOf(draft), delivered, skipped, refusals };
}

export type SingleResult = { ok: true } | { ok: false; message: string };

export async function confirmDossierDelivery(db: MotCuaDb, batchId: string, dossierId: string, metaFor: MetaFor, at = new Date()): Promise<SingleResult> {
  const result = await recordCommand(db, [await deliveredEvent(db, metaFor, dossierId, batchId, at)]);
  return result.ok ? { ok: true } : { ok: false, message: result.error.message };
}

/** Records that the dossier was missing (or damaged) on arrival; the note says what was found. */
export async function disputeDelivery(db: MotCuaDb, batchId: string, dossierId: string, note: string, metaFor: MetaFor): Promise<SingleResult> {
  if (note.trim().length < 3) return { ok: false, message: 'Ghi rõ tình trạng hồ sơ khi đến nơi (ví dụ: thiếu hồ sơ trong túi).' };
  const result = await recordCommand(db, [{ ...metaFor(dossierId), type: 'deliveryDisputed', payload: { batchId, note: note.trim() } }]);
  return result.ok ? { ok: true } : { ok: false, message: result.error.message };
}
