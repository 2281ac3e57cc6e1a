// The two facts after the main path: a stopped dossier's papers coming back (papersReturned) and
// the applicant being told to collect (applicantNotified).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeEvent } from './describe';
import { makeEvent, plausibleEvent, sampleEventsTo } from './fixtures';
import { applyEvent, foldEvents } from './reducer';
import { papersOutsideCenter } from './transitions';
import type { ApplyResult, DossierEvent, DossierState, DossierStatus, NoticeChannel } from './types';
import { checkNoticeContact } from './validate';

function fold(events: DossierEvent[]): DossierState {
  const { state, rejected } = foldEvents(events);
  expect(rejected.map((r) => r.error.message)).toEqual([]);
  return state!;
}

function apply(state: DossierState, event: DossierEvent): DossierState {
  const result = applyEvent(state, event);
  if (!result.ok) throw new Error(result.error.message);
  return result.state;
}

function errorOf(result: ApplyResult) {
  if (result.ok) throw new Error('expected a rejection');
  return result.error;
}

/** A dossier stopped while in the given status. */
function stoppedFrom(status: DossierStatus, by?: 'counter' | 'department'): DossierState {
  const before = fold(sampleEventsTo(status, by ? { by } : {}));
  return apply(before, makeEvent('withdrawn', { reason: 'Không còn nhu cầu', requestedBy: 'Nguyễn Thị Hương' }, { dossierId: before.id, deviceTime: '2026-01-14T02:00:00.000Z' }));
}

const atCenter = (state: DossierState, batchId = 'BG-260115-02-01') => makeEvent('papersReturned', { stage: 'atCenter', batchId }, { dossierId: state.id, deviceTime: '2026-01-15T03:00:00.000Z' });
const toApplicant = (state: DossierState, authorised = false) =>
  makeEvent(
    'papersReturned',
    { stage: 'toApplicant', recipient: { name: authorised ? 'Lê Văn Tâm' : 'Nguyễn Thị Hương', idNumber: '040190001234', authorised }, at: '2026-01-16T02:30:00.000Z' },
    { dossierId: state.id },
  );
const notice = (state: DossierState, channel: NoticeChannel = 'sms', contact = '0912345678', early = true) =>
  makeEvent('applicantNotified', { channel, contact, message: 'Mời ông/bà đến nhận kết quả.', early, at: '2026-01-21T03:00:00.000Z' }, { dossierId: state.id });

describe('papers of a stopped dossier', () => {
  it('start away when the stop finds them at the department or with the courier, at the Center otherwise', () => {
    for (const status of ['withCourier', 'atDepartment', 'resultInTransit'] as const) expect(stoppedFrom(status).papers, status).toBe('away');
    for (const status of ['received', 'resultReady'] as const) expect(stoppedFrom(status).papers, status).toBe('atCenter');
    expect(stoppedFrom('awaitingSupplement', 'counter').papers).toBe('atCenter');
    // The department recorded its own supplement request: the papers are still with it.
    expect(stoppedFrom('awaitingSupplement', 'department').papers).toBe('away');
    const stopped = stoppedFrom('atDepartment');
    expect(stopped.papersMovedAt).toBe('2026-01-14T02:00:00.000Z');
    expect(papersOutsideCenter(stopped)).toBe(true);
  });

  it('come back to the Center in an inbound batch, then are handed back once, the status staying withdrawn', () => {
    let state = stoppedFrom('atDepartment');
    expect(state.currentBatchId).toBeDefined();
    state = apply(state, atCenter(state));
    expect(state).toMatchObject({ status: 'withdrawn', papers: 'atCenter', papersMovedAt: '2026-01-15T03:00:00.000Z' });
    expect(state.currentBatchId).toBeUndefined();
    expect(papersOutsideCenter(state)).toBe(false);
    state = apply(state, toApplicant(state, true));
    expect(state).toMatchObject({ status: 'withdrawn', papers: 'handedBack', papersMovedAt: '2026-01-16T02:30:00.000Z' });
  });

  it('refuses each step out of order, saying where the papers are and what to do', () => {
    const away = stoppedFrom('atDepartment');
    const early = errorOf(applyEvent(away, toApplicant(away)));
    expect(early.code).toBe('ILLEGAL_TRANSITION');
    expect(early.message).toBe(
      'Hồ sơ 000.00.15.H41-260112-0001 đã dừng giải quyết nhưng giấy tờ chưa về Trung tâm (còn ở cơ quan giải quyết hoặc bưu điện); chỉ trả lại người nộp khi giấy tờ đã về qua lô nhận từ bưu điện.',
    );
    const back = apply(away, atCenter(away));
    const twice = errorOf(applyEvent(back, atCenter(back, 'BG-OTHER')));
    expect(twice.code).toBe('ILLEGAL_TRANSITION');
    expect(twice.message).toContain('giấy tờ đã về Trung tâm lúc 10:00 15/01/2026, không nhận về lần nữa');
    const handed = apply(back, toApplicant(back));
    expect(errorOf(applyEvent(handed, toApplicant(handed))).message).toContain('đã trả lại người nộp lúc 09:30 16/01/2026');
    expect(errorOf(applyEvent(handed, atCenter(handed))).message).toContain('đã trả lại người nộp');
    // Stopped at the Center: nothing to bring back.
    const here = stoppedFrom('received');
    expect(errorOf(applyEvent(here, atCenter(here))).code).toBe('ILLEGAL_TRANSITION');
    expect(apply(here, toApplicant(here)).papers).toBe('handedBack');
  });

  it('is a step only a stopped dossier takes', () => {
    for (const status of ['received', 'atDepartment', 'resultReady', 'returned'] as const) {
      const state = fold(sampleEventsTo(status));
      expect(errorOf(applyEvent(state, plausibleEvent('papersReturned', 'atCenter', state, { seed: 1 }))).code, status).toBe('ILLEGAL_TRANSITION');
    }
  });

  it('needs a batch to arrive in, and a named recipient with a time to be handed back', () => {
    const away = stoppedFrom('atDepartment');
    expect(errorOf(applyEvent(away, makeEvent('papersReturned', { stage: 'atCenter', batchId: ' ' }, { dossierId: away.id }))).code).toBe('INVALID_PAYLOAD');
    const back = apply(away, atCenter(away));
    const bad = { ...toApplicant(back), payload: { stage: 'toApplicant', recipient: { name: '', authorised: false }, at: '2026-01-16T02:30:00.000Z' } } as DossierEvent;
    expect(errorOf(applyEvent(back, bad)).message).toBe('Thiếu họ tên người nhận lại giấy tờ.');
    const unzoned = { ...toApplicant(back), payload: { ...toApplicant(back).payload, at: '2026-01-16 09:30' } } as DossierEvent;
    expect(errorOf(applyEvent(back, unzoned)).code).toBe('INVALID_PAYLOAD');
    const unknownStage = { ...atCenter(away), payload: { stage: 'lost', batchId: 'BG-1' } } as unknown as DossierEvent;
    expect(errorOf(applyEvent(away, unknownStage)).code).toBe('INVALID_PAYLOAD');
  });
});

describe('telling the applicant to collect', () => {
  it('records the last notice on a ready result, without moving the status', () => {
    const ready = fold(sampleEventsTo('resultReady'));
    let state = apply(ready, notice(ready, 'zalo', '0912 345 678', true));
    expect(state).toMatchObject({ status: 'resultReady', notifiedAt: '2026-01-21T03:00:00.000Z', flags: { noticeChannel: 'zalo', notifiedEarly: true } });
    const again = {
      ...notice(state, 'phone', '02383843333', false),
      payload: { ...notice(state).payload, channel: 'phone', contact: '02383843333', early: false, at: '2026-01-23T01:00:00.000Z' },
    } as DossierEvent;
    state = apply(state, again);
    expect(state).toMatchObject({ notifiedAt: '2026-01-23T01:00:00.000Z', flags: { noticeChannel: 'phone', notifiedEarly: false } });
    expect(apply(state, plausibleEvent('returned', undefined, state, { seed: 3 })).notifiedAt).toBe('2026-01-23T01:00:00.000Z');
  });

  it('forgets the notice when a corrected result arrives, so the applicant is told again', () => {
    let state = fold(sampleEventsTo('resultReady'));
    state = apply(state, notice(state));
    for (const [type, variant] of [
      ['returned'],
      ['correctionRequested'],
      ['handedToCourier', 'toDepartment'],
      ['deliveredToDepartment'],
      ['resultDispatched'],
      ['resultReceived', 'result'],
    ] as const) {
      state = apply(state, plausibleEvent(type, variant, state, { seed: state.version + 70, dayOffset: 12 }));
    }
    expect(state.status).toBe('resultReady');
    expect(state.notifiedAt).toBeUndefined();
  });

  it('tells about stopped papers only once they are back at the Center', () => {
    const away = stoppedFrom('atDepartment');
    expect(errorOf(applyEvent(away, notice(away))).message).toContain('chỉ báo người nộp đến nhận khi giấy tờ đã về');
    const back = apply(away, atCenter(away));
    expect(apply(back, notice(back, 'sms', '0912345678', false)).notifiedAt).toBe('2026-01-21T03:00:00.000Z');
    const handed = apply(back, toApplicant(back));
    expect(errorOf(applyEvent(handed, notice(handed))).code).toBe('ILLEGAL_TRANSITION');
    // A notice about the result is moot once the dossier is stopped.
    const ready = fold(sampleEventsTo('resultReady'));
    const notified = apply(ready, notice(ready));
    expect(apply(notified, plausibleEvent('withdrawn', undefined, notified, { seed: 5 })).notifiedAt).toBeUndefined();
  });

  it('refuses a notice before the result is at the Center', () => {
    for (const status of ['received', 'atDepartment', 'resultInTransit', 'returned'] as const) {
      const state = fold(sampleEventsTo(status));
      expect(errorOf(applyEvent(state, notice(state))).code, status).toBe('ILLEGAL_TRANSITION');
    }
  });

  it('checks the contact against the channel', () => {
    expect(checkNoticeContact('sms', '0912345678')).toBeUndefined();
    expect(checkNoticeContact('zalo', '+84912345678')).toBeUndefined();
    expect(checkNoticeContact('sms', '02383843333')).toMatch(/di động/);
    expect(checkNoticeContact('phone', '02383843333')).toBeUndefined();
    expect(checkNoticeContact('phone', '12345')).toBeDefined();
    expect(checkNoticeContact('email', 'huong@example')).toBe('Địa chỉ thư điện tử không hợp lệ.');
    expect(checkNoticeContact('email', 'huong@example.vn')).toBeUndefined();
    expect(checkNoticeContact('post', 'Số 12 Lê Hồng Phong, TP Vinh')).toBeUndefined();
    expect(checkNoticeContact('fax', '0912345678')).toMatch(/Không rõ hình thức/);
    expect(checkNoticeContact('sms', '  ')).toMatch(/Thiếu số điện thoại/);
    const ready = fold(sampleEventsTo('resultReady'));
    expect(errorOf(applyEvent(ready, notice(ready, 'sms', '02383843333'))).code).toBe('INVALID_PAYLOAD');
    const blank = { ...notice(ready), payload: { ...notice(ready).payload, message: ' ' } } as DossierEvent;
    expect(errorOf(applyEvent(ready, blank)).message).toBe('Thiếu nội dung đã báo cho người nộp.');
  });

  it('describes both facts in one Vietnamese line', () => {
    const ready = fold(sampleEventsTo('resultReady'));
    expect(describeEvent(notice(ready, 'zalo', '0912345678', true))).toBe('Báo người nộp đến nhận (kết quả có sớm hạn) qua Zalo lúc 10:00 21/01/2026.');
    const away = stoppedFrom('atDepartment');
    expect(describeEvent(atCenter(away))).toBe('Giấy tờ của hồ sơ đã dừng giải quyết về đến Trung tâm, lô BG-260115-02-01; chờ trả lại người nộp.');
    expect(describeEvent(toApplicant(away, true))).toBe('Trả lại giấy tờ của hồ sơ đã dừng giải quyết cho Lê Văn Tâm (người được ủy quyền) lúc 09:30 16/01/2026.');
  });
});

describe('papers only move forward', () => {
  const ORDER = { away: 0, atCenter: 1, handedBack: 2 } as const;
  it('whatever mix of returns and notices follows a stop', () => {
    const starts = ['received', 'withCourier', 'atDepartment', 'resultInTransit', 'resultReady'] as const;
    const step = fc.record({ kind: fc.constantFrom('atCenter', 'toApplicant', 'notice'), dayOffset: fc.integer({ min: -5, max: 5 }) });
    fc.assert(
      fc.property(fc.constantFrom(...starts), fc.array(step, { maxLength: 8 }), (start, steps) => {
        let state = stoppedFrom(start);
        steps.forEach((s, i) => {
          const event =
            s.kind === 'notice'
              ? plausibleEvent('applicantNotified', undefined, state, { seed: 500 + i, dayOffset: s.dayOffset })
              : plausibleEvent('papersReturned', s.kind, state, { seed: 500 + i, dayOffset: s.dayOffset });
          const before = state;
          const result = applyEvent(state, event);
          if (result.ok) state = result.state;
          expect(state.status).toBe('withdrawn');
          expect(ORDER[state.papers!]).toBeGreaterThanOrEqual(ORDER[before.papers!]);
          if (result.ok && s.kind !== 'notice') expect(ORDER[state.papers!]).toBe(ORDER[before.papers!] + 1);
          if (result.ok && s.kind === 'notice') expect(before.papers).toBe('atCenter');
        });
      }),
      { numRuns: 200 },
    );
  });
});
