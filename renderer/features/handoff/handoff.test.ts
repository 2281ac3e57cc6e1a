import { describeEvent } from '../../../shared/domain';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, test } from 'vitest';
import { classifyScan, dossierBarcodeKey, formatBatchCode } from '../../../shared/codes';
import { MotCuaDb, recordCommand } from '../../db';
import { getBatch, openBatch, openBatchProblems, type BatchDirection } from './batch';
import { batchForDelivery, confirmDossierDelivery, disputeDelivery } from './delivery';
import { listInboundRejects, scanIntoInboundBatch, UNCONFIRMED_DELIVERY_LABEL, type InboundDetails } from './inbound';
import { closeOutboundBatch, removeFromBatch, scanIntoOutboundBatch } from './outbound';
import { createScanSession, rememberOpenedBatch, type ScanSession } from './scanTransaction';
import { AGENCY, BUILDING, confirmBatchDelivery, dossierCode, FINANCE, metaFor, receivedEvent } from '../../testing/handoff';

const meta = metaFor();
const AGENCY_TABLE = [undefined, AGENCY] as unknown as string[];
const names = (id: string | undefined) => ({ [BUILDING]: 'Sở Xây dựng', [FINANCE]: 'Sở Tài chính' })[id ?? ''] ?? 'cơ quan chưa rõ';
const RESULT: InboundDetails = { outcome: 'result', reasons: [], items: [] };

let db: MotCuaDb;
let session: ScanSession;
const ids: string[] = [];

beforeEach(async () => {
  db = new MotCuaDb('handoff', { indexedDB: new IDBFactory(), IDBKeyRange });
  session = createScanSession(db);
  ids.length = 0;
  for (let seq = 1; seq <= 6; seq++) {
    const dossierId = `d${seq}`;
    ids.push(dossierId);
    const result = await recordCommand(db, [receivedEvent(meta(dossierId), dossierCode(seq), seq === 6 ? FINANCE : BUILDING)]);
    expect(result.ok).toBe(true);
  }
});

// As a panel opens a batch: the scan session is told, so its first scan is decided on it.
async function open(direction: BatchDirection = 'toDepartment', departmentId = BUILDING, now = new Date('2026-01-12T08:00:00Z')) {
  const batch = await openBatch(db, { direction, departmentId, courierName: 'Phạm Văn Tư', sealNumber: 'NP-0042', counterId: 'quay-1', officerId: 'officer-1', counterIndex: 7, now });
  rememberOpenedBatch(session, batch);
  return batch;
}
const scanOut = (batchId: string, text: string) => scanIntoOutboundBatch(session, batchId, classifyScan(text), AGENCY_TABLE, names);

describe('batches', () => {
  test('are numbered per counter and day, so codes stay unique offline', async () => {
    const a = await open();
    const b = await open('toCenter');
    const tomorrow = await open('toDepartment', BUILDING, new Date('2026-01-13T02:00:00Z'));
    expect([a.id, b.id, tomorrow.id]).toEqual(['BG-260112-07-01', 'BG-260112-07-02', 'BG-260113-07-01']);
    expect(a.id).toBe(formatBatchCode({ date: '2026-01-12', counter: 7, batchNumber: 1 }));
  });

  test('opening needs a department and a courier name, named at the field', () => {
    expect(openBatchProblems({ departmentId: '', courierName: ' ' })).toEqual({ departmentId: expect.stringMatching(/cơ quan nhận/), courierName: expect.stringMatching(/bưu điện/) });
    expect(openBatchProblems({ departmentId: BUILDING, courierName: 'Tư' })).toEqual({});
  });
});

describe('outbound scanning', () => {
  test('each scan gets its own verdict, and only an accepted one changes the stored batch', async () => {
    const batch = await open();
    const key = dossierBarcodeKey({ agencyIndex: 1, date: '2026-01-12', seq: 2 });
    const verdicts = [];
    for (const text of [dossierCode(1), key, dossierCode(1), dossierCode(6), dossierCode(99), 'HELLO-WORLD', batch.id, dossierBarcodeKey({ agencyIndex: 5, date: '2026-01-12', seq: 2 })]) {
      verdicts.push((await scanOut(batch.id, text)).outcome);
    }
    expect(verdicts).toEqual(['accepted', 'accepted', 'duplicate', 'wrongDepartment', 'unknownCode', 'notADossierCode', 'notADossierCode', 'unknownCode']);
    expect((await getBatch(db, batch.id))?.dossierIds).toEqual(['d1', 'd2']);
  });

  test('a dossier that already left, or was withdrawn, cannot leave', async () => {
    await recordCommand(db, [{ ...meta('d3'), type: 'withdrawn', payload: { reason: 'Công dân xin rút', requestedBy: 'Nguyễn Văn Bình' } }]);
    const batch = await open();
    const verdict = await scanOut(batch.id, dossierCode(3));
    expect(verdict.outcome).toBe('wrongState');
    expect(verdict.message).toMatch(/Đã rút hồ sơ/);
  });

  test('a mis-scan is removed; closing hands the rest to the courier and lists a dossier the reducer refuses', async () => {
    const batch = await open();
    for (const seq of [1, 2, 3, 4]) expect((await scanOut(batch.id, dossierCode(seq))).outcome).toBe('accepted');
    await removeFromBatch(db, batch.id, 'd2');
    // Withdrawn at another desk after it was scanned in: refused at close, the others still go.
    await recordCommand(db, [{ ...meta('d4'), type: 'withdrawn', payload: { reason: 'Công dân xin rút', requestedBy: 'Nguyễn Văn Bình' } }]);
    const closed = await closeOutboundBatch(db, batch.id, meta, new Date('2026-01-12T09:00:00Z'));
    expect(closed.handed).toEqual(['d1', 'd3']);
    expect(closed.refusals.map((r) => r.dossierCode)).toEqual([dossierCode(4)]);
    expect(closed.batch).toMatchObject({ state: 'closed', dossierIds: ['d1', 'd3'], closedAt: '2026-01-12T09:00:00.000Z' });
    const d1 = await db.dossiers.get('d1');
    expect(d1?.status).toBe('withCourier');
    expect(d1?.state.currentBatchId).toBe(batch.id);
    expect((await db.dossiers.get('d2'))?.status).toBe('received');
    expect(await db.outbox.where('dossierId').equals('d1').count()).toBe(2);
    await expect(scanOut(batch.id, dossierCode(5))).rejects.toThrow(/không còn mở/);
  });
});

describe('delivery and results', () => {
  async function sent(seqs: number[]) {
    const batch = await open();
    for (const seq of seqs) await scanOut(batch.id, dossierCode(seq));
    await closeOutboundBatch(db, batch.id, meta);
    return batch.id;
  }

  test('the batch barcode confirms every dossier still travelling; a disputed one is left for follow-up', async () => {
    const batchId = await sent([1, 2, 3]);
    expect(await disputeDelivery(db, batchId, 'd2', ' ', meta)).toMatchObject({ ok: false });
    expect(await disputeDelivery(db, batchId, 'd2', 'Thiếu hồ sơ trong túi', meta)).toEqual({ ok: true });
    const result = await confirmBatchDelivery(db, batchId, meta, new Date('2026-01-12T10:00:00Z'));
    expect(result.delivered).toEqual(['d1', 'd3']);
    expect(result.skipped).toEqual(['d2']);
    expect((await db.dossiers.get('d1'))?.state.deliveredAt).toBe('2026-01-12T10:00:00.000Z');
    expect((await db.dossiers.get('d2'))?.status).toBe('withCourier');
    expect((await getBatch(db, batchId))?.state).toBe('delivered');
    expect(result.batch.draft).toMatchObject({ state: 'delivered', deliveredAt: '2026-01-12T10:00:00.000Z' });
  });

  test('confirmed first at the department: the record still becomes delivered, and nothing is recorded twice', async () => {
    const batchId = await sent([1, 2]);
    const department = metaFor('quay-so-xay-dung', 'officer-9');
    for (const id of ['d1', 'd2']) await recordCommand(db, [{ ...department(id), type: 'deliveredToDepartment', payload: { batchId, at: '2026-01-12T09:30:00.000Z' } }]);
    const result = await confirmBatchDelivery(db, batchId, meta, new Date('2026-01-12T10:00:00Z'));
    expect(result).toMatchObject({ delivered: [], skipped: ['d1', 'd2'], refusals: [] });
    expect((await getBatch(db, batchId))?.state).toBe('delivered');
    expect((await db.dossiers.get('d1'))?.state.deliveredAt).toBe('2026-01-12T09:30:00.000Z');
  });

  test('results come back as result, supplement or refusal; unknown and already returned ones are listed for a supervisor', async () => {
    const out = await sent([1, 2, 3, 4]);
    await confirmBatchDelivery(db, out, meta);
    const inbound = await open('toCenter');
    const scanIn = (text: string, details = RESULT) => scanIntoInboundBatch(session, inbound.id, classifyScan(text), AGENCY_TABLE, details, meta, names);
    expect((await scanIn(dossierCode(1))).outcome).toBe('accepted');
    expect((await scanIn(dossierCode(1))).outcome).toBe('duplicate');
    expect((await scanIn(dossierCode(2), { outcome: 'supplement', items: ['Bản vẽ thiết kế có chữ ký'], reasons: [] })).outcome).toBe('accepted');
    expect((await scanIn(dossierCode(3), { outcome: 'refusal', items: [], reasons: ['Đất không phù hợp quy hoạch'] })).outcome).toBe('accepted');
    expect((await scanIn(dossierCode(6))).outcome).toBe('wrongDepartment');
    expect((await scanIn(dossierCode(77))).outcome).toBe('unknownCode');
    expect((await scanIn(dossierCode(5))).outcome).toBe('wrongState');
    await recordCommand(db, [{ ...meta('d1'), type: 'returned', payload: { method: 'desk', recipient: { name: 'Nguyễn Văn Bình', authorised: false }, at: '2026-01-20T03:00:00.000Z' } }]);
    const second = await open('toCenter');
    const returned = await scanIntoInboundBatch(session, second.id, classifyScan(dossierCode(1)), AGENCY_TABLE, RESULT, meta, names);
    expect(returned.outcome).toBe('wrongState');
    expect(returned.message).toMatch(/đã trả kết quả/);

    expect((await db.dossiers.get('d1'))?.status).toBe('returned');
    expect((await db.dossiers.get('d2'))?.status).toBe('awaitingSupplement');
    expect((await db.dossiers.get('d3'))?.status).toBe('refused');
    expect((await getBatch(db, inbound.id))?.dossierIds).toEqual(['d1', 'd2', 'd3']);
    const rejects = await listInboundRejects(db);
    expect(rejects.map((r) => r.code).sort()).toEqual([dossierCode(1), dossierCode(5), dossierCode(77)].sort());
    expect(rejects.every((r) => r.reason.includes('giám sát'))).toBe(true);
  });

  test('a result for a dossier never confirmed delivered is refused with a warning, then taken in knowingly on the next scan of it, and the event says so', async () => {
    await sent([1, 2]);
    const inbound = await open('toCenter');
    const scanIn = (seq: number) => scanIntoInboundBatch(session, inbound.id, classifyScan(dossierCode(seq)), AGENCY_TABLE, RESULT, meta, names);
    const warned = await scanIn(1);
    expect(warned).toMatchObject({ outcome: 'wrongState', label: UNCONFIRMED_DELIVERY_LABEL });
    expect(warned.message).toMatch(/chưa có xác nhận bưu điện đã giao đến .*quét lại mã một lần nữa để nhận/);
    expect((await db.dossiers.get('d1'))?.status).toBe('withCourier');
    // Another scan in between: the warning does not carry over to it or back.
    expect((await scanIn(2)).label).toBe(UNCONFIRMED_DELIVERY_LABEL);
    expect((await scanIn(1)).label).toBe(UNCONFIRMED_DELIVERY_LABEL);
    const taken = await scanIn(1);
    expect(taken.outcome).toBe('accepted');
    expect(taken.message).toMatch(/nhận khi bưu điện chưa xác nhận đã giao/);
    expect((await db.dossiers.get('d1'))?.status).toBe('resultReady');
    const event = (await db.events.where('dossierId').equals('d1').toArray()).map((r) => r.event).find((e) => e.type === 'resultReceived');
    expect(event?.type === 'resultReceived' && event.payload.deliveryUnconfirmed).toBe(true);
    expect(describeEvent(event!)).toMatch(/chưa xác nhận đã giao hồ sơ đến cơ quan giải quyết/);
    expect(await listInboundRejects(db)).toEqual([]);
  });

  test('the papers of a dossier stopped at the department come back once, for return to the applicant', async () => {
    const out = await sent([1, 2]);
    await confirmBatchDelivery(db, out, meta);
    const stop = (id: string) => recordCommand(db, [{ ...meta(id), type: 'withdrawn', payload: { reason: 'Công dân xin dừng', requestedBy: 'Nguyễn Văn Bình' } }]);
    expect((await stop('d1')).ok).toBe(true);
    expect((await stop('d5')).ok).toBe(true);
    const inbound = await open('toCenter');
    const scanIn = (batchId: string, seq: number) => scanIntoInboundBatch(session, batchId, classifyScan(dossierCode(seq)), AGENCY_TABLE, RESULT, meta, names);

    const back = await scanIn(inbound.id, 1);
    expect(back).toMatchObject({ outcome: 'accepted', label: 'Hồ sơ đã dừng: giấy tờ về Trung tâm' });
    expect(back.message).toMatch(/^Hồ sơ .+ đã dừng giải quyết: giấy tờ về Trung tâm để trả lại người nộp/);
    const d1 = await db.dossiers.get('d1');
    expect(d1?.status).toBe('withdrawn');
    expect(d1?.state.papers).toBe('atCenter');
    expect(back.dossier?.state.papers).toBe('atCenter');
    expect((await db.events.where('dossierId').equals('d1').toArray()).filter((e) => e.event.type === 'papersReturned')).toHaveLength(1);
    expect(await db.outbox.where('dossierId').equals('d1').count()).toBe(5);
    expect((await scanIn(inbound.id, 2)).outcome).toBe('accepted');
    expect((await getBatch(db, inbound.id))?.dossierIds).toEqual(['d1', 'd2']);
    expect((await scanIn(inbound.id, 1)).outcome).toBe('duplicate');

    // Already back (another bag, another day), or never away: refused with the reason, for a supervisor.
    const later = await open('toCenter', BUILDING, new Date('2026-01-13T08:00:00Z'));
    const again = await scanIn(later.id, 1);
    expect(again.outcome).toBe('wrongState');
    expect(again.label).toBeUndefined();
    expect(again.message).toMatch(/giấy tờ đã về Trung tâm lúc .+, không nhận về lần nữa/);
    const never = await scanIn(later.id, 5);
    expect(never.outcome).toBe('wrongState');
    expect((await getBatch(db, later.id))?.dossierIds).toEqual([]);
    expect((await listInboundRejects(db)).map((r) => r.code).sort()).toEqual([dossierCode(1), dossierCode(5)].sort());
    expect((await db.dossiers.get('d5'))?.state.papers).toBe('atCenter');
  });
});

describe('delivery at a counter that did not close the batch', () => {
  // The department's counter: the dossiers and their handedToCourier events came by sync, the batch
  // record stayed at the counter that closed it.
  const BATCH = formatBatchCode({ date: '2026-01-12', counter: 7, batchNumber: 1 });
  const center = metaFor('quay-7', 'officer-7');
  async function handed(seqs: number[], batchId = BATCH) {
    for (const seq of seqs) {
      const result = await recordCommand(db, [{ ...center(`d${seq}`), type: 'handedToCourier', payload: { batchId, direction: 'toDepartment', courierName: 'Phạm Văn Tư', departmentId: BUILDING } }]);
      expect(result.ok).toBe(true);
    }
  }
  const deliveredEvents = async (dossierId: string) => (await db.events.where('dossierId').equals(dossierId).toArray()).filter((e) => e.event.type === 'deliveredToDepartment');

  test('the batch barcode confirms the synced dossiers travelling in it, with the time; single ones are confirmed or disputed', async () => {
    await handed([1, 2, 3, 4]);
    await handed([5], formatBatchCode({ date: '2026-01-12', counter: 7, batchNumber: 2 }));
    const found = await batchForDelivery(db, BATCH);
    expect(found).toEqual({ ok: true, batch: { id: BATCH, dossierIds: ['d1', 'd2', 'd3', 'd4'], departmentId: BUILDING } });

    expect(await disputeDelivery(db, BATCH, 'd2', 'Thiếu hồ sơ trong túi', meta)).toEqual({ ok: true });
    expect(await confirmDossierDelivery(db, BATCH, 'd3', meta, new Date('2026-01-12T09:30:00Z'))).toEqual({ ok: true });
    const result = await confirmBatchDelivery(db, BATCH, meta, new Date('2026-01-12T10:00:00Z'));
    expect(result).toMatchObject({ delivered: ['d1', 'd4'], skipped: ['d2'], refusals: [] });
    expect(result.batch.draft).toBeUndefined();

    const state = async (id: string) => (await db.dossiers.get(id))!;
    expect((await state('d1')).status).toBe('atDepartment');
    expect((await state('d1')).state.deliveredAt).toBe('2026-01-12T10:00:00.000Z');
    expect((await state('d4')).state.deliveredAt).toBe('2026-01-12T10:00:00.000Z');
    expect((await state('d3')).state.deliveredAt).toBe('2026-01-12T09:30:00.000Z');
    expect((await state('d2')).status).toBe('withCourier');
    expect((await state('d5')).status).toBe('withCourier');
    expect(await deliveredEvents('d3')).toHaveLength(1);
    expect((await deliveredEvents('d1'))[0]?.event).toMatchObject({ counterId: 'quay-1', payload: { batchId: BATCH, at: '2026-01-12T10:00:00.000Z' } });
    expect(await db.outbox.where('dossierId').equals('d1').count()).toBe(3);
    // No batch record is made up here: the trips report stays the closing counter's.
    expect(await getBatch(db, BATCH)).toBeUndefined();
  });

  test('a dossier of the same batch no longer with the courier is not included', async () => {
    await handed([1, 2, 3]);
    await recordCommand(db, [{ ...center('d2'), type: 'deliveredToDepartment', payload: { batchId: BATCH, at: '2026-01-12T09:00:00.000Z' } }]);
    await recordCommand(db, [{ ...center('d3'), type: 'withdrawn', payload: { reason: 'Công dân xin rút', requestedBy: 'Nguyễn Văn Bình' } }]);
    const d3 = await db.dossiers.get('d3');
    expect([d3?.status, d3?.state.currentBatchId]).toEqual(['withdrawn', BATCH]);

    const found = await batchForDelivery(db, BATCH);
    expect(found.ok && found.batch.dossierIds).toEqual(['d1']);
    const result = await confirmBatchDelivery(db, BATCH, meta);
    expect(result).toMatchObject({ delivered: ['d1'], skipped: [], refusals: [] });
    expect(await deliveredEvents('d2')).toHaveLength(1);
    expect(await deliveredEvents('d3')).toHaveLength(0);
    expect((await db.dossiers.get('d2'))?.state.deliveredAt).toBe('2026-01-12T09:00:00.000Z');
  });

  test('a batch this machine has no dossier of is refused with what to do; a batch already confirmed says so', async () => {
    const unknown = formatBatchCode({ date: '2026-01-12', counter: 7, batchNumber: 9 });
    const refused = await batchForDelivery(db, unknown);
    expect(refused).toEqual({ ok: false, message: `Máy này chưa có hồ sơ nào của lô ${unknown}: chờ đồng bộ với máy chủ rồi quét lại, hoặc kiểm tra lại mã lô trên biên bản.` });
    await expect(confirmBatchDelivery(db, unknown, meta)).rejects.toThrow(/chưa có hồ sơ nào của lô/);

    await handed([1, 2]);
    await confirmBatchDelivery(db, BATCH, meta);
    const again = await batchForDelivery(db, BATCH);
    expect(again.ok).toBe(false);
    expect(!again.ok && again.message).toMatch(/^Lô BG-260112-07-01 đã được xác nhận giao \(2 hồ sơ đã đến cơ quan giải quyết\)/);
  });
});
