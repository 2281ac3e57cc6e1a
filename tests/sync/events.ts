// Valid dossier events for sync tests, built with fresh UUIDs.
import { randomUUID } from 'node:crypto';
import { RULE_VERSION } from '../../shared/domain';
import type { DossierEvent, EventOf, PayloadOf, DossierEventType } from '../../shared/domain';

export const AGENCY = '000.00.15.H41';

export function event<T extends DossierEventType>(type: T, payload: PayloadOf<T>, meta: { dossierId: string; counterId: string; officerId?: string; id?: string }): EventOf<T> {
  return {
    id: meta.id ?? randomUUID(),
    dossierId: meta.dossierId,
    officerId: meta.officerId ?? 'officer-1',
    counterId: meta.counterId,
    deviceTime: new Date().toISOString(),
    ruleVersion: RULE_VERSION,
    type,
    payload,
  } as EventOf<T>;
}

export function dossierCode(seq: number, yymmdd = '260112', agency = AGENCY): string {
  return `${agency}-${yymmdd}-${String(seq).padStart(4, '0')}`;
}

export function received(counterId: string, code: string, dossierId: string = randomUUID()): EventOf<'received'> {
  return event(
    'received',
    {
      code,
      procedureCode: '1.001234',
      procedureName: 'Cấp giấy phép xây dựng nhà ở riêng lẻ',
      departmentId: 'SXD',
      applicant: { kind: 'individual', name: 'Nguyễn Văn Bình', idNumber: '040085001234', phone: '0912345678' },
      documents: [{ name: 'Đơn đề nghị cấp giấy phép', originals: 1, certifiedCopies: 0, copies: 0 }],
      sets: 1,
      processingDays: 15,
      receivedAt: '2026-01-12T02:15:00.000Z',
      dueAt: '2026-02-02T10:00:00.000Z',
      collection: { method: 'desk' },
      fees: [{ name: 'Lệ phí cấp giấy phép', amount: 75000 }],
    },
    { dossierId, counterId },
  );
}

export function handedToCourier(counterId: string, dossierId: string, batchId = 'LO-260112-01'): EventOf<'handedToCourier'> {
  return event('handedToCourier', { batchId, direction: 'toDepartment', courierName: 'Bưu điện Vinh', departmentId: 'SXD' }, { dossierId, counterId });
}

export function deliveredToDepartment(counterId: string, dossierId: string, batchId = 'LO-260112-01'): EventOf<'deliveredToDepartment'> {
  return event('deliveredToDepartment', { batchId, at: '2026-01-12T08:00:00.000Z' }, { dossierId, counterId });
}

export function resultReceived(counterId: string, dossierId: string, batchId = 'LO-260120-01'): EventOf<'resultReceived'> {
  return event('resultReceived', { batchId, outcome: 'result' }, { dossierId, counterId });
}

export function returned(counterId: string, dossierId: string, name = 'Nguyễn Văn Bình'): EventOf<'returned'> {
  return event('returned', { method: 'desk', recipient: { name, authorised: false }, at: '2026-01-30T03:00:00.000Z' }, { dossierId, counterId });
}

export function withdrawn(counterId: string, dossierId: string): EventOf<'withdrawn'> {
  return event('withdrawn', { reason: 'Công dân xin rút hồ sơ', requestedBy: 'Nguyễn Văn Bình' }, { dossierId, counterId });
}

export function feeCollected(counterId: string, dossierId: string, number: number, series = '26TAA'): EventOf<'feeCollected'> {
  return event('feeCollected', { receipt: { formSymbol: 'EBL01', series, number }, amount: 75000, method: 'cash', feeName: 'Lệ phí cấp giấy phép' }, { dossierId, counterId });
}

export type AnyEvent = DossierEvent;
