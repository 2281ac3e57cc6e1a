import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fromVnLocal } from '../../../shared/calendar';
import { MotCuaDb, recordCommand } from '../../db';
import { nameBook } from '../../kiosk/names';
import { deskContext, seedDossier } from '../../testing/desk';
import { loadDossierTrail } from './history';
import { feeCollections, receiptReprint, slipReprint } from './reprint';

const NOW = fromVnLocal(2026, 3, 12, 10, 0);
const DUE = fromVnLocal(2026, 3, 13, 17, 0).toISOString();
const NAMES = nameBook([{ id: 'officer-1', fullName: 'Nguyễn Thị Lan' }], [{ counterId: 'quay-1', counterName: 'Quầy 1 – Tiếp nhận' }], {
  counterId: 'quay-tra',
  counterName: 'Quầy trả kết quả',
  officerId: 'officer-desk',
  officerName: 'Trần Văn Hùng',
});
let db: MotCuaDb;

beforeEach(() => {
  db = new MotCuaDb(`t-${crypto.randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
});

const text = (doc: unknown) => JSON.stringify(doc);

describe('printing again from the card', () => {
  it('rebuilds the slip from the reception, signed by the receiving officer and counter, marked as a reprint', async () => {
    const id = await seedDossier(db, { code: '000.00.15.H41-260302-0001', dueAt: DUE, stage: 'atDepartment', fee: 50000 });
    const row = (await db.dossiers.get(id))!;
    const { events } = await loadDossierTrail(db, id);
    const slip = slipReprint(deskContext(db, NOW), { ...row, registerYear: 2026, registerNumber: 7 }, events, NAMES);
    if (!slip.ok) throw new Error(slip.message);
    expect(slip.doc.kind).toBe('appointmentSlip');
    expect(slip.doc.reprint).toBe(true);
    expect(slip.role).toBe('slip');
    expect(text(slip.doc)).toContain('000.00.15.H41-260302-0001');
    expect(text(slip.doc)).toContain('Tờ khai');
    expect(text(slip.doc)).toContain('Nguyễn Thị Lan');
    expect(text(slip.doc)).toContain('Quầy 1 – Tiếp nhận');
    expect(text(slip.doc)).not.toContain('Trần Văn Hùng');
    expect(text(slip.doc)).toContain('Số thứ tự 7, sổ năm 2026');
  });

  it('says why when this machine lacks the reception (a pulled dossier offline)', async () => {
    const id = await seedDossier(db, { code: '000.00.15.H41-260302-0002', dueAt: DUE });
    const row = (await db.dossiers.get(id))!;
    expect(slipReprint(deskContext(db, NOW), row, [], NAMES)).toMatchObject({ ok: false, message: expect.stringMatching(/chưa in lại được giấy hẹn/) });
  });

  it('reprints each fee receipt with its own number, amount, date and collector', async () => {
    const id = await seedDossier(db, { code: '000.00.15.H41-260302-0003', dueAt: DUE, fee: 50000 });
    // The seeded reception lists the fee; the collection is recorded as the receiving desk would.
    const ctx = deskContext(db, NOW);
    const fee = {
      ...ctx.eventMeta(id),
      officerId: 'officer-1',
      type: 'feeCollected' as const,
      payload: { receipt: { formSymbol: 'EBL01', series: '26TAA', number: 42 }, amount: 50000, method: 'cash' as const, feeName: 'Lệ phí' },
    };
    expect((await recordCommand(db, [fee])).ok).toBe(true);
    const row = (await db.dossiers.get(id))!;
    const events = (await loadDossierTrail(db, id)).events;
    const fees = feeCollections(events);
    expect(fees.map((f) => f.payload.receipt.number)).toEqual([42]);
    const receipt = receiptReprint(ctx, row.state, fees[0]!, events, NAMES);
    if (!receipt.ok) throw new Error('receipt');
    expect(receipt.what).toBe('Biên lai EBL01/26TAA số 00000042 (bản in lại)');
    expect(receipt.doc.kind).toBe('feeReceipt');
    expect(receipt.doc.reprint).toBe(true);
    expect(text(receipt.doc)).toContain('Nguyễn Thị Lan');
    expect(text(receipt.doc)).toContain('50.000');
  });
});
