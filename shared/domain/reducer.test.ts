import { describe, expect, it } from 'vitest';
import { makeEvent, plausibleEvent, sampleEventsTo, sampleJourney, sampleReceived } from './fixtures';
import { applyEvent, canApply, foldEvents } from './reducer';
import type { ApplyResult, DossierEvent, DossierState } from './types';

function fold(events: DossierEvent[]): DossierState {
  const { state, rejected } = foldEvents(events);
  expect(rejected.map((r) => r.error.message)).toEqual([]);
  if (!state) throw new Error('no state');
  return state;
}

function stateAt(status: Parameters<typeof sampleEventsTo>[0], by?: 'counter' | 'department'): DossierState {
  return fold(sampleEventsTo(status, by ? { by } : {}));
}

function errorOf(result: ApplyResult) {
  if (result.ok) throw new Error('expected a rejection');
  return result.error;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('the ordinary life of a dossier', () => {
  it('folds received → courier → department → result → returned', () => {
    const state = fold(sampleJourney(0));
    expect(state.status).toBe('returned');
    expect(state.code).toBe('000.00.15.H41-260112-0001');
    expect(state.feesDue).toBe(75_000);
    expect(state.feesPaid).toBe(75_000);
    expect(state.version).toBe(7);
    expect(state.returnedAt).toBe('2026-01-22T03:02:00.000Z');
    expect(state.resultReadyAt).toBe('2026-01-21T02:00:00.000Z');
    expect(state.currentBatchId).toBeUndefined();
    expect(state.flags.returnMethod).toBe('desk');
  });

  it('never mutates the state it is given', () => {
    const before = deepFreeze(stateAt('resultReady'));
    const snapshot = JSON.stringify(before);
    const result = applyEvent(before, plausibleEvent('returned', undefined, before, { seed: 1 }));
    expect(result.ok).toBe(true);
    expect(JSON.stringify(before)).toBe(snapshot);
  });

  it('refuses to return a result twice, saying when it was returned', () => {
    const events = sampleJourney(0);
    const state = fold(events);
    const again = makeEvent('returned', { method: 'desk', recipient: { name: 'Nguyễn Văn An', authorised: true }, at: '2026-01-22T04:00:00.000Z' }, { dossierId: state.id });
    const error = errorOf(applyEvent(state, again));
    expect(error.code).toBe('ILLEGAL_TRANSITION');
    expect(error.message).toBe('Hồ sơ 000.00.15.H41-260112-0001 đã trả kết quả lúc 10:02 22/01/2026, không thể trả lần nữa.');
    expect(error).toMatchObject({ eventId: again.id, dossierId: state.id, dossierCode: state.code, from: 'returned', eventType: 'returned' });
  });

  it('keeps a rejected event aside and goes on folding', () => {
    const [received, ...rest] = sampleJourney(0);
    const stray = makeEvent('deliveredToDepartment', { batchId: 'BG-X', at: '2026-01-12T05:00:00.000Z' }, { dossierId: received!.dossierId });
    const { state, rejected } = foldEvents([received!, stray, ...rest]);
    expect(state?.status).toBe('returned');
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.event).toBe(stray);
    expect(rejected[0]?.error.code).toBe('ILLEGAL_TRANSITION');
  });
});

describe('identity of events and dossiers', () => {
  it('rejects an event id already applied and changes nothing', () => {
    const state = stateAt('withCourier');
    const replay = sampleEventsTo('withCourier')[1]!;
    const error = errorOf(applyEvent(state, replay));
    expect(error.code).toBe('DUPLICATE_EVENT');
  });

  it('rejects an event of another dossier', () => {
    const state = stateAt('received');
    const other = plausibleEvent('handedToCourier', 'toDepartment', state, { seed: 4, dossierId: sampleReceived({ seed: 99 }).dossierId });
    expect(errorOf(applyEvent(state, other)).code).toBe('DOSSIER_MISMATCH');
  });

  it('rejects a second reception of the same dossier', () => {
    const state = stateAt('received');
    const error = errorOf(applyEvent(state, sampleReceived({ seed: 42, dossierId: state.id })));
    expect(error.code).toBe('DOSSIER_EXISTS');
    expect(error.message).toContain('đã được tiếp nhận lúc 09:15 12/01/2026');
  });

  it('rejects any event but a starter for an unknown dossier', () => {
    expect(errorOf(applyEvent(undefined, plausibleEvent('returned', undefined, undefined, { seed: 1 }))).code).toBe('UNKNOWN_DOSSIER');
  });

  it('rejects an unknown rule version, a device time without zone, and an unknown event type', () => {
    expect(errorOf(applyEvent(undefined, sampleReceived({ ruleVersion: 'future@9' }))).code).toBe('UNKNOWN_RULE_VERSION');
    expect(errorOf(applyEvent(undefined, sampleReceived({ deviceTime: '2026-01-12T09:15:00' }))).code).toBe('INVALID_PAYLOAD');
    const bogus = { ...sampleReceived(), type: 'teleported' } as unknown as DossierEvent;
    expect(errorOf(applyEvent(undefined, bogus)).code).toBe('INVALID_PAYLOAD');
  });
});

describe('payload checks', () => {
  it('needs the deadline after the reception time', () => {
    const error = errorOf(applyEvent(undefined, sampleReceived({ dueAt: '2026-01-12T02:15:00.000Z' })));
    expect(error.code).toBe('INVALID_PAYLOAD');
    expect(error.message).toBe('Thời gian hẹn trả kết quả phải sau thời gian tiếp nhận.');
  });

  it('needs a written reason for a refusal and for a supplement request, and at least one item', () => {
    const refusal = plausibleEvent('refused', 'counter', undefined, { seed: 1 });
    if (refusal.type !== 'refused') throw new Error();
    expect(errorOf(applyEvent(undefined, { ...refusal, payload: { ...refusal.payload, reasons: [] } })).code).toBe('INVALID_PAYLOAD');
    expect(errorOf(applyEvent(undefined, { ...refusal, payload: { ...refusal.payload, reasons: ['  '] } })).code).toBe('INVALID_PAYLOAD');

    const request = plausibleEvent('supplementRequested', 'counter', undefined, { seed: 2 });
    if (request.type !== 'supplementRequested') throw new Error();
    expect(errorOf(applyEvent(undefined, { ...request, payload: { ...request.payload, items: [] } })).message).toContain('ít nhất một giấy tờ');
    expect(errorOf(applyEvent(undefined, { ...request, payload: { ...request.payload, reason: '' } })).message).toContain('bằng văn bản');
    expect(applyEvent(undefined, request).ok).toBe(true);
  });

  it('needs the applicant and the procedure on a counter form for a dossier never received', () => {
    const request = plausibleEvent('supplementRequested', 'counter', undefined, { seed: 2 });
    if (request.type !== 'supplementRequested') throw new Error();
    const { applicant: _dropped, ...rest } = request.payload;
    expect(errorOf(applyEvent(undefined, { ...request, payload: rest })).code).toBe('INVALID_PAYLOAD');
  });

  it('needs the delivery to name the batch the dossier travels in', () => {
    const state = stateAt('withCourier');
    const wrong = plausibleEvent('deliveredToDepartment', undefined, state, { seed: 5, batchId: 'BG-OTHER' });
    const error = errorOf(applyEvent(state, wrong));
    expect(error.code).toBe('BATCH_MISMATCH');
    expect(error.message).toContain(`đang thuộc lô ${state.currentBatchId}`);
  });

  it('needs a postal item number to return by post and a positive whole fee', () => {
    const ready = stateAt('resultReady');
    const post = makeEvent('returned', { method: 'post', recipient: { name: 'Nguyễn Thị Hương', authorised: false }, at: '2026-01-22T03:00:00.000Z' }, { dossierId: ready.id });
    expect(errorOf(applyEvent(ready, post)).code).toBe('INVALID_PAYLOAD');
    expect(applyEvent(ready, { ...post, payload: { ...post.payload, postalItemNumber: 'RR123456785VN' } }).ok).toBe(true);
    const fee = plausibleEvent('feeCollected', undefined, ready, { seed: 6 });
    if (fee.type !== 'feeCollected') throw new Error();
    expect(errorOf(applyEvent(ready, { ...fee, payload: { ...fee.payload, amount: 12.5 } })).code).toBe('INVALID_PAYLOAD');
  });
});

describe('apology and new date: at most once', () => {
  const apology = (state: DossierState, newDueAt: string, seed: number) =>
    makeEvent('apologyIssued', { reason: 'Chờ ý kiến Sở Tài nguyên và Môi trường', responsibleOfficer: 'Phạm Văn Đức', reasonValid: false, newDueAt }, { seed, dossierId: state.id });

  it('records the first apology apart from the original deadline', () => {
    const state = stateAt('atDepartment');
    const result = applyEvent(state, apology(state, '2026-01-30T10:00:00.000Z', 1));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.state.status).toBe('atDepartment');
    expect(result.state.dueAt).toBe(state.dueAt);
    expect(result.state.newDueAt).toBe('2026-01-30T10:00:00.000Z');
    expect(result.state.apologyCount).toBe(1);
    expect(result.state.flags.apologyReasonValid).toBe(false);
    expect(result.state.flags.apologyResponsibleOfficer).toBe('Phạm Văn Đức');
  });

  it('refuses a second apology, even after the dossier moved on', () => {
    let state = stateAt('atDepartment');
    const first = applyEvent(state, apology(state, '2026-01-30T10:00:00.000Z', 1));
    if (!first.ok) throw new Error(first.error.message);
    state = first.state;
    const dispatched = applyEvent(state, plausibleEvent('resultDispatched', undefined, state, { seed: 2 }));
    if (!dispatched.ok) throw new Error(dispatched.error.message);
    const error = errorOf(applyEvent(dispatched.state, apology(dispatched.state, '2026-02-05T10:00:00.000Z', 3)));
    expect(error.code).toBe('APOLOGY_ALREADY_ISSUED');
    expect(error.message).toBe('Hồ sơ 000.00.15.H41-260112-0001 đã có văn bản xin lỗi và hẹn lại một lần (ngày hẹn mới 17:00 30/01/2026); theo quy định chỉ được hẹn lại một lần.');
  });

  it('needs the new date after the original deadline', () => {
    const state = stateAt('received');
    const error = errorOf(applyEvent(state, apology(state, state.dueAt!, 1)));
    expect(error.code).toBe('INVALID_PAYLOAD');
    expect(error.message).toContain('phải sau ngày hẹn ban đầu (17:00 26/01/2026)');
  });
});

describe('side paths', () => {
  it('department supplement: back with the courier, then the complete dossier restarts the clock', () => {
    const inTransit = stateAt('resultInTransit');
    const back = plausibleEvent('resultReceived', 'supplement', inTransit, { seed: 1 });
    const awaiting = applyEvent(inTransit, back);
    if (!awaiting.ok) throw new Error(awaiting.error.message);
    expect(awaiting.state.status).toBe('awaitingSupplement');
    expect(awaiting.state.flags.supplementRequestedBy).toBe('department');
    expect(canApply(awaiting.state, 'handedToCourier')).toBe(false);

    const supplied = makeEvent(
      'supplementSupplied',
      { receivedAt: '2026-02-02T01:00:00.000Z', dueAt: '2026-02-13T10:00:00.000Z', documents: [{ name: 'Bản vẽ mặt bằng', originals: 1, certifiedCopies: 0, copies: 0 }] },
      { dossierId: inTransit.id },
    );
    const restarted = applyEvent(awaiting.state, supplied);
    if (!restarted.ok) throw new Error(restarted.error.message);
    expect(restarted.state).toMatchObject({ status: 'received', receivedAt: '2026-02-02T01:00:00.000Z', dueAt: '2026-02-13T10:00:00.000Z', code: inTransit.code });
    expect(restarted.state.flags.supplementRequestedBy).toBeUndefined();
  });

  it('counter supplement before reception: the applicant comes back and the dossier is received', () => {
    const awaiting = stateAt('awaitingSupplement', 'counter');
    expect(awaiting.code).toBeUndefined();
    expect(awaiting.applicant?.name).toBe('Nguyễn Thị Hương');
    expect(errorOf(applyEvent(awaiting, plausibleEvent('supplementSupplied', undefined, awaiting, { seed: 3 }))).message).toContain('hãy tiếp nhận hồ sơ');
    const received = applyEvent(awaiting, sampleReceived({ seed: 3, dossierId: awaiting.id }));
    expect(received.ok && received.state.status).toBe('received');
  });

  it('department refusal arrives with the courier', () => {
    const state = stateAt('atDepartment');
    const result = applyEvent(state, plausibleEvent('resultReceived', 'refusal', state, { seed: 1 }));
    expect(result.ok && [result.state.status, result.state.flags.refusedBy]).toEqual(['refused', 'department']);
  });

  it('correction goes back to the department through the handoff and is returned again', () => {
    let state = stateAt('correctionRequested');
    expect(state.flags).toMatchObject({ correctionFault: 'agency', correctionCount: 1 });
    const firstReady = state.resultReadyAt;
    for (const [type, variant] of [['handedToCourier', 'toDepartment'], ['deliveredToDepartment'], ['resultDispatched'], ['resultReceived', 'result'], ['returned']] as const) {
      const result = applyEvent(state, plausibleEvent(type, variant, state, { seed: state.version + 50, dayOffset: 10 }));
      if (!result.ok) throw new Error(result.error.message);
      state = result.state;
    }
    expect(state.status).toBe('returned');
    expect(state.resultReadyAt).toBe(firstReady);
    expect(state.version).toBe(12);
  });

  it('allows withdrawal before the return only, and fees after the return but not after a refusal', () => {
    expect(applyEvent(stateAt('resultReady'), plausibleEvent('withdrawn', undefined, stateAt('resultReady'), { seed: 1 })).ok).toBe(true);
    const returned = stateAt('returned');
    expect(errorOf(applyEvent(returned, plausibleEvent('withdrawn', undefined, returned, { seed: 1 }))).code).toBe('ILLEGAL_TRANSITION');
    const paid = applyEvent(returned, plausibleEvent('feeCollected', undefined, returned, { seed: 2 }));
    expect(paid.ok && paid.state.feesPaid).toBe(75_000);
    const refused = stateAt('refused', 'department');
    expect(errorOf(applyEvent(refused, plausibleEvent('feeCollected', undefined, refused, { seed: 2 }))).message).toContain('đã bị từ chối');
  });

  it('marks a disputed batch until the dossier starts a new trip', () => {
    const state = stateAt('atDepartment');
    const disputed = applyEvent(state, plausibleEvent('deliveryDisputed', undefined, state, { seed: 1 }));
    if (!disputed.ok) throw new Error(disputed.error.message);
    expect(disputed.state.status).toBe('atDepartment');
    expect(disputed.state.flags.deliveryDisputed).toBe(true);
  });
});
