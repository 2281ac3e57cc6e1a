import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fromVnLocal } from '../../../shared/calendar';
import { MotCuaDb, storeLeases } from '../../db';
import { recordApology, EMPTY_APOLOGY_FORM } from '../tracking/apology';
import { requestCorrection } from './correction';
import { parseAppointmentDate } from '../../desk/context';
import { EMPTY_RETURN_FORM, returnDossier } from './returnDossier';
import { deskContext, seedDossier, type QueuedPrint } from '../../testing/desk';

// Thursday 12/3/2026, 10:00 in Vietnam.
const NOW = fromVnLocal(2026, 3, 12, 10, 0);
const DUE = fromVnLocal(2026, 3, 13, 17, 0).toISOString();
let db: MotCuaDb;

beforeEach(async () => {
  db = new MotCuaDb(`t-${crypto.randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  await storeLeases(db, [{ kind: 'receipt', scope: 'EBL01:26TAA', first: 701, last: 800 }]);
});

describe('returnDossier', () => {
  it('collects the remaining fee with a receipt, then records the return to the applicant', async () => {
    const id = await seedDossier(db, { code: '000.00.15.H41-260302-0001', dueAt: DUE, stage: 'resultReady', fee: 50000, resultAt: NOW.toISOString() });
    const printed: QueuedPrint[] = [];
    const out = await returnDossier(deskContext(db, NOW, printed), id, { ...EMPTY_RETURN_FORM, recipientId: '040085001234' });
    if (!out.ok) throw new Error(out.message);
    expect(out.state.status).toBe('returned');
    expect(out.state.feesPaid).toBe(50000);
    expect(printed.map((p) => [p.doc.kind, p.role])).toEqual([['feeReceipt', 'receipt']]);
    const events = (await db.events.where('dossierId').equals(id).toArray()).map((e) => e.event);
    const fee = events.find((e) => e.type === 'feeCollected');
    expect(fee?.type === 'feeCollected' && fee.payload.receipt).toEqual({ formSymbol: 'EBL01', series: '26TAA', number: 701 });
    const ret = events.find((e) => e.type === 'returned');
    expect(ret?.type === 'returned' && ret.payload.recipient).toMatchObject({ name: 'Nguyễn Văn Bình', idNumber: '040085001234', authorised: false });
  });

  it('takes the remaining fee by VietQR only once the transfer is marked received; the receipt carries the QR with the dossier code', async () => {
    const code = '000.00.15.H41-260302-0002';
    const id = await seedDossier(db, { code, dueAt: DUE, stage: 'resultReady', fee: 50000, resultAt: NOW.toISOString() });
    const printed: QueuedPrint[] = [];
    const base = deskContext(db, NOW, printed);
    const ctx = { ...base, config: { ...base.config, bankAccount: { bin: '970415', accountNumber: '113366668888', accountName: 'TRUNG TAM PVHCC' } } };
    const form = { ...EMPTY_RETURN_FORM, recipientId: '040085001234', paymentMethod: 'transfer' as const };
    const unseen = await returnDossier(ctx, id, form);
    expect(unseen.ok ? '' : unseen.errors.transferReceived).toContain('Đã nhận chuyển khoản');
    expect(printed).toEqual([]);
    const out = await returnDossier(ctx, id, { ...form, transferReceived: true });
    if (!out.ok) throw new Error(out.message);
    const fee = (await db.events.where('dossierId').equals(id).toArray()).map((e) => e.event).find((e) => e.type === 'feeCollected');
    expect(fee?.type === 'feeCollected' && fee.payload.method).toBe('transfer');
    const receipt = printed.find((p) => p.doc.kind === 'feeReceipt')!.doc;
    expect(receipt.blocks.some((b) => b.type === 'fields' && b.rows.some((r) => r.label === 'Hình thức thanh toán' && r.value === 'Chuyển khoản'))).toBe(true);
    expect(receipt.blocks.some((b) => b.type === 'qr' && b.value.includes('540550000') && b.value.includes(`0825${code}`))).toBe(true);
  });

  it('refuses to collect the remaining fee while the unit has no tax code, and records nothing', async () => {
    const id = await seedDossier(db, { code: '000.00.15.H41-260302-0003', dueAt: DUE, stage: 'resultReady', fee: 50000, resultAt: NOW.toISOString() });
    const printed: QueuedPrint[] = [];
    const base = deskContext(db, NOW, printed);
    const out = await returnDossier({ ...base, config: { ...base.config, unitTaxCode: '' } }, id, { ...EMPTY_RETURN_FORM, recipientId: '040085001234' });
    expect(out.ok === false && out.message).toContain('cấu hình biên lai chưa khai báo mã số thuế của đơn vị thu');
    expect((await db.dossiers.get(id))?.state.status).toBe('resultReady');
    expect(printed).toEqual([]);
  });

  it('refuses an ID that is not the applicant’s unless the recipient is marked authorised, and then needs the letter noted', async () => {
    const id = await seedDossier(db, { code: '000.00.15.H41-260302-0002', dueAt: DUE, stage: 'resultReady' });
    const ctx = deskContext(db, NOW);
    const wrong = await returnDossier(ctx, id, { ...EMPTY_RETURN_FORM, recipientId: '040190001111' });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.errors.recipientId).toMatch(/không khớp/);
    const noLetter = await returnDossier(ctx, id, { ...EMPTY_RETURN_FORM, authorised: true, recipientName: 'Lê Thị Hoa', recipientId: '040190001111' });
    expect(!noLetter.ok && noLetter.errors.authorisationNote).toMatch(/giấy ủy quyền/);
    const badId = await returnDossier(ctx, id, { ...EMPTY_RETURN_FORM, authorised: true, recipientName: 'Lê Thị Hoa', recipientId: '12345', authorisationNote: 'GUQ số 12' });
    expect(!badId.ok && badId.errors.recipientId).toBeTruthy();
    expect((await db.dossiers.get(id))?.status).toBe('resultReady');
    const ok = await returnDossier(ctx, id, {
      ...EMPTY_RETURN_FORM,
      authorised: true,
      recipientName: 'Lê Thị Hoa',
      recipientId: '040190001111',
      authorisationNote: 'Giấy ủy quyền số 12/UQ ngày 10/3/2026',
    });
    if (!ok.ok) throw new Error(ok.message);
    expect(ok.state.status).toBe('returned');
    const ret = (await db.events.where('dossierId').equals(id).toArray()).map((e) => e.event).find((e) => e.type === 'returned');
    expect(ret?.type === 'returned' && ret.payload.recipient).toEqual({ name: 'Lê Thị Hoa', idNumber: '040190001111', authorised: true, authorisationNote: 'Giấy ủy quyền số 12/UQ ngày 10/3/2026' });
  });

  it('returns by post with the postal item number, only for dossiers registered for post', async () => {
    const deskOnly = await seedDossier(db, { code: '000.00.15.H41-260302-0003', dueAt: DUE, stage: 'resultReady' });
    const byPost = await seedDossier(db, { code: '000.00.15.H41-260302-0004', dueAt: DUE, stage: 'resultReady', post: true });
    const ctx = deskContext(db, NOW);
    const refused = await returnDossier(ctx, deskOnly, { ...EMPTY_RETURN_FORM, method: 'post', postalItemNumber: 'EE123456789VN' });
    expect(!refused.ok && refused.errors.method).toBeTruthy();
    const noItem = await returnDossier(ctx, byPost, { ...EMPTY_RETURN_FORM, method: 'post' });
    expect(!noItem.ok && noItem.errors.postalItemNumber).toMatch(/số hiệu bưu gửi/);
    const out = await returnDossier(ctx, byPost, { ...EMPTY_RETURN_FORM, method: 'post', postalItemNumber: 'ee123456789vn' });
    if (!out.ok) throw new Error(out.message);
    expect(out.state.flags.returnMethod).toBe('post');
    const ret = (await db.events.where('dossierId').equals(byPost).toArray()).map((e) => e.event).find((e) => e.type === 'returned');
    expect(ret?.type === 'returned' && ret.payload.postalItemNumber).toBe('EE123456789VN');
  });

  it('will not return a dossier whose result has not arrived', async () => {
    const id = await seedDossier(db, { code: '000.00.15.H41-260302-0005', dueAt: DUE, stage: 'atDepartment' });
    const out = await returnDossier(deskContext(db, NOW), id, { ...EMPTY_RETURN_FORM, recipientId: '040085001234' });
    expect(out.ok).toBe(false);
    expect(await db.outbox.where('dossierId').equals(id).count()).toBe(3);
  });
});

describe('apology and correction', () => {
  it('records the apology once, prints the letter (form) and a new slip, and refuses a second with the reducer’s message', async () => {
    const id = await seedDossier(db, { code: '000.00.15.H41-260302-0006', dueAt: DUE, stage: 'atDepartment' });
    const printed: QueuedPrint[] = [];
    const ctx = deskContext(db, NOW, printed);
    const form = { ...EMPTY_APOLOGY_FORM, reason: 'Chờ ý kiến của cơ quan phối hợp', responsibleOfficer: 'Phạm Văn Đức', reasonValid: 'no' as const, newDate: '2026-03-20' };
    const first = await recordApology(ctx, id, form);
    if (!first.ok) throw new Error(first.message);
    expect(first.state.newDueAt).toBe(fromVnLocal(2026, 3, 20, 17, 0).toISOString());
    expect(first.state.dueAt).toBe(DUE);
    expect(first.state.flags).toMatchObject({ apologyReasonValid: false, apologyResponsibleOfficer: 'Phạm Văn Đức' });
    expect(printed.map((p) => [p.doc.kind, p.role])).toEqual([
      ['apology', 'form'],
      ['appointmentSlip', 'slip'],
    ]);
    const second = await recordApology(ctx, id, { ...form, newDate: '2026-03-25' });
    expect(second.ok).toBe(false);
    if (!second.ok) expect(second.message).toMatch(/một lần|đã/);
    expect(printed).toHaveLength(2);
  });

  it('checks the apology form field by field', async () => {
    const id = await seedDossier(db, { code: '000.00.15.H41-260302-0007', dueAt: DUE, stage: 'atDepartment' });
    const out = await recordApology(deskContext(db, NOW), id, { ...EMPTY_APOLOGY_FORM, newDate: '2026-03-14' });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(Object.keys(out.errors).sort()).toEqual(['newDate', 'reason', 'reasonValid', 'responsibleOfficer']);
  });

  it('requests a correction after a return, prints a new slip, and charges nothing when the agency is at fault', async () => {
    const id = await seedDossier(db, { code: '000.00.15.H41-260302-0008', dueAt: DUE, stage: 'returned', fee: 30000, resultAt: fromVnLocal(2026, 3, 11, 9, 0).toISOString() });
    const printed: QueuedPrint[] = [];
    const out = await requestCorrection(deskContext(db, NOW, printed), id, { fault: 'agency', description: 'Sai năm sinh trên kết quả', newDate: '2026-03-17' });
    if (!out.ok) throw new Error(out.message);
    expect(out.state.status).toBe('correctionRequested');
    expect(out.state.flags.correctionFault).toBe('agency');
    expect(printed.map((p) => p.doc.kind)).toEqual(['appointmentSlip']);
    const { amountDueAtCollection } = await import('../dossier/card');
    expect(amountDueAtCollection(out.state)).toBe(0);
  });
});

describe('parseAppointmentDate', () => {
  it('accepts a later working day at 17:00 Vietnam time and refuses today, the past and weekends', () => {
    const ctx = deskContext(db, NOW);
    expect(parseAppointmentDate('2026-03-16', ctx.calendar, NOW)).toEqual({ ok: true, at: '2026-03-16T10:00:00.000Z' });
    expect(parseAppointmentDate('2026-03-12', ctx.calendar, NOW).ok).toBe(false);
    expect(parseAppointmentDate('2026-03-14', ctx.calendar, NOW)).toMatchObject({ ok: false, message: expect.stringMatching(/ngày nghỉ/) });
    expect(parseAppointmentDate('', ctx.calendar, NOW).ok).toBe(false);
    expect(parseAppointmentDate('2026-02-30', ctx.calendar, NOW).ok).toBe(false);
  });
});
