// Fixtures for the handoff tests and the scan benchmark page: received dossiers as events.
import { RULE_VERSION, type DossierEvent, type EventMeta } from '../../../shared/domain';

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
