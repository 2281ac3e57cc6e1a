import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fromVnLocal } from '../../../shared/calendar';
import type { BarcodeBlock, FieldsBlock, PrintDocument } from '../../../shared/documents';
import { MotCuaDb, storeLeases } from '../../db';
import { DEFAULT_RETURN_DESK_CONFIG, loadReturnDeskConfig, mergeReturnDeskConfig, RETURN_DESK_CONFIG_KEY, saveReturnDeskConfig } from '../../desk/returnDeskConfig';
import { EMPTY_RETURN_FORM, returnDossier } from './returnDossier';
import { deskContext, seedDossier, TEST_PRINTERS, type QueuedPrint } from '../../testing/desk';

const NOW = fromVnLocal(2026, 3, 12, 10, 0);
const DUE = fromVnLocal(2026, 3, 13, 17, 0).toISOString();
let db: MotCuaDb;

beforeEach(async () => {
  db = new MotCuaDb(`t-${crypto.randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  await storeLeases(db, [{ kind: 'receipt', scope: 'EBL01:26TAA', first: 701, last: 800 }]);
});

const fields = (doc: PrintDocument): Record<string, string> =>
  Object.fromEntries(doc.blocks.filter((b): b is FieldsBlock => b.type === 'fields').flatMap((b) => b.rows.map((r) => [r.label, r.value])));

describe('the return desk setting', () => {
  it('is off by default; the counter’s choice wins over the Center’s default, field by field', async () => {
    expect(await loadReturnDeskConfig(db)).toEqual(DEFAULT_RETURN_DESK_CONFIG);
    await db.catalogue.put({ id: `setting:${RETURN_DESK_CONFIG_KEY}`, kind: 'setting', key: RETURN_DESK_CONFIG_KEY, body: { printConfirmation: true }, version: 1 });
    expect((await loadReturnDeskConfig(db)).printConfirmation).toBe(true);
    expect(await saveReturnDeskConfig(db, { printConfirmation: false })).toEqual({ printConfirmation: false });
    expect(await loadReturnDeskConfig(db)).toEqual({ printConfirmation: false });
    expect(mergeReturnDeskConfig({ printConfirmation: 'có' }, null, 7)).toEqual(DEFAULT_RETURN_DESK_CONFIG);
  });
});

describe('returnDossier with the confirmation turned on', () => {
  it('prints the confirmation after the fee receipt, with the receipt, the masked ID and the authorisation note', async () => {
    await saveReturnDeskConfig(db, { printConfirmation: true });
    const id = await seedDossier(db, { code: '000.00.15.H41-260302-0011', dueAt: DUE, stage: 'resultReady', fee: 50000, resultAt: NOW.toISOString() });
    const printed: QueuedPrint[] = [];
    const out = await returnDossier(deskContext(db, NOW, printed), id, {
      ...EMPTY_RETURN_FORM,
      authorised: true,
      recipientName: 'Lê Thị Hoa',
      recipientId: '040190001111',
      authorisationNote: 'Giấy ủy quyền số 12/UQ ngày 10/3/2026',
    });
    if (!out.ok) throw new Error(out.message);
    expect(out.prints.map((p) => [p.what, p.ok])).toEqual([
      ['Biên lai thu phí, lệ phí', true],
      ['Phiếu xác nhận trả kết quả', true],
    ]);
    expect(printed.map((p) => [p.doc.kind, p.role, p.doc.layout])).toEqual([
      ['feeReceipt', 'receipt', 'thermal'],
      ['returnConfirmation', 'slip', 'thermal'],
    ]);
    const doc = printed[1]!.doc;
    const f = fields(doc);
    expect(f['Người nhận kết quả']).toBe('Lê Thị Hoa (người được ủy quyền), số định danh 040******111');
    expect(f['Giấy ủy quyền']).toBe('Giấy ủy quyền số 12/UQ ngày 10/3/2026');
    expect(f['Biên lai phí, lệ phí']).toBe('EBL01/26TAA số 00000701 – 50.000 ₫');
    expect(f['Thời gian trả kết quả']).toBe('10:00 12/03/2026');
    expect(f['Cán bộ trả kết quả']).toBe('Trần Văn Hùng (Quầy trả kết quả)');
    expect(doc.blocks.find((b): b is BarcodeBlock => b.type === 'barcode')!.value).toBe('012603020011');
  });

  it('by post names the postal item, on the sheet printer when the counter has no roll', async () => {
    await saveReturnDeskConfig(db, { printConfirmation: true });
    const id = await seedDossier(db, { code: '000.00.15.H41-260302-0012', dueAt: DUE, stage: 'resultReady', post: true });
    const printed: QueuedPrint[] = [];
    const ctx = { ...deskContext(db, NOW, printed), printers: TEST_PRINTERS.filter((p) => p.paper === 'A4') };
    const out = await returnDossier(ctx, id, { ...EMPTY_RETURN_FORM, method: 'post', postalItemNumber: 'EE123456789VN' });
    if (!out.ok) throw new Error(out.message);
    expect(printed.map((p) => [p.doc.kind, p.role, p.doc.layout])).toEqual([['returnConfirmation', 'form', 'sheet']]);
    expect(fields(printed[0]!.doc)).toMatchObject({ 'Số hiệu bưu gửi': 'EE123456789VN', 'Địa chỉ nhận': '12 Lê Lợi, Vinh' });
  });

  it('reports a print queue failure without undoing the return, and prints nothing for a refused return', async () => {
    await saveReturnDeskConfig(db, { printConfirmation: true });
    const id = await seedDossier(db, { code: '000.00.15.H41-260302-0013', dueAt: DUE, stage: 'resultReady' });
    const ctx = { ...deskContext(db, NOW), print: async () => ({ ok: false as const, message: 'Máy in hết giấy.' }) };
    const wrong = await returnDossier(ctx, id, { ...EMPTY_RETURN_FORM, recipientId: '040190001111' });
    expect(wrong.ok).toBe(false);
    const out = await returnDossier(ctx, id, { ...EMPTY_RETURN_FORM, recipientId: '040085001234' });
    if (!out.ok) throw new Error(out.message);
    expect(out.state.status).toBe('returned');
    expect(out.prints).toEqual([{ what: 'Phiếu xác nhận trả kết quả', ok: false, message: 'Máy in hết giấy.' }]);
  });
});
