// The one-trip scan: decided on the screen's snapshot while the same reads go out, aborted and decided
// again whenever the database says otherwise.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, expect, test } from 'vitest';
import { classifyScan } from '../../../shared/codes';
import { MotCuaDb, recordCommand } from '../../db';
import { getBatch, openBatch, type BatchDirection } from './batch';
import { scanIntoInboundBatch, type InboundDetails } from './inbound';
import { closeOutboundBatch, removeFromBatch, scanIntoOutboundBatch } from './outbound';
import { createScanSession, rememberOpenedBatch, scanSessionStats, type ScanSession } from './scanTransaction';
import { AGENCY, BUILDING, confirmBatchDelivery, dossierCode, FINANCE, metaFor, receivedEvent } from '../../testing/handoff';

const meta = metaFor();
const AGENCY_TABLE = [undefined, AGENCY] as unknown as string[];
const names = (id: string | undefined) => id ?? '';
const RESULT: InboundDetails = { outcome: 'result', reasons: [], items: [] };

let db: MotCuaDb;
let session: ScanSession;

beforeEach(async () => {
  db = new MotCuaDb('scan-transaction', { indexedDB: new IDBFactory(), IDBKeyRange });
  session = createScanSession(db);
  for (let seq = 1; seq <= 4; seq++) {
    expect((await recordCommand(db, [receivedEvent(meta(`d${seq}`), dossierCode(seq), seq === 4 ? FINANCE : BUILDING)])).ok).toBe(true);
  }
});

// As a panel opens a batch: its scan session is told.
async function open(direction: BatchDirection, into = session) {
  const batch = await openBatch(db, { direction, departmentId: BUILDING, courierName: 'Phạm Văn Tư', sealNumber: '', counterId: 'quay-1', officerId: 'officer-1', counterIndex: 7 });
  rememberOpenedBatch(into, batch);
  return batch;
}
const scanOut = (batchId: string, seq: number, into = session) => scanIntoOutboundBatch(into, batchId, classifyScan(dossierCode(seq)), AGENCY_TABLE, names);
const scanIn = (batchId: string, seq: number) => scanIntoInboundBatch(session, batchId, classifyScan(dossierCode(seq)), AGENCY_TABLE, RESULT, meta, names);

test('once the department’s dossiers are loaded, expected scans take one trip; others still take two', async () => {
  const batch = await open('toDepartment');
  expect((await scanOut(batch.id, 1)).outcome).toBe('accepted');
  expect(await scanSessionStats(session)).toEqual({ oneTrip: 0, stale: 0, twoTrips: 1 });
  expect((await scanOut(batch.id, 2)).outcome).toBe('accepted');
  expect((await scanOut(batch.id, 2)).outcome).toBe('duplicate');
  expect((await scanOut(batch.id, 4)).outcome).toBe('wrongDepartment');
  expect(await scanSessionStats(session)).toEqual({ oneTrip: 2, stale: 0, twoTrips: 2 });
  expect((await getBatch(db, batch.id))?.dossierIds).toEqual(['d1', 'd2']);
  // A new batch's first scan already has its batch: the one just opened.
  const next = await open('toDepartment');
  expect((await scanOut(next.id, 3)).outcome).toBe('accepted');
  expect(await scanSessionStats(session)).toEqual({ oneTrip: 3, stale: 0, twoTrips: 2 });
});

test('a batch changed behind the snapshot: the guess is aborted and the scan decided on the stored batch', async () => {
  const batch = await open('toDepartment');
  await scanOut(batch.id, 1);
  await scanSessionStats(session);
  await removeFromBatch(db, batch.id, 'd1');
  // The snapshot still has d1 in the batch and would say "duplicate".
  expect((await scanOut(batch.id, 1)).outcome).toBe('accepted');
  expect(await scanSessionStats(session)).toMatchObject({ stale: 1 });
  expect((await getBatch(db, batch.id))?.dossierIds).toEqual(['d1']);
});

test('a dossier changed behind the snapshot: nothing the aborted guess wrote stays', async () => {
  const out = await open('toDepartment');
  for (const seq of [1, 2]) await scanOut(out.id, seq);
  await closeOutboundBatch(db, out.id, meta);
  await confirmBatchDelivery(db, out.id, meta);
  const inbound = await open('toCenter');
  expect((await scanIn(inbound.id, 1)).outcome).toBe('accepted');
  const before = await scanSessionStats(session);
  // Another desk (or sync) records d2's result meanwhile; the snapshot still has d2 at the department.
  expect((await recordCommand(db, [{ ...meta('d2'), type: 'resultReceived', payload: { batchId: 'BG-260112-09-01', outcome: 'result' } }])).ok).toBe(true);
  const verdict = await scanIn(inbound.id, 2);
  expect(verdict.outcome).toBe('wrongState');
  expect(await scanSessionStats(session)).toMatchObject({ stale: before.stale + 1 });
  const results = (await db.events.where('dossierId').equals('d2').toArray()).filter((e) => e.event.type === 'resultReceived');
  expect(results.map((e) => e.event.payload)).toEqual([{ batchId: 'BG-260112-09-01', outcome: 'result' }]);
  expect((await db.outbox.where('dossierId').equals('d2').toArray()).filter((o) => o.event.type === 'resultReceived')).toHaveLength(1);
  expect((await getBatch(db, inbound.id))?.dossierIds).toEqual(['d1']);
});

test('two panels on one database keep sessions of their own: neither decides on what the other saw', async () => {
  const batch = await open('toDepartment');
  await scanOut(batch.id, 1);
  await scanSessionStats(session);
  expect((await scanOut(batch.id, 2)).outcome).toBe('accepted');
  expect(await scanSessionStats(session)).toEqual({ oneTrip: 1, stale: 0, twoTrips: 1 });
  // A second window's panel: its first scan reads the batch (with d1 and d2) instead of guessing.
  const other = createScanSession(db);
  expect((await scanOut(batch.id, 1, other)).outcome).toBe('duplicate');
  await scanSessionStats(other);
  expect((await scanOut(batch.id, 3, other)).outcome).toBe('accepted');
  expect(await scanSessionStats(other)).toEqual({ oneTrip: 1, stale: 0, twoTrips: 1 });
  // The first panel's snapshot misses d3: the guess is contradicted, the scan still right.
  expect((await scanOut(batch.id, 3)).outcome).toBe('duplicate');
  expect(await scanSessionStats(session)).toEqual({ oneTrip: 1, stale: 1, twoTrips: 2 });
  expect((await getBatch(db, batch.id))?.dossierIds).toEqual(['d1', 'd2', 'd3']);
});
