// Batches between centers at the handover desk: every verdict of an outgoing and an incoming scan,
// the close as one desk command, and the result taken in from a department stamped with this center.
// One database plays both centers' counters: `A`, `B` and `P` are the `ownCenter` each scan says it serves.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, test } from 'vitest';
import { classifyScan } from '../../../shared/codes';
import { describeEvent, type DossierEvent, type DossierRoute } from '../../../shared/domain';
import { MotCuaDb, recordCommand } from '../../db';
import { cardFacts, heldAtAnotherCenter } from '../dossier/card';
import { getBatch, listBatches, openBatch, openBatchProblems, type BatchDirection } from './batch';
import { notHeldHere, scanArrivalFromCenter, scanIntoCenterBatch } from './centers';
import { batchForDelivery } from './delivery';
import { handoverDocument } from './handoverPrint';
import { listInboundRejects, scanIntoInboundBatch, type InboundDetails } from './inbound';
import { closeOutboundBatch, scanIntoOutboundBatch } from './outbound';
import { createScanSession, rememberOpenedBatch, type ScanSession } from './scanTransaction';
import { tripsReport } from './trips';
import { AGENCY, BUILDING, confirmBatchDelivery, dossierCode, metaFor, receivedEvent } from '../../testing/handoff';
import { DEFAULT_CENTER_CONFIG } from '../../desk/config';

const meta = metaFor();
const AGENCY_TABLE = [undefined, AGENCY] as unknown as string[];
const A = '000.22.41.H41';
const B = '000.23.41.H41';
const P = '000.00.15.H41';
const CENTER_NAMES: Record<string, string> = { [A]: 'Trung tâm Phục vụ hành chính công xã Diễn Châu', [B]: 'Trung tâm Phục vụ hành chính công phường Vinh Hưng' };
const centerName = (code: string) => CENTER_NAMES[code] ?? `trung tâm mã ${code}`;
const names = () => 'Sở Xây dựng';
const RESULT: InboundDetails = { outcome: 'result', reasons: [], items: [] };
const ROUTE_A_TO_B: DossierRoute = { receivingCenter: A, transfer: 'courier', returnCenter: B };

let db: MotCuaDb;
let session: ScanSession;

function routed(seq: number, route?: DossierRoute): DossierEvent {
  const event = receivedEvent(meta(`d${seq}`), dossierCode(seq), BUILDING);
  return route && event.type === 'received' ? { ...event, payload: { ...event.payload, route } } : event;
}

/** d1: received at A for B; d2: not across boundaries; d3: received at B; d4: its result taken in at A, collected at B. */
beforeEach(async () => {
  db = new MotCuaDb('centers', { indexedDB: new IDBFactory(), IDBKeyRange });
  session = createScanSession(db);
  for (const [seq, route] of [
    [1, ROUTE_A_TO_B],
    [2, undefined],
    [3, { ...ROUTE_A_TO_B, receivingCenter: B }],
    [4, ROUTE_A_TO_B],
  ] as const) {
    expect((await recordCommand(db, [routed(seq, route)])).ok).toBe(true);
  }
  // d4 goes to the department and its result is taken in at A's handover desk.
  const out = await openAs('toDepartment', {});
  await scanIntoOutboundBatch(session, out.id, classifyScan(dossierCode(4)), AGENCY_TABLE, names);
  await closeOutboundBatch(db, out.id, meta);
  await confirmBatchDelivery(db, out.id, meta);
  const back = await openAs('toCenter', {});
  const taken = await scanIntoInboundBatch(session, back.id, classifyScan(dossierCode(4)), AGENCY_TABLE, RESULT, meta, names, new Date(), A);
  expect(taken.outcome).toBe('accepted');
  session = createScanSession(db);
});

async function openAs(direction: BatchDirection, other: { centerCode?: string; carried?: 'papers' | 'result' }) {
  const batch = await openBatch(db, {
    direction,
    departmentId: other.centerCode ? '' : BUILDING,
    ...other,
    courierName: 'Phạm Văn Tư',
    sealNumber: 'NP-7',
    counterId: 'quay-9',
    officerId: 'officer-1',
    counterIndex: 9,
  });
  rememberOpenedBatch(session, batch);
  return batch;
}
const scanOut = (batchId: string, seq: number | string, own = A) =>
  scanIntoCenterBatch(session, batchId, classifyScan(typeof seq === 'number' ? dossierCode(seq) : seq), AGENCY_TABLE, own, centerName);
const scanArrival = (batchId: string, seq: number | string, own = B) =>
  scanArrivalFromCenter(session, batchId, classifyScan(typeof seq === 'number' ? dossierCode(seq) : seq), AGENCY_TABLE, meta, own, centerName);

describe('opening a batch between centers', () => {
  test('needs the center and, going out, what the batch carries, named at the field', () => {
    expect(openBatchProblems({ departmentId: '', courierName: 'Tư', centerCode: '', carried: '' })).toEqual({
      centerCode: expect.stringMatching(/trung tâm nhận/),
      carried: expect.stringMatching(/giấy tờ hồ sơ hay kết quả/),
    });
    expect(openBatchProblems({ departmentId: '', courierName: 'Tư', centerCode: B, carried: 'result' })).toEqual({});
    expect(openBatchProblems({ departmentId: '', courierName: 'Tư', centerCode: '' }, 'toCenter')).toEqual({ centerCode: expect.stringMatching(/trung tâm gửi/) });
    expect(openBatchProblems({ departmentId: '', courierName: 'Tư', centerCode: A }, 'toCenter')).toEqual({});
  });

  test('keeps the other center and the cargo on the one batch record', async () => {
    const batch = await openAs('toDepartment', { centerCode: B, carried: 'result' });
    expect(await getBatch(db, batch.id)).toMatchObject({ direction: 'toDepartment', departmentId: '', centerCode: B, carried: 'result' });
    // A department's batch has neither.
    const department = await openAs('toDepartment', {});
    expect(department.centerCode).toBeUndefined();
    expect(department.carried).toBeUndefined();
  });
});

describe('the result of a department taken in', () => {
  test('is stamped with this center for a dossier across boundaries, not for one of its own', async () => {
    const d4 = await db.dossiers.get('d4');
    expect(d4?.state).toMatchObject({ status: 'resultReady', heldAt: A });
    const stamped = (await db.events.where('dossierId').equals('d4').toArray()).map((r) => r.event).find((e) => e.type === 'resultReceived');
    expect(stamped?.type === 'resultReceived' && stamped.payload.atCenter).toBe(A);
    expect(describeEvent(stamped!, { centerName })).toMatch(/^Trung tâm Phục vụ hành chính công xã Diễn Châu nhận kết quả giải quyết/);

    const out = await openAs('toDepartment', {});
    await scanIntoOutboundBatch(session, out.id, classifyScan(dossierCode(2)), AGENCY_TABLE, names);
    await closeOutboundBatch(db, out.id, meta);
    await confirmBatchDelivery(db, out.id, meta);
    const back = await openAs('toCenter', {});
    expect((await scanIntoInboundBatch(session, back.id, classifyScan(dossierCode(2)), AGENCY_TABLE, RESULT, meta, names, new Date(), A)).outcome).toBe('accepted');
    const own = (await db.events.where('dossierId').equals('d2').toArray()).map((r) => r.event).find((e) => e.type === 'resultReceived');
    expect(own?.type === 'resultReceived' && 'atCenter' in own.payload).toBe(false);
  });
});

describe('outgoing to another center', () => {
  test('each scan gets its verdict: papers held here go, others are set aside with the reason', async () => {
    const papers = await openAs('toDepartment', { centerCode: P, carried: 'papers' });
    const verdicts = [];
    for (const seq of [1, 1, 2, 3, 4, 99, 'HELLO-WORLD'] as const) verdicts.push(await scanOut(papers.id, seq));
    expect(verdicts.map((v) => v.outcome)).toEqual(['accepted', 'duplicate', 'wrongDepartment', 'wrongState', 'wrongState', 'unknownCode', 'notADossierCode']);
    expect(verdicts[2]!.message).toMatch(/không tiếp nhận phi địa giới/);
    expect(verdicts[3]!.message).toBe(`${dossierCode(3)} đang ở ${CENTER_NAMES[B]}, không ở trung tâm này: chỉ trung tâm đang giữ hồ sơ mới chuyển đi được.`);
    expect(verdicts[4]!.message).toMatch(/«.+», không chuyển đi được\. Lô này chuyển giấy tờ hồ sơ; hồ sơ này đi trong lô chuyển kết quả giải quyết\./);
    expect((await getBatch(db, papers.id))?.dossierIds).toEqual(['d1']);
  });

  test('a result goes only to the center the applicant chose; closing records «sent to center» for each in one command', async () => {
    const wrong = await openAs('toDepartment', { centerCode: P, carried: 'result' });
    const aside = await scanOut(wrong.id, 4);
    expect(aside).toMatchObject({ outcome: 'wrongDepartment', label: 'Công dân nhận kết quả ở trung tâm khác' });
    expect(aside.message).toBe(`${dossierCode(4)}: công dân chọn nhận kết quả tại ${CENTER_NAMES[B]}, không phải trung tâm mã ${P}. Để riêng hồ sơ này.`);
    expect((await scanOut(wrong.id, 1)).outcome).toBe('wrongState');

    const toB = await openAs('toDepartment', { centerCode: B, carried: 'result' });
    expect((await scanOut(toB.id, 4)).outcome).toBe('accepted');
    // B's counter cannot send what A holds.
    const fromB = await openAs('toDepartment', { centerCode: A, carried: 'result' });
    expect(await scanOut(fromB.id, 4, B)).toMatchObject({
      outcome: 'wrongState',
      message: `${dossierCode(4)} đang ở ${CENTER_NAMES[A]}, không ở trung tâm này: chỉ trung tâm đang giữ hồ sơ mới chuyển đi được.`,
    });
    const outboxBefore = await db.outbox.count();
    const closed = await closeOutboundBatch(db, toB.id, meta, new Date('2026-01-20T08:00:00Z'), A);
    expect(closed).toMatchObject({ handed: ['d4'], refusals: [], batch: { state: 'closed', centerCode: B, carried: 'result' } });
    expect(await db.outbox.count()).toBe(outboxBefore + 1);
    const d4 = await db.dossiers.get('d4');
    expect(d4?.state).toMatchObject({ status: 'resultInTransit', boundFor: B, heldAt: A, currentBatchId: toB.id, transferCenters: [B] });
    const sent = (await db.events.where('dossierId').equals('d4').toArray()).map((r) => r.event).find((e) => e.type === 'sentToCenter');
    expect(sent?.payload).toEqual({ batchId: toB.id, carried: 'result', fromCenter: A, toCenter: B, courierName: 'Phạm Văn Tư' });
    expect(cardFacts(d4!.state, new Date(), (c) => CENTER_NAMES[c]).held).toBe(`Đang chuyển đến ${CENTER_NAMES[B]}`);
    // Not a department's batch: nothing to confirm as delivered.
    expect(await batchForDelivery(db, toB.id)).toEqual({ ok: false, message: expect.stringMatching(/chuyển sang trung tâm khác/) });

    // The record names both centers and what the batch carries.
    const doc = await handoverDocument(db, closed.batch, { config: DEFAULT_CENTER_CONFIG, counterpart: CENTER_NAMES[B]!, ownUnit: CENTER_NAMES[A], officerName: 'Lê Thị Mai', layout: 'sheet' });
    const fields = doc.blocks.flatMap((b) => (b.type === 'fields' ? b.rows : []));
    expect(fields).toEqual(
      expect.arrayContaining([
        { label: 'Từ trung tâm', value: CENTER_NAMES[A] },
        { label: 'Đến trung tâm', value: CENTER_NAMES[B] },
        { label: 'Nội dung', value: 'Kết quả giải quyết chuyển giữa các trung tâm' },
      ]),
    );
  });

  test('closing a batch between centers without this counter’s center records nothing', async () => {
    const toB = await openAs('toDepartment', { centerCode: B, carried: 'result' });
    await scanOut(toB.id, 4);
    const before = await db.events.count();
    await expect(closeOutboundBatch(db, toB.id, meta)).rejects.toThrow(/thiếu mã trung tâm của quầy/);
    expect(await db.events.count()).toBe(before);
    expect((await getBatch(db, toB.id))?.state).toBe('open');
  });
});

describe('incoming from another center', () => {
  async function sendFromA(seq: number, to: string, carried: 'papers' | 'result') {
    const out = await openAs('toDepartment', { centerCode: to, carried });
    expect((await scanOut(out.id, seq)).outcome).toBe('accepted');
    await closeOutboundBatch(db, out.id, meta, new Date(), A);
    return out.id;
  }

  test('each scan records the arrival here at once; what this center cannot take goes to the supervisor with the reason', async () => {
    const resultBatch = await sendFromA(4, B, 'result');
    await sendFromA(1, P, 'papers');
    const inbound = await openAs('toCenter', { centerCode: A });
    const verdicts = [];
    for (const seq of [4, 4, 1, 2, 77, 'HELLO-WORLD'] as const) verdicts.push(await scanArrival(inbound.id, seq));
    expect(verdicts.map((v) => v.outcome)).toEqual(['accepted', 'duplicate', 'wrongDepartment', 'wrongState', 'unknownCode', 'notADossierCode']);
    expect(verdicts[0]!.message).toBe(`Đã nhận kết quả giải quyết ${dossierCode(4)} (1 hồ sơ): chờ trả cho công dân tại đây.`);
    expect(verdicts[2]!.message).toBe(`${dossierCode(1)} được chuyển đến trung tâm mã ${P}, không phải trung tâm này: không nhận, chuyển giám sát xử lý.`);
    expect(verdicts[3]!.message).toMatch(/không có trong lô chuyển giữa các trung tâm/);

    const d4 = await db.dossiers.get('d4');
    expect(d4?.state).toMatchObject({ status: 'resultReady', heldAt: B });
    expect(d4?.state.boundFor).toBeUndefined();
    const arrived = (await db.events.where('dossierId').equals('d4').toArray()).map((r) => r.event).find((e) => e.type === 'arrivedAtCenter');
    // The arrival names the batch A closed, as its handover record does.
    expect(arrived?.payload).toEqual({ batchId: resultBatch, carried: 'result', center: B });
    expect((await getBatch(db, inbound.id))?.dossierIds).toEqual(['d4']);
    const rejects = await listInboundRejects(db);
    expect(rejects.map((r) => r.code).sort()).toEqual([dossierCode(1), dossierCode(2), dossierCode(77)].sort());
    expect(rejects.every((r) => r.centerCode === A && r.reason.includes('giám sát'))).toBe(true);
    // Only B returns it now; at A the desk says where it is.
    expect(heldAtAnotherCenter(d4!.state, B)).toBeUndefined();
    expect(heldAtAnotherCenter(d4!.state, A, (c) => CENTER_NAMES[c])).toMatch(/đang ở Trung tâm Phục vụ hành chính công phường Vinh Hưng, chưa ở trung tâm này: không trả kết quả tại đây/);
  });

  test('a dossier in a batch between centers is not a department’s result', async () => {
    await sendFromA(1, P, 'papers');
    const back = await openAs('toCenter', {});
    const verdict = await scanIntoInboundBatch(session, back.id, classifyScan(dossierCode(1)), AGENCY_TABLE, RESULT, meta, names, new Date(), P);
    expect(verdict).toMatchObject({ outcome: 'wrongState', message: expect.stringMatching(/đang trong lô chuyển giữa các trung tâm/) });
    expect((await db.dossiers.get('d1'))?.status).toBe('withCourier');
    expect((await listInboundRejects(db)).map((r) => r.code)).toEqual([dossierCode(1)]);
  });

  test('papers arrive at the competent agency’s center as received there, for its department batch', async () => {
    await sendFromA(1, P, 'papers');
    const inbound = await openAs('toCenter', { centerCode: A });
    const verdict = await scanArrival(inbound.id, 1, P);
    expect(verdict.outcome).toBe('accepted');
    expect(verdict.message).toMatch(/^Đã nhận giấy tờ hồ sơ .*chuyển cơ quan giải quyết/);
    expect((await db.dossiers.get('d1'))?.state).toMatchObject({ status: 'received', heldAt: P, transferCenters: [P] });
    // Then it leaves for the department in P's ordinary batch, and only from P.
    const out = await openAs('toDepartment', {});
    const fromA = await scanIntoOutboundBatch(session, out.id, classifyScan(dossierCode(1)), AGENCY_TABLE, names, (row) => notHeldHere(row.state, A, centerName));
    expect(fromA).toMatchObject({ outcome: 'wrongState', message: `${dossierCode(1)}: đang ở trung tâm mã ${P}, không ở trung tâm này: chỉ trung tâm đang giữ hồ sơ mới chuyển đi được.` });
    expect((await scanIntoOutboundBatch(session, out.id, classifyScan(dossierCode(1)), AGENCY_TABLE, names, (row) => notHeldHere(row.state, P, centerName))).outcome).toBe('accepted');
  });
});

describe('the return desk', () => {
  test('says where a result held at another center is, and that it comes in a batch between centers', async () => {
    const d4 = (await db.dossiers.get('d4'))!;
    expect(cardFacts(d4.state, new Date(), (c) => CENTER_NAMES[c]).held).toBe(`Kết quả đang ở ${CENTER_NAMES[A]}`);
    const message = heldAtAnotherCenter(d4.state, B, (c) => CENTER_NAMES[c]);
    expect(message).toBe(
      `Kết quả của hồ sơ ${dossierCode(4)} đang ở ${CENTER_NAMES[A]}, chưa ở trung tâm này: không trả kết quả tại đây. ${CENTER_NAMES[A]} chuyển kết quả đến trung tâm này trong một lô chuyển giữa các trung tâm; trả khi lô đến và đã quét nhận.`,
    );
    expect(heldAtAnotherCenter(d4.state, A)).toBeUndefined();
    expect(heldAtAnotherCenter((await db.dossiers.get('d2'))!.state, B)).toBeUndefined();
  });

  test('the trips report counts the trips to another center under its name', async () => {
    const toB = await openAs('toDepartment', { centerCode: B, carried: 'result' });
    await scanOut(toB.id, 4);
    await closeOutboundBatch(db, toB.id, meta, new Date(), A);
    const rows = tripsReport(await listBatches(db), names, centerName);
    expect(rows.find((r) => r.departmentId === `center:${B}`)).toMatchObject({ departmentName: CENTER_NAMES[B], outboundTrips: 1, outboundDossiers: 1, inboundTrips: 0 });
    // The department's trip out counts; its results batch is still open, so it has not travelled.
    expect(rows.find((r) => r.departmentId === BUILDING)).toMatchObject({ outboundTrips: 1, inboundTrips: 0 });
  });
});
