// The push plan without a database: what is stored, flagged and numbered for a batch of new events.
import { describe, expect, it } from 'vitest';
import type { DossierEvent } from '../shared/domain';
import { dossierSeqScope, receiptScope } from '../shared/sync/leases';
import { AGENCY, dossierCode, feeCollected, handedToCourier, received, returned } from '../tests/sync/events';
import { logContextOf } from './logContext';
import { planPush, planPushes, receptionYears, type DossierRow, type LeaseRow, type PlanInput } from './pushPlan';

const COUNTER = 'Q01';
const device = { counter_index: 1, counter_name: 'Quầy 1' };
const leases: LeaseRow[] = [
  { kind: 'dossierSeq', scope: dossierSeqScope(AGENCY, '260112'), first_number: 1, last_number: 50 },
  { kind: 'receipt', scope: receiptScope('EBL01', '26TAA'), first_number: 1, last_number: 100 },
];

function input(fresh: DossierEvent[], over: Partial<PlanInput> = {}): PlanInput {
  return { device, fresh, dossiers: new Map(), codeOwners: new Map(), usedReceipts: new Set(), leases, registerLast: new Map(), ...over };
}

const conflictsOf = (plan: ReturnType<typeof planPush>) => plan.events.map((p) => p.conflict?.code ?? null);

describe('planPush', () => {
  it('numbers receptions after the year’s last form 06 number and leaves one snapshot per dossier', () => {
    const r1 = received(COUNTER, dossierCode(1));
    const r2 = received(COUNTER, dossierCode(2));
    const sent = handedToCourier(COUNTER, r1.dossierId);
    const plan = planPush(input([r1, r2, sent], { registerLast: new Map([[2026, 41]]) }));

    expect(conflictsOf(plan)).toEqual([null, null, null]);
    expect(plan.events.map((p) => p.registerNumber)).toEqual([42, 43, undefined]);
    expect(plan.registerNumbers).toEqual([
      { year: 2026, number: 42, dossier_id: r1.dossierId, event_id: r1.id },
      { year: 2026, number: 43, dossier_id: r2.dossierId, event_id: r2.id },
    ]);
    expect(plan.registerCounters).toEqual([{ year: 2026, last: 43 }]);
    expect(plan.dossiers.map((d) => [d.row.id, d.row.state.status, d.row.register_number, d.lastEventId])).toEqual([
      [r1.dossierId, 'withCourier', 42, sent.id],
      [r2.dossierId, 'received', 43, r2.id],
    ]);
    expect(plan.conflicts).toEqual([]);
  });

  it('keeps a refused fact, flags it, and leaves the snapshot as it was with one more open conflict', () => {
    const r = received(COUNTER, dossierCode(3));
    const before = planPush(input([r])).dossiers[0]!.row;
    const stored = new Map<string, DossierRow>([[r.dossierId, before]]);
    const back = returned(COUNTER, r.dossierId);
    const plan = planPush(input([back], { dossiers: stored }));

    expect(conflictsOf(plan)).toEqual(['ILLEGAL_TRANSITION']);
    expect(plan.conflicts).toEqual([{ event_id: back.id, dossier_id: r.dossierId, code: 'ILLEGAL_TRANSITION', message: plan.events[0]!.conflict!.message }]);
    expect(plan.dossiers).toEqual([{ row: { ...before, open_conflicts: 1 }, lastEventId: back.id }]);
    // The inputs read from the database are never changed.
    expect(stored.get(r.dossierId)!.open_conflicts).toBe(0);
  });

  it('flags a fact about a dossier the server has never seen and stores no snapshot for it', () => {
    const stray = handedToCourier(COUNTER, received(COUNTER, dossierCode(4)).dossierId);
    const plan = planPush(input([stray]));
    expect(conflictsOf(plan)).toEqual(['UNKNOWN_DOSSIER']);
    expect(plan.conflicts).toHaveLength(1);
    expect(plan.dossiers).toEqual([]);
  });

  it('flags a code already used or not leased, yet applies and numbers the reception', () => {
    const taken = received(COUNTER, dossierCode(5));
    const twiceInBatch = received(COUNTER, dossierCode(6));
    const again = received(COUNTER, dossierCode(6));
    const notLeased = received(COUNTER, dossierCode(8000));
    const fallback = received(COUNTER, dossierCode(9049));
    const otherCounters = received(COUNTER, dossierCode(9050));
    const plan = planPush(input([taken, twiceInBatch, again, notLeased, fallback, otherCounters], { codeOwners: new Map([[taken.payload.code, 'another-dossier']]) }));

    expect(conflictsOf(plan)).toEqual(['DUPLICATE_CODE', null, 'DUPLICATE_CODE', 'CODE_NOT_LEASED', null, 'CODE_NOT_LEASED']);
    expect(plan.events.map((p) => p.registerNumber)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(plan.dossiers.map((d) => d.row.open_conflicts)).toEqual([1, 0, 1, 1, 0, 1]);
    expect(plan.dossiers.every((d) => d.row.state.status === 'received')).toBe(true);
  });

  it('records each receipt number once and flags one used before or outside the counter’s leases', () => {
    const r = received(COUNTER, dossierCode(7));
    const events = [r, feeCollected(COUNTER, r.dossierId, 10), feeCollected(COUNTER, r.dossierId, 10), feeCollected(COUNTER, r.dossierId, 11), feeCollected(COUNTER, r.dossierId, 500)];
    const scope = receiptScope('EBL01', '26TAA');
    const plan = planPush(input(events, { usedReceipts: new Set([`${scope}#11`]) }));

    expect(conflictsOf(plan)).toEqual([null, null, 'DUPLICATE_RECEIPT', 'DUPLICATE_RECEIPT', 'RECEIPT_NOT_LEASED']);
    // A number outside the leases is still the receipt the applicant holds: recorded, and flagged.
    expect(plan.receipts.map((x) => [x.scope, x.number, x.event_id])).toEqual([
      [scope, 10, events[1]!.id],
      [scope, 500, events[4]!.id],
    ]);
    expect(plan.dossiers[0]!.row.open_conflicts).toBe(3);
  });

  it('puts the event and dossier on an unexpected error, for the log', () => {
    const r = received(COUNTER, dossierCode(8));
    const corrupt = { id: r.dossierId, code: r.payload.code, state: { id: r.dossierId }, register_year: null, register_number: null, open_conflicts: 0 } as unknown as DossierRow;
    const sent = handedToCourier(COUNTER, r.dossierId);
    let thrown: unknown;
    try {
      planPush(input([sent], { dossiers: new Map([[r.dossierId, corrupt]]) }));
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect(logContextOf(thrown)).toEqual({ eventId: sent.id, eventType: 'handedToCourier', dossierId: r.dossierId, dossierCode: r.payload.code });
  });
});

describe('planPushes', () => {
  it('plans several counters’ pushes one after the other: each sees the ones before it, and checks numbers against its own leases', () => {
    const other = { counter_index: 2, counter_name: 'Quầy 2' };
    const otherLeases: LeaseRow[] = [{ kind: 'dossierSeq', scope: dossierSeqScope(AGENCY, '260112'), first_number: 51, last_number: 60 }];
    const r1 = received(COUNTER, dossierCode(1));
    const sameCode = received('Q02', dossierCode(1));
    const r2 = received('Q02', dossierCode(51));
    const notLeasedThere = received('Q02', dossierCode(2));
    const sentByOther = handedToCourier('Q02', r1.dossierId);
    const plan = planPushes({ dossiers: new Map(), codeOwners: new Map(), usedReceipts: new Set(), registerLast: new Map([[2026, 7]]) }, [
      { device, leases, fresh: [r1] },
      { device: other, leases: otherLeases, fresh: [sameCode, r2, notLeasedThere, sentByOther] },
    ]);
    expect(plan.events.map((p) => [p.batch, p.conflict?.code ?? null, p.registerNumber])).toEqual([
      [0, null, 8],
      [1, 'DUPLICATE_CODE', 9],
      [1, null, 10],
      [1, 'CODE_NOT_LEASED', 11],
      [1, null, undefined],
    ]);
    expect(plan.registerCounters).toEqual([{ year: 2026, last: 11 }]);
    // One snapshot per dossier, the last event of the group naming its last_seq.
    expect(plan.dossiers.find((d) => d.row.id === r1.dossierId)).toMatchObject({ lastEventId: sentByOther.id, row: { register_number: 8 } });
    expect(plan.dossiers).toHaveLength(4);
  });
});

describe('receptionYears', () => {
  it('takes the year in Việt Nam time, so a reception at 01:00 on 1 January counts in the new year', () => {
    const late = received(COUNTER, dossierCode(9));
    const newYear = { ...late, payload: { ...late.payload, receivedAt: '2026-12-31T18:00:00.000Z' } };
    expect(receptionYears([late, newYear, late])).toEqual([2026, 2027]);
  });
});
