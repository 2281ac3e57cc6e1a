// Delivery confirmation: the courier brings back the record signed by the department (or a counter
// at the department scans it). The batch barcode confirms every dossier still travelling in it;
// single dossiers are confirmed or disputed (missing on arrival) one by one.
import type { DossierEvent } from '../../../shared/domain';
import { recordEvent, type MotCuaDb } from '../../db';
import { batchRow, getBatch, type BatchRefusal, type HandoffBatch } from './batch';
import type { MetaFor } from './outbound';

export interface DeliveryResult {
  batch: HandoffBatch;
  delivered: string[];
  /** Already confirmed earlier, or disputed (missing on arrival): left as they are. */
  skipped: string[];
  refusals: BatchRefusal[];
}

function deliveredEvent(metaFor: MetaFor, dossierId: string, batchId: string, at: Date): DossierEvent {
  return { ...metaFor(dossierId), type: 'deliveredToDepartment', payload: { batchId, at: at.toISOString() } };
}

/** The batch a delivery scan names, with a Vietnamese reason when it cannot be confirmed. */
export async function batchForDelivery(db: MotCuaDb, batchCode: string): Promise<{ ok: true; batch: HandoffBatch } | { ok: false; message: string }> {
  const batch = await getBatch(db, batchCode);
  if (!batch) return { ok: false, message: `Lô ${batchCode} không do quầy này lập: xác nhận tại quầy đã lập biên bản.` };
  if (batch.direction !== 'toDepartment') return { ok: false, message: `Lô ${batchCode} là lô kết quả chuyển về Trung tâm, không cần xác nhận giao.` };
  if (batch.state === 'open') return { ok: false, message: `Lô ${batchCode} chưa đóng: đóng lô và in biên bản trước khi xác nhận giao.` };
  return { ok: true, batch };
}

/** Marks every dossier of the batch still with the courier as delivered at `at`. */
export async function confirmBatchDelivery(db: MotCuaDb, batchId: string, metaFor: MetaFor, at = new Date()): Promise<DeliveryResult> {
  const found = await batchForDelivery(db, batchId);
  if (!found.ok) throw new Error(found.message);
  const delivered: string[] = [];
  const skipped: string[] = [];
  const refusals: BatchRefusal[] = [];
  const rows = await db.dossiers.bulkGet(found.batch.dossierIds);
  for (const [i, dossierId] of found.batch.dossierIds.entries()) {
    const row = rows[i];
    if (!row || row.status !== 'withCourier' || row.state.currentBatchId !== batchId || row.state.flags.deliveryDisputed) {
      skipped.push(dossierId);
      continue;
    }
    const result = await recordEvent(db, deliveredEvent(metaFor, dossierId, batchId, at));
    if (result.ok) delivered.push(dossierId);
    else refusals.push({ dossierId, dossierCode: row.code ?? dossierId, message: result.error.message });
  }
  const batch: HandoffBatch = { ...found.batch, state: 'delivered', deliveredAt: found.batch.deliveredAt ?? at.toISOString(), refusals: [...found.batch.refusals, ...refusals] };
  await db.drafts.put(batchRow(batch));
  return { batch, delivered, skipped, refusals };
}

export type SingleResult = { ok: true } | { ok: false; message: string };

export async function confirmDossierDelivery(db: MotCuaDb, batchId: string, dossierId: string, metaFor: MetaFor, at = new Date()): Promise<SingleResult> {
  const result = await recordEvent(db, deliveredEvent(metaFor, dossierId, batchId, at));
  return result.ok ? { ok: true } : { ok: false, message: result.error.message };
}

/** Records that the dossier was missing (or damaged) on arrival; the note says what was found. */
export async function disputeDelivery(db: MotCuaDb, batchId: string, dossierId: string, note: string, metaFor: MetaFor): Promise<SingleResult> {
  if (note.trim().length < 3) return { ok: false, message: 'Ghi rõ tình trạng hồ sơ khi đến nơi (ví dụ: thiếu hồ sơ trong túi).' };
  const result = await recordEvent(db, { ...metaFor(dossierId), type: 'deliveryDisputed', payload: { batchId, note: note.trim() } });
  return result.ok ? { ok: true } : { ok: false, message: result.error.message };
}
