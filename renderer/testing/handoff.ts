// Fixtures for the handoff tests and the scan benchmark page: received dossiers as events.
import { RULE_VERSION, type DossierEvent, type EventMeta } from '../../shared/domain';
import type { MotCuaDb } from '../db';
import { batchForDelivery, confirmDeliveryOf, type DeliveryResult } from '../features/handoff/delivery';
import type { MetaFor } from '../features/handoff/outbound';

export const AGENCY = '000.00.15.H41';
export const BUILDING = 'so-xay-dung';
export const FINANCE = 'so-tai-chinh';

export function metaFor(counterId = 'quay-1', officerId = 'officer-1'): (dossierId: string) => EventMeta {
  return (dossierId) => ({ id: crypto.randomUUID(), dossierId, officerId, counterId, deviceTime: new Date().toISOString(), ruleVersion: RULE_VERSION });
}

export function dossierCode(seq: number, yymmdd = '260112'): string {
  return `${AGENCY}-${yymmdd}-${String(seq).padStart(4, '0')}`;
}

export function receivedEvent(meta: EventMeta, code: string, departmentId: string, receivedAt = '2026-01-12T02:15:00.000Z'): DossierEvent {
  return {
    ...meta,
    type: 'received',
    payload: {
      code,
      procedureCode: '1.009994',
      procedureName: 'Cấp giấy phép xây dựng nhà ở riêng lẻ',
      departmentId,
      applicant: { kind: 'individual', name: 'Nguyễn Văn Bình', idNumber: '040085001234', phone: '0912345678' },
      documents: [{ name: 'Đơn đề nghị cấp giấy phép', originals: 1, certifiedCopies: 0, copies: 0 }],
      sets: 2,
      processingDays: 15,
      receivedAt,
      dueAt: '2026-02-02T10:00:00.000Z',
      collection: { method: 'desk' },
      fees: [],
    },
  };
}

/** A delivery scan of `batchId` as DeliveryPanel makes it: the batch found, then confirmed; throws the refusal. */
export async function confirmBatchDelivery(db: MotCuaDb, batchId: string, metaFor: MetaFor, at = new Date()): Promise<DeliveryResult> {
  const found = await batchForDelivery(db, batchId);
  if (!found.ok) throw new Error(found.message);
  return confirmDeliveryOf(db, found.batch, metaFor, at);
}
