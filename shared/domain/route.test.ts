// Receiving across boundaries (NĐ 309/2026): the route is a fact of the reception, and by post the
// processing time runs from when the competent agency signs for the dossier.
import { describe, expect, it } from 'vitest';
import { makeEvent, sampleReceived } from './fixtures';
import { foldEvents } from './reducer';
import { checkPayload } from './validate';
import type { DossierEvent, DossierRoute, DossierState } from './types';

const ROUTE: DossierRoute = { receivingCenter: '000.22.41.H41', transfer: 'courier', returnCenter: '000.23.41.H41' };
const handed = makeEvent('handedToCourier', { batchId: 'LO-1', direction: 'toDepartment', courierName: 'Bưu điện Diễn Châu', departmentId: 'SXD' });
function fold(events: DossierEvent[]): DossierState {
  const { state, rejected } = foldEvents(events);
  expect(rejected).toEqual([]);
  return state!;
}

const delivered = (dueAt?: string) => makeEvent('deliveredToDepartment', { batchId: 'LO-1', at: '2026-01-14T03:00:00.000Z', ...(dueAt ? { dueAt } : {}) });

describe('a dossier received across boundaries', () => {
  it('carries its route; by post its deadline is only expected until the competent agency signs for it, then runs from there', () => {
    const received = sampleReceived({ route: ROUTE });
    const atReception = fold([received]);
    expect(atReception.route).toEqual(ROUTE);
    expect(atReception.dueExpected).toBe(true);
    expect(atReception.dueAt).toBe(received.payload.dueAt);

    const after = fold([received, handed, delivered('2026-02-04T10:00:00.000Z')]);
    expect(after.dueAt).toBe('2026-02-04T10:00:00.000Z');
    expect(after.dueExpected).toBeUndefined();
  });

  it('electronically, the agency has it at reception: the deadline is the reception’s', () => {
    expect(fold([sampleReceived({ route: { ...ROUTE, transfer: 'electronic' } })]).dueExpected).toBeUndefined();
  });

  it('a deadline from delivery is refused for a dossier that stayed at its center, and one before the delivery for any', () => {
    const local = foldEvents([sampleReceived(), handed, delivered('2026-02-04T10:00:00.000Z')]);
    expect(local.rejected.map((r) => r.error.message)).toEqual([expect.stringContaining('phi địa giới')]);
    expect(checkPayload(delivered('2026-01-13T03:00:00.000Z'))).toContain('phải sau');
    expect(checkPayload(sampleReceived({ route: { ...ROUTE, returnCenter: '' } }))).toContain('trung tâm trả kết quả');
  });
});

const P = '000.00.15.H41'; // the provincial Center, where the competent department's desk is
const A = ROUTE.receivingCenter;
const B = ROUTE.returnCenter;
const sent = (batchId: string, carried: 'papers' | 'result', fromCenter: string, toCenter: string) =>
  makeEvent('sentToCenter', { batchId, carried, fromCenter, toCenter, courierName: 'Bưu điện Diễn Châu' });
const arrived = (batchId: string, carried: 'papers' | 'result', center: string) => makeEvent('arrivedAtCenter', { batchId, carried, center });
const resultIn = (batchId: string, atCenter?: string) => makeEvent('resultReceived', { batchId, outcome: 'result', ...(atCenter ? { atCenter } : {}) });

describe('batches between centers', () => {
  it('papers go from the receiving center to the competent agency’s center, then to the department; the deadline still runs from the department’s receipt', () => {
    const received = sampleReceived({ route: ROUTE });
    expect(fold([received]).heldAt).toBe(A);
    const onTheWay = fold([received, sent('LC-1', 'papers', A, P)]);
    expect(onTheWay).toMatchObject({ status: 'withCourier', boundFor: P, currentBatchId: 'LC-1', transferCenters: [P], heldAt: A, dueExpected: true });
    const atP = fold([received, sent('LC-1', 'papers', A, P), arrived('LC-1', 'papers', P)]);
    expect(atP).toMatchObject({ status: 'received', heldAt: P, transferCenters: [P], dueExpected: true });
    expect(atP.boundFor).toBeUndefined();
    expect(atP.currentBatchId).toBeUndefined();
    const atDepartment = fold([received, sent('LC-1', 'papers', A, P), arrived('LC-1', 'papers', P), handed, delivered('2026-02-04T10:00:00.000Z')]);
    expect(atDepartment).toMatchObject({ status: 'atDepartment', dueAt: '2026-02-04T10:00:00.000Z' });
  });

  it('a result taken in at the receiving center is forwarded to the center the applicant chose, and is ready there; the applicant is told again', () => {
    const notified = makeEvent('applicantNotified', { channel: 'sms', contact: '0912345678', message: 'Hồ sơ đã có kết quả.', early: false, at: '2026-01-20T03:00:00.000Z' });
    const base = [sampleReceived({ route: ROUTE }), handed, delivered('2026-02-04T10:00:00.000Z'), resultIn('KQ-1', A)];
    expect(fold(base)).toMatchObject({ status: 'resultReady', heldAt: A });
    const forwarded = fold([...base, notified, sent('LC-2', 'result', A, B)]);
    expect(forwarded).toMatchObject({ status: 'resultInTransit', boundFor: B });
    const there = fold([...base, notified, sent('LC-2', 'result', A, B), arrived('LC-2', 'result', B)]);
    expect(there).toMatchObject({ status: 'resultReady', heldAt: B, transferCenters: [B] });
    expect(there.notifiedAt).toBeUndefined();
    expect(there.resultReadyAt).toBe(fold(base).resultReadyAt);
  });

  it('a result taken in without the desk’s center leaves where it is unknown', () => {
    expect(fold([sampleReceived({ route: ROUTE }), handed, delivered(), resultIn('KQ-1')]).heldAt).toBeUndefined();
  });

  it('refuses a batch sent from a center that does not hold the dossier, arriving at another center than the one it was sent to, or in another batch', () => {
    const received = sampleReceived({ route: ROUTE });
    const wrongSender = foldEvents([received, sent('LC-1', 'papers', B, P)]);
    expect(wrongSender.rejected.map((r) => r.error.code)).toEqual(['ILLEGAL_TRANSITION']);
    expect(wrongSender.rejected[0]!.error.message).toContain(`đang ở trung tâm mã ${A}`);
    const wrongPlace = foldEvents([received, sent('LC-1', 'papers', A, P), arrived('LC-1', 'papers', B)]);
    expect(wrongPlace.rejected.map((r) => r.error.code)).toEqual(['ILLEGAL_TRANSITION']);
    expect(wrongPlace.rejected[0]!.error.message).toContain(`được chuyển đến trung tâm mã ${P}`);
    const wrongBatch = foldEvents([received, sent('LC-1', 'papers', A, P), arrived('LC-9', 'papers', P)]);
    expect(wrongBatch.rejected.map((r) => r.error.code)).toEqual(['BATCH_MISMATCH']);
    // A department's batch never "arrives at a center": only a batch between centers does.
    const department = foldEvents([received, handed, arrived('LO-1', 'papers', P)]);
    expect(department.rejected.map((r) => r.error.code)).toEqual(['ILLEGAL_TRANSITION']);
    // The papers cannot travel as a result, nor a result before there is one.
    expect(foldEvents([received, sent('LC-1', 'result', A, B)]).rejected.map((r) => r.error.code)).toEqual(['ILLEGAL_TRANSITION']);
  });

  it('checks the batch’s own content', () => {
    expect(checkPayload(sent('LC-1', 'papers', A, A))).toContain('khác trung tâm gửi');
    expect(checkPayload(sent('LC-1', 'papers', A, ''))).toContain('trung tâm gửi và trung tâm nhận');
    expect(checkPayload(makeEvent('sentToCenter', { batchId: 'LC-1', carried: 'box' as 'papers', fromCenter: A, toCenter: B, courierName: 'X Y' }))).toContain('giấy tờ hồ sơ hay kết quả');
    expect(checkPayload(arrived('LC-1', 'result', ''))).toContain('Thiếu trung tâm');
    expect(checkPayload(arrived('LC-1', 'result', B))).toBeUndefined();
  });
});
