// Which status change makes which notice (on the reducer's own states), what a notice may say, and
// the SMS form of a text.
import { describe, expect, it } from 'vitest';
import { applyEvent, DOSSIER_STATUSES, type DossierEvent, type DossierState, type DossierStatus } from '../domain';
import { makeEvent, sampleEventsTo, sampleReceived } from '../domain/fixtures';
import { DEFAULT_NOTICE_TEMPLATES, maskRecipient, NOTICE_KINDS, NOTICE_SMS_MAX_CHARS, noticeOf, renderSms, smsText, templateProblem, type NoticeKind } from './notices';

/** The notices a trail makes, folded with the shared reducer as the server's push plan does. */
function noticesOf(events: readonly DossierEvent[]): { kind: NoticeKind; vars: Record<string, string | undefined>; on: DossierEvent['type'] }[] {
  let state: DossierState | undefined;
  const out: { kind: NoticeKind; vars: Record<string, string | undefined>; on: DossierEvent['type'] }[] = [];
  for (const e of events) {
    const from: DossierStatus | undefined = state?.status;
    const r = applyEvent(state, e);
    if (!r.ok) throw new Error(r.error.message);
    state = r.state;
    const n = noticeOf(from, e, state);
    if (n) out.push({ ...n, on: e.type });
  }
  return out;
}

describe('noticeOf', () => {
  const expected: Record<DossierStatus, NoticeKind[]> = {
    received: ['received'],
    withCourier: ['received'],
    atDepartment: ['received'],
    resultInTransit: ['received'],
    // The fixture's fees are still owed when the result arrives: told as feeDue.
    resultReady: ['received', 'feeDue'],
    returned: ['received', 'feeDue', 'returned'],
    correctionRequested: ['received', 'feeDue', 'returned'],
    withdrawn: ['received', 'stopped'],
    awaitingSupplement: ['received', 'supplementRequested'],
    refused: ['received', 'refused'],
  };
  it.each(DOSSIER_STATUSES)('on the way to %s: one notice per change the applicant is told of', (status) => {
    const by = status === 'refused' ? 'department' : undefined;
    expect(noticesOf(sampleEventsTo(status, { seed: 3, ...(by ? { by } : {}) })).map((n) => n.kind)).toEqual(expected[status]);
  });

  it('tells nothing of a letter handed over at the counter before reception (no code yet)', () => {
    expect(noticesOf(sampleEventsTo('awaitingSupplement', { by: 'counter' }))).toEqual([]);
    expect(noticesOf(sampleEventsTo('refused', { by: 'counter' }))).toEqual([]);
  });

  it('never carries the applicant: only the code, procedure, dates, amounts and reasons', () => {
    for (const status of DOSSIER_STATUSES) {
      const events = sampleEventsTo(status, { seed: 7 });
      const applicant = events.find((e) => e.type === 'received')?.payload.applicant;
      for (const n of noticesOf(events)) {
        const text = JSON.stringify(n);
        if (applicant) for (const v of Object.values(applicant)) if (typeof v === 'string' && v.length > 3) expect(text).not.toContain(v);
      }
    }
  });
});

describe('noticeOf across boundaries (batches between centers)', () => {
  const A = '000.22.41.H41'; // the commune center that received it
  const B = '000.23.41.H41'; // the ward center where the applicant collects the result
  const P = '000.00.15.H41'; // the provincial Center, where the competent department's desk is
  const route = { receivingCenter: A, transfer: 'courier' as const, returnCenter: B };
  const sent = (batchId: string, carried: 'papers' | 'result', fromCenter: string, toCenter: string) =>
    makeEvent('sentToCenter', { batchId, carried, fromCenter, toCenter, courierName: 'Bưu điện Diễn Châu' });
  const arrived = (batchId: string, carried: 'papers' | 'result', center: string) => makeEvent('arrivedAtCenter', { batchId, carried, center });
  const handed = makeEvent('handedToCourier', { batchId: 'LO-1', direction: 'toDepartment', courierName: 'Bưu điện Vinh', departmentId: 'SXD' });
  const delivered = makeEvent('deliveredToDepartment', { batchId: 'LO-1', at: '2026-01-14T03:00:00.000Z', dueAt: '2026-02-04T10:00:00.000Z' });
  const resultIn = (atCenter?: string) => makeEvent('resultReceived', { batchId: 'KQ-1', outcome: 'result', ...(atCenter ? { atCenter } : {}) });
  const returned = makeEvent('returned', { method: 'desk', recipient: { name: 'Nguyễn Thị Hương', authorised: false }, at: '2026-02-05T03:00:00.000Z' });
  const toDepartment = [sampleReceived({ route }), sent('LC-1', 'papers', A, P), arrived('LC-1', 'papers', P), handed, delivered];

  it('the papers travelling to the department’s center tell nothing; a result taken in there is told once, when it arrives where the applicant collects it', () => {
    const trail = [...toDepartment, resultIn(P), sent('LC-2', 'result', P, B), arrived('LC-2', 'result', B), returned];
    const told = noticesOf(trail);
    // The fixture's fees are still owed: the result is told as feeDue.
    expect(told.map((n) => [n.on, n.kind])).toEqual([
      ['received', 'received'],
      ['arrivedAtCenter', 'feeDue'],
      ['returned', 'returned'],
    ]);
  });

  it('a result taken in at the return center is told there, once; at the receiving center it waits for its batch to the return center', () => {
    expect(noticesOf([...toDepartment, resultIn(B), returned]).map((n) => [n.on, n.kind])).toEqual([
      ['received', 'received'],
      ['resultReceived', 'feeDue'],
      ['returned', 'returned'],
    ]);
    const atA = [sampleReceived({ route }), handed, delivered, resultIn(A)];
    expect(noticesOf(atA).map((n) => n.kind)).toEqual(['received']);
    expect(noticesOf([...atA, sent('LC-3', 'result', A, B), arrived('LC-3', 'result', B)]).map((n) => [n.on, n.kind])).toEqual([
      ['received', 'received'],
      ['arrivedAtCenter', 'feeDue'],
    ]);
  });

  it('a result arriving at a center that is not the return center tells nothing; a desk that did not say where it took the result in tells as before', () => {
    const atP = [...toDepartment, resultIn(P)];
    expect(noticesOf([...atP, sent('LC-4', 'result', P, A), arrived('LC-4', 'result', A)]).map((n) => n.kind)).toEqual(['received']);
    expect(noticesOf([sampleReceived({ route }), handed, delivered, resultIn()]).map((n) => n.kind)).toEqual(['received', 'feeDue']);
  });
});

describe('SMS', () => {
  it('drops diacritics and anything outside plain ASCII, on one line', () => {
    expect(smsText('Hồ sơ đã có kết quả,\ncần nộp 75.000 ₫ – Trung tâm “HCC”…', true)).toBe('Ho so da co ket qua, can nop 75.000 VND - Trung tam "HCC"...');
    expect(smsText('Hồ sơ\nđã nhận', false)).toBe('Hồ sơ đã nhận');
  });

  it('cuts long values so a notice stays within two messages', () => {
    const sms = renderSms(
      DEFAULT_NOTICE_TEMPLATES.received.sms.replace('{maHoSo}', '{maHoSo} ({tenThuTuc})'),
      { maHoSo: '000.00.15.H41-260112-0001', tenThuTuc: 'Cấp đổi Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất' },
      true,
    );
    expect(sms).toContain('(Cap doi Giay chung nhan quyen su dung...)');
  });

  it('every default template fits with every value at its longest', () => {
    for (const kind of NOTICE_KINDS) expect(templateProblem(DEFAULT_NOTICE_TEMPLATES[kind], true)).toBeNull();
    expect(templateProblem({ ...DEFAULT_NOTICE_TEMPLATES.late, sms: 'x'.repeat(NOTICE_SMS_MAX_CHARS + 1) }, true)).toMatch(/^Nội dung SMS dài tới 307 ký tự/);
  });
});

describe('templates and recipients', () => {
  it('refuses a placeholder that does not exist, naming it', () => {
    expect(templateProblem({ subject: 'Hồ sơ {maHoSo}', body: 'Số CCCD {soCCCD}', sms: 'x' }, true)).toBe(
      'Nội dung thư dùng ô không có: {soCCCD}. Các ô được dùng: {maHoSo}, {tenThuTuc}, {ngayHen}, {soTien}, {lyDo}, {giayTo}, {diaChiTraCuu}, {tenTrungTam}, {diaChiNhan}, {diaChiNgungNhan}.',
    );
    expect(templateProblem({ subject: 'a\nb', body: 'x', sms: 'x' }, true)).toBe('Tiêu đề thư chỉ được một dòng.');
  });

  it('masks a recipient for the supervisor’s screen', () => {
    expect(maskRecipient('0912345678')).toBe('0912 *** 678');
    expect(maskRecipient('binh.nguyen@example.vn')).toBe('b***@example.vn');
  });
});
