// Dossiers reach a counter the way real ones do: another enrolled counter pushes their events to the
// central server and the counter under test pulls them. No test-only door into the app.
import { randomUUID } from 'node:crypto';
import { vnDateKey } from '../../shared/calendar';
import { RULE_VERSION, type DossierEvent, type DossierEventType, type PayloadOf } from '../../shared/domain';
import type { CatalogueResponse, EnrolResponse, LeaseResponse, PushResponse } from '../../shared/sync/protocol';
import { enrolmentCode } from './app';

export async function api<T>(serverUrl: string, path: string, token: string, body?: unknown): Promise<T> {
  const response = await fetch(new URL(path, serverUrl), {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** What reception records for a seeded dossier: one paper, one set, collected at the desk, no fee unless given. */
export function receivedPayload(p: {
  code: string;
  procedureCode: string;
  procedureName: string;
  departmentId: string;
  applicant: PayloadOf<'received'>['applicant'];
  receivedAt: Date;
  dueAt: Date;
  processingDays?: number;
  fees?: PayloadOf<'received'>['fees'];
}): PayloadOf<'received'> {
  return {
    code: p.code,
    procedureCode: p.procedureCode,
    procedureName: p.procedureName,
    departmentId: p.departmentId,
    applicant: p.applicant,
    documents: [{ name: 'Đơn đề nghị', originals: 1, certifiedCopies: 0, copies: 0 }],
    sets: 1,
    processingDays: p.processingDays ?? 5,
    receivedAt: p.receivedAt.toISOString(),
    dueAt: p.dueAt.toISOString(),
    collection: { method: 'desk' },
    fees: p.fees ?? [],
  };
}

export interface Pusher {
  device: EnrolResponse;
  departments: { id: string; name: string }[];
  /** A dossier code from this device's lease for the reception day. */
  nextCode(receivedAt: Date): Promise<string>;
  event<T extends DossierEventType>(type: T, dossierId: string, payload: PayloadOf<T>, at?: Date): DossierEvent;
  push(events: DossierEvent[]): Promise<PushResponse>;
}

export async function enrolPusher(serverUrl: string, counterId: string, counterName: string, center?: string): Promise<Pusher> {
  const code = await enrolmentCode(serverUrl, counterId, counterName, center);
  const response = await fetch(new URL('/v1/enrol', serverUrl), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, deviceName: counterName }) });
  const device = (await response.json()) as EnrolResponse;
  const catalogue = await api<CatalogueResponse>(serverUrl, '/v1/catalogue?after=0', device.credential);
  const numbers = new Map<string, number[]>();
  return {
    device,
    departments: catalogue.items.filter((i) => i.kind === 'department').map((i) => i.body as { id: string; name: string }),
    async nextCode(receivedAt) {
      const yymmdd = vnDateKey(receivedAt).slice(2).replaceAll('-', '');
      let free = numbers.get(yymmdd);
      if (!free?.length) {
        const lease = await api<LeaseResponse>(serverUrl, '/v1/leases', device.credential, { requestId: randomUUID(), dossierDates: [yymmdd], blockSize: 20 });
        free = lease.blocks.filter((b) => b.kind === 'dossierSeq').flatMap((b) => Array.from({ length: b.last - b.first + 1 }, (_, i) => b.first + i));
        numbers.set(yymmdd, free);
      }
      return `${device.agencyCode}-${yymmdd}-${String(free.shift()).padStart(4, '0')}`;
    },
    event(type, dossierId, payload, at = new Date()) {
      return { id: randomUUID(), dossierId, officerId: 'e2e', counterId: device.counterId, deviceTime: at.toISOString(), ruleVersion: RULE_VERSION, type, payload } as DossierEvent;
    },
    push: (events) => api<PushResponse>(serverUrl, '/v1/push', device.credential, { events }),
  };
}
