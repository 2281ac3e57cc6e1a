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
