// The slips the desks print for a recorded dossier: a new one after a correction or an apology is
// marked and signed by the officer issuing it; a reprint of the original carries the register line.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fromVnLocal } from '../../shared/calendar';
import type { PrintDocument } from '../../shared/documents';
import { MotCuaDb } from '../db';
import { loadDossierTrail } from '../features/dossier/history';
import { requestCorrection } from '../features/return/correction';
import { deskContext, seedDossier, type QueuedPrint } from '../testing/desk';
import { receivedOf, reprintAppointmentSlip } from './context';

// Thursday 12/3/2026, 10:00 in Vietnam.
const NOW = fromVnLocal(2026, 3, 12, 10, 0);
const DUE = fromVnLocal(2026, 3, 13, 17, 0).toISOString();
let db: MotCuaDb;

beforeEach(() => {
  db = new MotCuaDb(`t-${crypto.randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
});

const fields = (doc: PrintDocument): Record<string, string> => Object.fromEntries(doc.blocks.flatMap((b) => (b.type === 'fields' ? b.rows.map((r) => [r.label, r.value]) : [])));
const texts = (doc: PrintDocument): string => doc.blocks.flatMap((b) => (b.type === 'text' ? [b.text] : [])).join('\n');

describe('slips of a recorded dossier', () => {
  it('after a correction: marked, dated with its weekday, signed by the officer issuing it, with the register line the server gave', async () => {
    const id = await seedDossier(db, { code: '000.00.15.H41-260302-0008', dueAt: DUE, stage: 'returned', resultAt: fromVnLocal(2026, 3, 11, 9, 0).toISOString() });
    await db.dossiers.update(id, { registerYear: 2026, registerNumber: 412 });
    const printed: QueuedPrint[] = [];
    const out = await requestCorrection(deskContext(db, NOW, printed), id, { fault: 'agency', description: 'Sai năm sinh trên kết quả', newDate: '2026-03-17' });
    if (!out.ok) throw new Error(out.message);
    const slip = printed[0]!.doc;
    expect(texts(slip)).toContain('CẤP LẠI – ĐÍNH CHÍNH KẾT QUẢ');
    expect(texts(slip)).toContain('Quầy trả kết quả – cán bộ cấp lại: Trần Văn Hùng');
    expect(texts(slip)).not.toContain('Cán bộ tiếp nhận');
    const sig = slip.blocks.find((b) => b.type === 'signatures');
    expect(sig?.type === 'signatures' && sig.parties[1]).toMatchObject({ title: 'NGƯỜI CẤP LẠI GIẤY HẸN', name: 'Trần Văn Hùng' });
    expect(fields(slip)['Thời gian trả kết quả mới']).toMatch(/ Thứ Ba, 17\/03\/2026$/);
    expect(fields(slip)['Vào Sổ theo dõi hồ sơ']).toBe('Số thứ tự 412, sổ năm 2026');
    expect(fields(slip)['Giờ làm việc']).toBe('Thứ Hai – Thứ Sáu: 07:30–11:30, 13:30–17:00 (trừ ngày nghỉ lễ)');
  });

  it('a reprint of the original is marked so, signed by the receiving officer and counter, and carries the register line once known', async () => {
    const id = await seedDossier(db, { code: '000.00.15.H41-260302-0009', dueAt: DUE });
    const reprint = async () => {
      const received = receivedOf((await loadDossierTrail(db, id)).events)!;
      return reprintAppointmentSlip(deskContext(db, NOW), (await db.dossiers.get(id))!, received, { officerName: 'Trần Văn Đức', counterName: 'Quầy 8' });
    };
    expect(fields((await reprint())!)['Vào Sổ theo dõi hồ sơ']).toContain('được cấp khi đồng bộ');
    await db.dossiers.update(id, { registerYear: 2026, registerNumber: 37 });
    const slip = await reprint();
    expect(slip?.reprint).toBe(true);
    expect(fields(slip!)['Vào Sổ theo dõi hồ sơ']).toBe('Số thứ tự 37, sổ năm 2026');
    expect(texts(slip!)).toContain('Cán bộ tiếp nhận: Trần Văn Đức');
    expect(texts(slip!)).not.toContain('CẤP LẠI');
  });

  it('received across boundaries at a commune: the slip names the chosen center, its own by its configured desk place', async () => {
    const id = await seedDossier(db, { code: '000.22.41.H41-260302-0010', dueAt: DUE });
    const row = (await db.dossiers.get(id))!;
    const received = receivedOf((await loadDossierTrail(db, id)).events)!;
    const province = deskContext(db, NOW);
    // A commune's counters build their configuration from their center's row (desk/config.ts, tested in
    // config.test.ts): its own desk place, not the provincial Center's it would otherwise inherit.
    const commune = {
      ...province,
      config: { ...province.config, deskPlace: 'Bộ phận trả kết quả, Trung tâm Phục vụ hành chính công xã Diễn Châu' },
      counter: { agencyCode: '000.22.41.H41', counterIndex: 1, counterName: 'Quầy 1 – xã Diễn Châu' },
      centerName: (code: string) => ({ '000.22.41.H41': 'Trung tâm Phục vụ hành chính công xã Diễn Châu', '000.23.41.H41': 'Trung tâm Phục vụ hành chính công phường Vinh Hưng' })[code],
    };
    const slipFor = (returnCenter: string) =>
      reprintAppointmentSlip(commune, { ...row, state: { ...row.state, route: { receivingCenter: '000.22.41.H41', transfer: 'courier', returnCenter } } }, received, {
        officerName: 'Nguyễn Thị Lan',
        counterName: 'Quầy 1',
      })!;
    expect(fields(slipFor('000.22.41.H41'))['Nơi nhận kết quả']).toBe('Nhận trực tiếp tại Bộ phận trả kết quả, Trung tâm Phục vụ hành chính công xã Diễn Châu');
    expect(fields(slipFor('000.23.41.H41'))['Nơi nhận kết quả']).toBe('Nhận trực tiếp tại Bộ phận trả kết quả, Trung tâm Phục vụ hành chính công phường Vinh Hưng');
    // A dossier of its own (no route) keeps the desk place the center configured.
    expect(fields(reprintAppointmentSlip(commune, row, received, { officerName: 'Nguyễn Thị Lan', counterName: 'Quầy 1' })!)['Nơi nhận kết quả']).toBe(
      `Nhận trực tiếp tại ${commune.config.deskPlace}`,
    );
  });
});
