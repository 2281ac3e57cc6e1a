// Test helpers for the desk: a context that records what would be printed, and dossiers seeded
// through recordCommand along the real lifecycle. Used by the unit tests only.
import { workCalendar } from '../../shared/calendar';
import { RULE_VERSION, type DossierEvent, type DossierEventType, type EventOf, type PayloadOf } from '../../shared/domain';
import type { PrinterConfig } from '../../shared/host';
import { recordCommand, type MotCuaDb } from '../db';
import { DEFAULT_CENTER_CONFIG } from '../desk/config';
import type { PrintDocument, PrintRole } from '../desk/printouts';
import type { DeskContext } from '../desk/context';

export interface QueuedPrint {
  doc: PrintDocument;
  role: PrintRole;
  copies?: number;
}

export const TEST_PRINTERS: PrinterConfig[] = [
  { id: 'p1', name: 'Máy in quầy', transport: 'network', address: '127.0.0.1:9100', roles: ['slip', 'receipt'], paper: '80mm', copies: {} },
  { id: 'p2', name: 'Máy in A4', transport: 'system', address: 'A4', roles: ['form'], paper: 'A4', copies: {} },
];

export function deskContext(db: MotCuaDb, now: Date, printed: QueuedPrint[] = []): DeskContext {
  let n = 0;
  return {
    db,
    eventMeta: (dossierId) => ({
      id: crypto.randomUUID(),
      dossierId,
      officerId: 'officer-desk',
      counterId: 'quay-tra',
      deviceTime: new Date(now.getTime() + n++).toISOString(),
      ruleVersion: RULE_VERSION,
    }),
    config: { ...DEFAULT_CENTER_CONFIG, unitTaxCode: '2900000000' },
    calendar: workCalendar(),
    printers: TEST_PRINTERS,
    print: async (doc, options) => {
      printed.push({ doc, ...options });
      return { ok: true, jobId: `job-${printed.length}` };
    },
    counter: { agencyCode: '000.00.15.H41', counterIndex: 2, counterName: 'Quầy trả kết quả' },
    officerName: 'Trần Văn Hùng',
    now: () => now,
    departmentName: (id) => (id === 'STP' ? 'Sở Tư pháp' : undefined),
  };
}

function ev<T extends DossierEventType>(type: T, dossierId: string, deviceTime: string, payload: PayloadOf<T>): EventOf<T> {
  return { id: crypto.randomUUID(), dossierId, officerId: 'officer-1', counterId: 'quay-1', deviceTime, ruleVersion: RULE_VERSION, type, payload } as EventOf<T>;
}

export interface SeedOptions {
  code: string;
  name?: string;
  idNumber?: string;
  phone?: string;
  receivedAt?: string;
  dueAt: string;
  /** How far along the lifecycle: received only, at the department, or with the result at the Center. */
  stage?: 'received' | 'atDepartment' | 'resultReady' | 'returned';
  resultAt?: string;
  fee?: number;
  post?: boolean;
  departmentId?: string;
  procedureCode?: string;
}

export async function seedDossier(db: MotCuaDb, o: SeedOptions): Promise<string> {
  const id = crypto.randomUUID();
  const receivedAt = o.receivedAt ?? '2026-03-02T02:00:00.000Z';
  const events: DossierEvent[] = [
    ev('received', id, receivedAt, {
      code: o.code,
      procedureCode: o.procedureCode ?? '1.000001',
      procedureName: 'Cấp bản sao trích lục hộ tịch',
      departmentId: o.departmentId ?? 'STP',
      applicant: { kind: 'individual', name: o.name ?? 'Nguyễn Văn Bình', idNumber: o.idNumber ?? '040085001234', phone: o.phone ?? '0912345678', address: 'Vinh, Nghệ An' },
      documents: [{ name: 'Tờ khai', originals: 1, certifiedCopies: 0, copies: 0 }],
      sets: 1,
      processingDays: 5,
      receivedAt,
      dueAt: o.dueAt,
      collection: o.post ? { method: 'post', address: '12 Lê Lợi, Vinh' } : { method: 'desk' },
      fees: o.fee ? [{ name: 'Lệ phí', amount: o.fee }] : [],
    }),
  ];
  const stage = o.stage ?? 'received';
  if (stage !== 'received') {
    events.push(ev('handedToCourier', id, receivedAt, { batchId: 'B1', direction: 'toDepartment', courierName: 'Bưu điện Vinh', departmentId: o.departmentId ?? 'STP' }));
    events.push(ev('deliveredToDepartment', id, receivedAt, { batchId: 'B1', at: receivedAt }));
  }
  if (stage === 'resultReady' || stage === 'returned') events.push(ev('resultReceived', id, o.resultAt ?? receivedAt, { batchId: 'B2', outcome: 'result' }));
  if (stage === 'returned') {
    events.push(ev('returned', id, o.resultAt ?? receivedAt, { method: 'desk', recipient: { name: o.name ?? 'Nguyễn Văn Bình', authorised: false }, at: o.resultAt ?? receivedAt }));
  }
  for (const e of events) {
    const r = await recordCommand(db, [e]);
    if (!r.ok) throw new Error(r.error.message);
  }
  return id;
}
