// A courier batch (one "Biên bản giao nhận hồ sơ") as local data. It lives in `db.drafts` (kind
// 'batch') until the schema gains a table of its own: it is the counter's working list, while the
// facts it produces (handed to courier, delivered, result received) are events like any other.
import { formatBatchCode } from '../../../shared/codes';
import { vnDateKey } from '../../../shared/calendar';
import type { DraftRow, MotCuaDb } from '../../db';

export type BatchDirection = 'toDepartment' | 'toCenter';
export type BatchState = 'open' | 'closed' | 'delivered';

/** A dossier the reducer refused when the batch was closed or confirmed: kept for the screen. */
export interface BatchRefusal {
  dossierId: string;
  dossierCode: string;
  message: string;
}

export interface HandoffBatch {
  /** The batch code `BG-YYMMDD-CC-NN`, printed as the record's barcode. */
  id: string;
  direction: BatchDirection;
  departmentId: string;
  courierName: string;
  /** Vehicle or bag seal number written on the record. */
  sealNumber: string;
  counterId: string;
  officerId: string;
  openedAt: string;
  closedAt?: string;
  deliveredAt?: string;
  /** In scan order. */
  dossierIds: string[];
  state: BatchState;
  refusals: BatchRefusal[];
}

export const BATCH_DRAFT_KIND = 'batch';
/** The batch's key in `db.drafts`. */
export const batchDraftId = (batchId: string) => `batch:${batchId}`;

export function batchRow(batch: HandoffBatch, at = new Date()): DraftRow {
  return { id: batchDraftId(batch.id), kind: BATCH_DRAFT_KIND, updatedAt: at.toISOString(), data: batch };
}

export async function saveBatch(db: MotCuaDb, batch: HandoffBatch): Promise<void> {
  await db.drafts.put(batchRow(batch));
}

export async function getBatch(db: MotCuaDb, batchId: string): Promise<HandoffBatch | undefined> {
  return (await db.drafts.get(batchDraftId(batchId)))?.data as HandoffBatch | undefined;
}

/** Every batch this counter keeps, newest first. */
export async function listBatches(db: MotCuaDb): Promise<HandoffBatch[]> {
  const rows = await db.drafts.where('kind').equals(BATCH_DRAFT_KIND).toArray();
  return rows.map((r) => r.data as HandoffBatch).sort((a, b) => b.openedAt.localeCompare(a.openedAt));
}

export interface OpenBatchInput {
  direction: BatchDirection;
  departmentId: string;
  courierName: string;
  sealNumber: string;
  counterId: string;
  officerId: string;
  /** The counter's number 1–99, as in the batch code. */
  counterIndex: number;
  now?: Date;
}

const opened = new WeakMap<MotCuaDb, HandoffBatch>();

/** The batch this window opened last, as written then: the first scan's guess (scanTransaction.ts). */
export function lastOpenedBatch(db: MotCuaDb): HandoffBatch | undefined {
  return opened.get(db);
}

/** Opens a batch numbered after this counter's last one of the day (codes stay unique offline). */
export async function openBatch(db: MotCuaDb, input: OpenBatchInput): Promise<HandoffBatch> {
  const now = input.now ?? new Date();
  const date = vnDateKey(now);
  const batch = await db.transaction('rw', db.drafts, async () => {
    const prefix = formatBatchCode({ date, counter: input.counterIndex, batchNumber: 1 }).slice(0, -2);
    const taken = (await listBatches(db)).filter((b) => b.id.startsWith(prefix)).map((b) => Number(b.id.slice(prefix.length)));
    const batchNumber = Math.max(0, ...taken) + 1;
    const batch: HandoffBatch = {
      id: formatBatchCode({ date, counter: input.counterIndex, batchNumber }),
      direction: input.direction,
      departmentId: input.departmentId,
      courierName: input.courierName.trim(),
      sealNumber: input.sealNumber.trim(),
      counterId: input.counterId,
      officerId: input.officerId,
      openedAt: now.toISOString(),
      dossierIds: [],
      state: 'open',
      refusals: [],
    };
    await db.drafts.add(batchRow(batch, now));
    return batch;
  });
  opened.set(db, batch);
  return batch;
}

/** Field-level problems with a batch about to be opened, in Vietnamese; empty when it can open. */
export function openBatchProblems(input: { departmentId: string; courierName: string }): Partial<Record<'departmentId' | 'courierName', string>> {
  const problems: Partial<Record<'departmentId' | 'courierName', string>> = {};
  if (!input.departmentId) problems.departmentId = 'Chọn cơ quan nhận (sở, ngành) của lô này.';
  if (input.courierName.trim().length < 2) problems.courierName = 'Nhập họ tên nhân viên bưu điện nhận lô (ít nhất 2 ký tự).';
  return problems;
}
