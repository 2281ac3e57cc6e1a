// A courier batch (one "Biên bản giao nhận hồ sơ") as local data, in the table `batches` keyed by
// its code: it is the counter's working list, while the facts it produces (handed to courier,
// delivered, result received) are events like any other.
import { formatBatchCode } from '../../../shared/codes';
import { vnDateKey } from '../../../shared/calendar';
import type { CenterCargo } from '../../../shared/domain';
import type { BatchDirection, HandoffBatch, MotCuaDb } from '../../db';

export type { BatchDirection, BatchRefusal, BatchState, HandoffBatch } from '../../db';

export function getBatch(db: MotCuaDb, batchId: string): Promise<HandoffBatch | undefined> {
  return db.batches.get(batchId);
}

const newestFirst = (a: HandoffBatch, b: HandoffBatch) => b.openedAt.localeCompare(a.openedAt);

/** Every batch this counter keeps, newest first. */
export async function listBatches(db: MotCuaDb): Promise<HandoffBatch[]> {
  return (await db.batches.toArray()).sort(newestFirst);
}

/** The batch going `direction` this counter left open (a reload, a crash restart), the newest if several. */
export async function openBatchOf(db: MotCuaDb, direction: BatchDirection, counterId: string): Promise<HandoffBatch | undefined> {
  const open = await db.batches.where('[direction+state]').equals([direction, 'open']).toArray();
  return open.filter((b) => b.counterId === counterId).sort(newestFirst)[0];
}

/** What the officer and the counter say when a batch opens: the batch's own fields, and where its code comes from. */
export interface OpenBatchInput extends Pick<HandoffBatch, 'direction' | 'departmentId' | 'courierName' | 'sealNumber' | 'counterId' | 'officerId' | 'centerCode' | 'carried'> {
  /** The counter's number 1–99, as in the batch code. */
  counterIndex: number;
  now?: Date;
}

/** Opens a batch numbered after this counter's last one of the day (codes stay unique offline). */
export async function openBatch(db: MotCuaDb, input: OpenBatchInput): Promise<HandoffBatch> {
  const now = input.now ?? new Date();
  const date = vnDateKey(now);
  return db.transaction('rw', db.batches, async () => {
    const prefix = formatBatchCode({ date, counter: input.counterIndex, batchNumber: 1 }).slice(0, -2);
    const taken = (await db.batches.where('id').startsWith(prefix).primaryKeys()).map((id) => Number(id.slice(prefix.length)));
    const batchNumber = Math.max(0, ...taken) + 1;
    const batch: HandoffBatch = {
      id: formatBatchCode({ date, counter: input.counterIndex, batchNumber }),
      direction: input.direction,
      departmentId: input.centerCode ? '' : input.departmentId,
      ...(input.centerCode ? { centerCode: input.centerCode } : {}),
      ...(input.centerCode && input.direction === 'toDepartment' && input.carried ? { carried: input.carried } : {}),
      courierName: input.courierName.trim(),
      sealNumber: input.sealNumber.trim(),
      counterId: input.counterId,
      officerId: input.officerId,
      openedAt: now.toISOString(),
      dossierIds: [],
      state: 'open',
      refusals: [],
    };
    await db.batches.add(batch);
    return batch;
  });
}

/** What the open-batch form asks: a department, or another center (and, going out, what the batch carries). */
export interface OpenBatchFields {
  departmentId: string;
  courierName: string;
  /** Set (possibly '') when the officer chose «Trung tâm khác». */
  centerCode?: string;
  carried?: CenterCargo | '';
}

/** Field-level problems with a batch about to be opened, in Vietnamese; empty when it can open. */
export function openBatchProblems(input: OpenBatchFields, direction: BatchDirection = 'toDepartment'): Partial<Record<keyof OpenBatchFields, string>> {
  const problems: Partial<Record<keyof OpenBatchFields, string>> = {};
  if (input.centerCode !== undefined) {
    if (!input.centerCode) problems.centerCode = direction === 'toDepartment' ? 'Chọn trung tâm nhận lô này.' : 'Chọn trung tâm gửi lô này đến.';
    if (direction === 'toDepartment' && !input.carried) problems.carried = 'Chọn lô chuyển giấy tờ hồ sơ hay kết quả giải quyết.';
  } else if (!input.departmentId) problems.departmentId = 'Chọn cơ quan nhận (sở, ngành) của lô này.';
  if (input.courierName.trim().length < 2) problems.courierName = 'Nhập họ tên nhân viên bưu điện nhận lô (ít nhất 2 ký tự).';
  return problems;
}
