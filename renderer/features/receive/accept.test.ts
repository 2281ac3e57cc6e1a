import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fromVnLocal, workCalendar } from '../../../shared/calendar';
import { parseDossierBarcodeKey, dossierCodeFromBarcodeKey } from '../../../shared/codes';
import { DOSSIER_SEQ_FALLBACK_BASE } from '../../../shared/sync/leases';
import { MotCuaDb, recordCommand, storeLeases } from '../../db';
import { confirmDossierDelivery } from '../handoff/delivery';
import { acceptDossier, reserveDossierNumber } from './accept';
import { firstStepWithError, STEP, stepErrors } from './receiveState';
import { appointmentFor, processingSpan } from './appointment';
import { agencyTableFor } from '../../desk/config';
import { issueRefusal, issueSupplementRequest } from './letters';
import { CLEAR_RECEIVE_DRAFT, loadDraft, saveDraft } from './drafts';
import { findReturningApplicant } from './returning';
import { completeForm, FREE_PROCEDURE, LICENCE_PROCEDURE, testContext, type QueuedPrint } from '../../testing/receive';
import { tickDocument } from './form';
import { STATUS_SECRET_PATTERN } from '../../../shared/codes';
import { nameBook } from '../../kiosk/names';
import { loadDossierTrail } from '../dossier/history';
import { slipReprint } from '../dossier/reprint';

// Thursday 12/3/2026, 09:15 in Vietnam.
const NOW = fromVnLocal(2026, 3, 12, 9, 15);
let db: MotCuaDb;

beforeEach(async () => {
  db = new MotCuaDb(`t-${crypto.randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  await storeLeases(db, [
    { kind: 'dossierSeq', scope: '000.00.15.H41:260312', first: 101, last: 102 },
    { kind: 'receipt', scope: 'EBL01:26TAA', first: 501, last: 600 },
  ]);
});

describe('acceptDossier', () => {
  it('across boundaries (phi địa giới): records the route, expects the date from the next working day, prints where the result is collected and from when the time runs; delivery then sets the deadline', async () => {
    const printed: QueuedPrint[] = [];
    const ctx = {
      ...testContext(db, { now: NOW, printed }),
      scope: { phiDiaGioi: [LICENCE_PROCEDURE.code] },
      centerName: (code: string) => (code === '000.23.41.H41' ? 'Trung tâm Phục vụ hành chính công phường Vinh Hưng' : undefined),
    };
    const form = { ...completeForm(), route: { returnCenter: '000.23.41.H41', transfer: 'courier' as const } };
    const out = await acceptDossier(ctx, form, LICENCE_PROCEDURE);
    if (!out.ok) throw new Error(out.message);
    const received = (await db.outbox.toArray())[0]!.event;
    if (received.type !== 'received') throw new Error(received.type);
    expect(received.payload.route).toEqual({ receivingCenter: '000.00.15.H41', transfer: 'courier', returnCenter: '000.23.41.H41' });
    // Expected as if the department received it Friday 13/3 at opening: its 5 working days run out Thursday 19/3 at closing
    // (received in the office, the same dossier would be due that Thursday at 09:15, see the first test).
    expect(out.dueAt).toBe(fromVnLocal(2026, 3, 19, 17, 0).toISOString());
    const slip = JSON.stringify(printed.find((p) => p.doc.kind === 'appointmentSlip')!.doc);
    expect(slip).toContain('Nghị định 309/2026/NĐ-CP');
    expect(slip).toContain('tính từ khi cơ quan có thẩm quyền nhận được hồ sơ');
    expect(slip).toContain('(dự kiến)');
    expect(slip).toContain('Bộ phận trả kết quả, Trung tâm Phục vụ hành chính công phường Vinh Hưng');
    // Its slip has no numeric key (another center's table would read it as its own code), only the QR.
    expect(slip).not.toContain('"type":"barcode"');

    // The department signs for it on Tuesday 17/3: the deadline runs from there, 5 working days.
    const meta = ctx.eventMeta;
    const handed = await recordCommand(db, [
      { ...meta(out.dossierId), type: 'handedToCourier', payload: { batchId: 'LO-1', direction: 'toDepartment', courierName: 'Bưu điện', departmentId: 'cong-an-tinh' } },
    ]);
    expect(handed.ok).toBe(true);
    expect(await confirmDossierDelivery(db, 'LO-1', out.dossierId, meta, fromVnLocal(2026, 3, 17, 10, 0))).toEqual({ ok: true });
    const state = (await db.dossiers.get(out.dossierId))!.state;
    expect(state.dueAt).toBe(fromVnLocal(2026, 3, 24, 10, 0).toISOString());
    expect(state.dueExpected).toBeUndefined();
  });

  it('across boundaries without the center the applicant chose: refused at the route field, nothing recorded, no number taken', async () => {
    const printed: QueuedPrint[] = [];
    const ctx = { ...testContext(db, { now: NOW, printed }), scope: { phiDiaGioi: [LICENCE_PROCEDURE.code] } };
    const out = await acceptDossier(ctx, { ...completeForm(), route: { returnCenter: '', transfer: 'courier' } }, LICENCE_PROCEDURE);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.message).toMatch(/^Hồ sơ phi địa giới: hãy hỏi người nộp muốn nhận kết quả tại trung tâm nào/);
    expect(Object.keys(out.errors)).toEqual(['routeReturn']);
    expect(await db.outbox.count()).toBe(0);
    expect(printed).toEqual([]);
    expect(stepErrors(completeForm(), STEP.fee, LICENCE_PROCEDURE, 2026, true)).toEqual(out.errors);
    expect(firstStepWithError(out.errors)).toBe(STEP.fee);
  });

  it('a procedure not on the list is received without a route, whatever the form holds', async () => {
    const out = await acceptDossier(
      { ...testContext(db, { now: NOW }), scope: { phiDiaGioi: ['9.999999'] } },
      { ...completeForm(), route: { returnCenter: '000.23.41.H41', transfer: 'courier' } },
      LICENCE_PROCEDURE,
    );
    if (!out.ok) throw new Error(out.message);
    const received = (await db.outbox.toArray())[0]!.event;
    expect(received.type === 'received' && received.payload.route).toBeUndefined();
    expect(out.dueAt).toBe(fromVnLocal(2026, 3, 19, 9, 15).toISOString());
  });

  it('takes the code from the lease, records received + feeCollected, and queues slip (2 copies) and receipt', async () => {
    const printed: QueuedPrint[] = [];
    const out = await acceptDossier(testContext(db, { now: NOW, printed }), completeForm(), LICENCE_PROCEDURE);
    if (!out.ok) throw new Error(out.message);
    expect(out.code).toBe('000.00.15.H41-260312-0101');
    expect(out.receipt).toEqual({ formSymbol: 'EBL01', series: '26TAA', number: 501, amount: 135000 });
    // 5 working days after Thursday 12/3 is Thursday 19/3, same time.
    expect(out.dueAt).toBe(fromVnLocal(2026, 3, 19, 9, 15).toISOString());
    const row = await db.dossiers.get(out.dossierId);
    expect(row?.status).toBe('received');
    expect(row?.code).toBe(out.code);
    expect(row?.state.feesPaid).toBe(135000);
    expect(row?.applicantIdNumber).toBe('040085001234');
    expect((await db.outbox.toArray()).map((o) => o.event.type)).toEqual(['received', 'feeCollected']);
    expect(printed.map((p) => [p.doc.kind, p.role, p.copies])).toEqual([
      ['appointmentSlip', 'slip', 2],
      ['feeReceipt', 'receipt', 1],
    ]);
    const parts = parseDossierBarcodeKey(out.barcodeKey);
    if (!parts.ok) throw new Error(parts.error.message);
    const back = dossierCodeFromBarcodeKey(parts.value, agencyTableFor(testContext(db).config, '000.00.15.H41'));
    expect(back).toEqual({ ok: true, value: out.code });
  });

  it("draws the status page's secret, records it in the received event and prints it only in the slip's QR; a reprint carries the same", async () => {
    const printed: QueuedPrint[] = [];
    const ctx = testContext(db, { now: NOW, printed });
    ctx.config = { ...ctx.config, statusPageUrl: 'https://hcc.nghean.gov.vn/tra-cuu' };
    const out = await acceptDossier(ctx, completeForm(), LICENCE_PROCEDURE);
    if (!out.ok) throw new Error(out.message);
    const received = (await db.outbox.toArray()).map((o) => o.event).find((e) => e.type === 'received');
    const secret = received?.type === 'received' ? received.payload.statusSecret : undefined;
    expect(secret).toMatch(STATUS_SECRET_PATTERN);
    const row = (await db.dossiers.get(out.dossierId))!;
    expect(row.state.statusSecret).toBe(secret);
    const qrOf = (doc: unknown) => [...JSON.stringify(doc).matchAll(/"type":"qr","value":"([^"]+)"/g)].map((m) => m[1]);
    const slip = printed.find((p) => p.doc.kind === 'appointmentSlip')!.doc;
    expect(qrOf(slip)).toEqual([`https://hcc.nghean.gov.vn/tra-cuu/${out.code}?k=${secret}`]);
    // Printed nowhere else on the slip, nor on the receipt.
    expect(JSON.stringify(slip).split(secret!).length - 1).toBe(1);
    expect(JSON.stringify(printed.find((p) => p.doc.kind === 'feeReceipt')!.doc)).not.toContain(secret);

    const { events } = await loadDossierTrail(db, out.dossierId);
    const names = nameBook([{ id: 'officer-1', fullName: 'Nguyễn Thị Lan' }], [{ counterId: 'quay-3', counterName: 'Quầy 3' }], {
      counterId: 'quay-3',
      counterName: 'Quầy 3',
      officerId: 'officer-1',
      officerName: 'Nguyễn Thị Lan',
    });
    const again = slipReprint(ctx, row, events, names);
    if (!again.ok) throw new Error(again.message);
    expect(qrOf(again.doc)).toEqual([`https://hcc.nghean.gov.vn/tra-cuu/${out.code}?k=${secret}`]);

    // The next dossier gets its own.
    const next = await acceptDossier(ctx, completeForm(), LICENCE_PROCEDURE);
    if (!next.ok) throw new Error(next.message);
    expect((await db.dossiers.get(next.dossierId))!.state.statusSecret).not.toBe(secret);
  });

  it('paid by VietQR: accepts under the number the fee step reserved, records a transfer and prints its QR on the receipt', async () => {
    const printed: QueuedPrint[] = [];
    const base = testContext(db, { now: NOW, printed });
    const ctx = { ...base, config: { ...base.config, bankAccount: { bin: '970415', accountNumber: '113366668888', accountName: 'TRUNG TAM PVHCC' } } };
    const form = { ...completeForm(), fee: { ...completeForm().fee, method: 'transfer' as const } };
    const reserved = await reserveDossierNumber(ctx, form);
    if (!reserved.ok) throw new Error(reserved.message);
    expect(reserved.reserved).toEqual({ dateKey: '2026-03-12', seq: 101, from: 'lease' });
    // Not yet marked as received: nothing is recorded.
    const unpaid = await acceptDossier(ctx, { ...form, reserved: reserved.reserved }, LICENCE_PROCEDURE);
    expect(unpaid.ok ? '' : unpaid.errors.transferReceived).toContain('Đã nhận chuyển khoản');
    expect(await db.dossiers.count()).toBe(0);
    const out = await acceptDossier(ctx, { ...form, reserved: reserved.reserved, fee: { ...form.fee, transferReceived: true } }, LICENCE_PROCEDURE);
    if (!out.ok) throw new Error(out.message);
    expect(out.code).toBe('000.00.15.H41-260312-0101');
    expect(out.warnings).toEqual([]);
    const fee = (await db.outbox.toArray()).map((o) => o.event).find((e) => e.type === 'feeCollected');
    expect(fee?.type === 'feeCollected' && fee.payload.method).toBe('transfer');
    const receipt = printed.find((p) => p.doc.kind === 'feeReceipt')!.doc;
    expect(receipt.blocks.some((b) => b.type === 'fields' && b.rows.some((r) => r.label === 'Hình thức thanh toán' && r.value === 'Chuyển khoản'))).toBe(true);
    expect(receipt.blocks.some((b) => b.type === 'qr' && b.value.includes(`0125${out.code}`) && b.value.includes('5406135000'))).toBe(true);
    // The next dossier takes the next number: the reserved one was used, not taken twice.
    const next = await acceptDossier(ctx, completeForm(), LICENCE_PROCEDURE);
    expect(next.ok && next.code).toBe('000.00.15.H41-260312-0102');
  });

  it('refuses a fee at the desk while the unit has no tax code, and records nothing and takes no number', async () => {
    const printed: QueuedPrint[] = [];
    const base = testContext(db, { now: NOW, printed });
    const out = await acceptDossier({ ...base, config: { ...base.config, unitTaxCode: '' } }, completeForm(), LICENCE_PROCEDURE);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.message).toContain('cấu hình biên lai chưa khai báo mã số thuế của đơn vị thu');
    expect(out.errors.fee).toBe(out.message);
    expect(await db.dossiers.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(printed).toEqual([]);
    // The numbers stay unused: the next accepted dossier and receipt take the first of each lease.
    const next = await acceptDossier(base, completeForm(), LICENCE_PROCEDURE);
    expect(next.ok && [next.code, next.receipt?.number]).toEqual(['000.00.15.H41-260312-0101', 501]);
  });

  it('prints each fee line and its amount on the receipt, then the total, with the lookup code', async () => {
    const printed: QueuedPrint[] = [];
    const twoFees = {
      ...LICENCE_PROCEDURE,
      fees: [
        { name: 'Lệ phí cấp giấy phép lái xe', amount: 135000 },
        { name: 'Phí sát hạch lý thuyết', amount: 90000 },
      ],
    };
    const out = await acceptDossier(testContext(db, { now: NOW, printed }), completeForm(twoFees), twoFees);
    if (!out.ok) throw new Error(out.message);
    const receipt = printed.find((p) => p.doc.kind === 'feeReceipt')!.doc;
    const table = receipt.blocks.find((b) => b.type === 'table');
    expect(table?.type === 'table' && table.rows.map((r) => [r[1], r[2]])).toEqual([
      ['Lệ phí cấp giấy phép lái xe', '135.000 ₫'],
      ['Phí sát hạch lý thuyết', '90.000 ₫'],
    ]);
    const fields = receipt.blocks.flatMap((b) => (b.type === 'fields' ? b.rows.map((r) => `${r.label}=${r.value}`) : []));
    expect(fields).toContain('Tổng số tiền=225.000 ₫');
    expect(fields).toContain('Số=00000501');
    expect(fields).toContain('Mã tra cứu=EBL01-26TAA-00000501');
  });

  it('skips the receipt for a procedure without fee', async () => {
    const printed: QueuedPrint[] = [];
    const out = await acceptDossier(testContext(db, { now: NOW, printed }), completeForm(FREE_PROCEDURE), FREE_PROCEDURE);
    expect(out.ok && out.receipt).toBe(undefined);
    expect(printed.map((p) => p.doc.kind)).toEqual(['appointmentSlip']);
    expect((await db.outbox.toArray()).map((o) => o.event.type)).toEqual(['received']);
  });

  it('uses the counter fallback range with a warning once the lease is used up, never reusing a number', async () => {
    const ctx = testContext(db, { now: NOW, counterIndex: 3 });
    const codes: string[] = [];
    for (let i = 0; i < 3; i++) {
      const out = await acceptDossier(ctx, completeForm(), LICENCE_PROCEDURE);
      if (!out.ok) throw new Error(out.message);
      codes.push(out.code);
      expect(out.warnings.length > 0).toBe(i === 2);
    }
    expect(codes.map((c) => Number(c.slice(-4)))).toEqual([101, 102, DOSSIER_SEQ_FALLBACK_BASE + 2 * 50]);
  });

  it('refuses, recording nothing, when documents are missing, the applicant is invalid or the fee is unknown', async () => {
    const ctx = testContext(db, { now: NOW });
    const missing = completeForm();
    missing.documents[1] = tickDocument(missing.documents[1]!, false);
    const a = await acceptDossier(ctx, missing, LICENCE_PROCEDURE);
    expect(a.ok).toBe(false);
    expect(!a.ok && a.message).toMatch(/Giấy khám sức khỏe.*Mẫu 02/);

    const badId = completeForm();
    badId.applicant.idNumber = '04008500123';
    const b = await acceptDossier(ctx, badId, LICENCE_PROCEDURE);
    expect(!b.ok && b.errors.idNumber).toMatch(/12 chữ số|9 chữ số|số/);

    const unknownFee = { ...LICENCE_PROCEDURE, fees: [{ name: 'Phí, lệ phí', amount: null }] };
    const c = await acceptDossier(ctx, completeForm(unknownFee), unknownFee);
    expect(!c.ok && c.errors.feeAmount).toMatch(/nhập số tiền/);

    const edited = completeForm();
    edited.fee.amount = '100.000';
    const d = await acceptDossier(ctx, edited, LICENCE_PROCEDURE);
    expect(!d.ok && d.errors.feeReason).toMatch(/lý do/);

    const noDays = { ...LICENCE_PROCEDURE, processingDays: null, incomplete: ['Thời hạn giải quyết'] };
    const e = await acceptDossier(ctx, completeForm(noDays), noDays);
    expect(!e.ok && e.message).toMatch(/chưa có thời hạn giải quyết/);

    expect(await db.outbox.count()).toBe(0);
    expect(await db.dossiers.count()).toBe(0);
  });

  it('computes the appointment on the catalogue calendar (a declared holiday is skipped)', async () => {
    const ctx = { ...testContext(db, { now: NOW }), calendar: workCalendar({ daysOff: ['2026-03-13'] }) };
    const out = await acceptDossier(ctx, completeForm(), LICENCE_PROCEDURE);
    expect(out.ok && out.dueAt).toBe(fromVnLocal(2026, 3, 20, 9, 15).toISOString());
  });

  it('records an edited fee with its reason and an online payment without printing a receipt', async () => {
    const printed: QueuedPrint[] = [];
    const form = completeForm();
    form.fee = { amount: '67.500', reason: 'Giảm 50% theo Nghị quyết của HĐND tỉnh', method: 'online', onlineReceipt: 'EBL01/26TAB-00000123' };
    const out = await acceptDossier(testContext(db, { now: NOW, printed }), form, LICENCE_PROCEDURE);
    if (!out.ok) throw new Error(out.message);
    expect(printed.map((p) => p.doc.kind)).toEqual(['appointmentSlip']);
    const events = (await db.outbox.toArray()).map((o) => o.event);
    expect(events[0]?.type === 'received' && events[0].payload.fees).toEqual([{ name: 'Lệ phí cấp giấy phép lái xe (Giảm 50% theo Nghị quyết của HĐND tỉnh)', amount: 67500 }]);
    expect(events[1]?.type === 'feeCollected' && events[1].payload).toMatchObject({ receipt: { formSymbol: 'EBL01', series: '26TAB', number: 123 }, method: 'online', amount: 67500 });
  });
});

describe('the appointment', () => {
  const cal = workCalendar();
  it('counts from the next opening when received after hours or on a day off, from the opening when early', () => {
    // Friday 13/3/2026 21:47 → the clock starts Monday 16/3 07:30 → 5 working days run out Friday 20/3
    // at closing (the count ends Monday 23/3 07:30, the same working instant): one rule with the desk's dates, 17:00.
    expect(appointmentFor(fromVnLocal(2026, 3, 13, 21, 47), LICENCE_PROCEDURE, cal)).toEqual(fromVnLocal(2026, 3, 20, 17, 0));
    expect(appointmentFor(fromVnLocal(2026, 3, 14, 10, 0), LICENCE_PROCEDURE, cal)).toEqual(fromVnLocal(2026, 3, 20, 17, 0));
    expect(appointmentFor(fromVnLocal(2026, 3, 12, 6, 0), LICENCE_PROCEDURE, cal)).toEqual(fromVnLocal(2026, 3, 18, 17, 0));
    expect(appointmentFor(fromVnLocal(2026, 3, 12, 16, 59), LICENCE_PROCEDURE, cal)).toEqual(fromVnLocal(2026, 3, 19, 16, 59));
  });
  it('turns hours into half days and a same-day procedure into half a working day; no time, no appointment', () => {
    expect(processingSpan({ ...LICENCE_PROCEDURE, processingDays: null, processingHours: 8 })).toBe(1);
    expect(processingSpan({ ...LICENCE_PROCEDURE, processingDays: null, processingHours: 6 })).toBe(1);
    expect(processingSpan({ ...LICENCE_PROCEDURE, processingDays: 0 })).toBe(0.5);
    expect(appointmentFor(NOW, { ...LICENCE_PROCEDURE, processingDays: null }, cal)).toBeUndefined();
  });
});

describe('supplement request and refusal at the counter', () => {
  it('lists every missing document at once and requires a reason and the contact phone', async () => {
    const printed: QueuedPrint[] = [];
    const ctx = testContext(db, { now: NOW, printed });
    const form = completeForm();
    form.documents = form.documents.map((d, i) => (i === 0 ? d : tickDocument(d, false)));
    const refused = await issueSupplementRequest(ctx, form, LICENCE_PROCEDURE);
    expect(!refused.ok && refused.errors.supplementReason).toMatch(/lý do/);
    expect(!refused.ok && refused.errors.contactPhone).toBeDefined();
    form.supplement = { reason: 'Thiếu giấy khám sức khỏe và bản sao GPLX', requirements: {}, contactPhone: '0238 3840 000' };
    const out = await issueSupplementRequest(ctx, form, LICENCE_PROCEDURE);
    if (!out.ok) throw new Error(out.message);
    const row = await db.dossiers.get(out.dossierId);
    expect(row?.status).toBe('awaitingSupplement');
    expect(row?.code).toBeUndefined();
    const event = (await db.outbox.toArray())[0]!.event;
    expect(event.type === 'supplementRequested' && event.payload.items).toHaveLength(2);
    expect(printed[0]?.doc.kind).toBe('supplementRequest');
    expect(JSON.stringify(printed[0]?.doc.blocks)).toContain('Giấy khám sức khỏe');
  });

  it('refuses only with written reasons', async () => {
    const ctx = testContext(db, { now: NOW });
    const form = completeForm();
    const none = await issueRefusal(ctx, form, LICENCE_PROCEDURE);
    expect(!none.ok && none.errors.refusalReasons).toMatch(/lý do/);
    form.refusal.reasons = 'Thủ tục không thuộc thẩm quyền của tỉnh\n\nGiấy tờ giả mạo';
    const out = await issueRefusal(ctx, form, LICENCE_PROCEDURE);
    if (!out.ok) throw new Error(out.message);
    expect((await db.dossiers.get(out.dossierId))?.status).toBe('refused');
    const event = (await db.outbox.toArray())[0]!.event;
    expect(event.type === 'refused' && event.payload).toMatchObject({ by: 'counter', reasons: ['Thủ tục không thuộc thẩm quyền của tỉnh', 'Giấy tờ giả mạo'] });
  });
});

describe('drafts and returning citizens', () => {
  it('keeps a half-filled form until the command that records it removes it, in the same transaction', async () => {
    const form = completeForm();
    await saveDraft(db, { form, step: 4 });
    expect(await loadDraft(db)).toEqual({ form, step: 4 });
    // Refused: the draft stays, nothing is recorded.
    const refused = await acceptDossier(testContext(db, { now: NOW }), { ...form, sets: 0 }, LICENCE_PROCEDURE, [CLEAR_RECEIVE_DRAFT]);
    expect(refused.ok).toBe(false);
    expect(await loadDraft(db)).toEqual({ form, step: 4 });
    const out = await acceptDossier(testContext(db, { now: NOW }), form, LICENCE_PROCEDURE, [CLEAR_RECEIVE_DRAFT]);
    expect(out.ok).toBe(true);
    expect(await loadDraft(db)).toBeUndefined();
  });

  it('fills the applicant from the latest dossier with the same ID number', async () => {
    const out = await acceptDossier(testContext(db, { now: NOW }), completeForm(), LICENCE_PROCEDURE);
    expect(out.ok).toBe(true);
    expect(await findReturningApplicant(db, '040 085 001 234')).toMatchObject({ name: 'Nguyễn Văn An', phone: '0912345678', address: 'Số 5 Lê Lợi, Vinh, Nghệ An' });
    expect(await findReturningApplicant(db, '040085009999')).toBeUndefined();
  });
});
