import ExcelJS from 'exceljs';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fromVnLocal, workCalendar } from '../../../shared/calendar';
import { MotCuaDb } from '../../db';
import { DEFAULT_CENTER_CONFIG } from '../../desk/config';
import { deskContext, seedDossier } from '../../testing/desk';
import { EMPTY_APOLOGY_FORM, recordApology } from './apology';
import { loadTrackingBoard, nextWorkingDayKey } from './board';
import { periodOf, type Period } from '../../../shared/calendar';
import { PENDING_NUMBER, REGISTER_COLUMNS, REGISTER_HEADER_ROW, registerDocument, registerEntries, registerWorkbook } from './register';
import { allStates, lateOfficersReport, timelinessStats } from './reports';

const A = '000.00.15.H41';
// Friday 13/3/2026, 10:00 in Vietnam: the next working day is Monday 16/3.
const NOW = fromVnLocal(2026, 3, 13, 10, 0);
const at = (d: number, h = 17) => fromVnLocal(2026, 3, d, h, 0).toISOString();
let db: MotCuaDb;

beforeEach(() => {
  db = new MotCuaDb(`t-${crypto.randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
});

const period = (from: string, to: string): Period => {
  const p = periodOf(from, to);
  if (!p.ok) throw new Error(p.message);
  return p.period;
};

describe('the tracking board', () => {
  it('sorts running dossiers into overdue, due today and due on the next working day, and lists results not collected', async () => {
    await seedDossier(db, { code: `${A}-260302-0001`, dueAt: at(12), stage: 'atDepartment' });
    await seedDossier(db, { code: `${A}-260302-0002`, dueAt: at(13, 9), stage: 'received' });
    await seedDossier(db, { code: `${A}-260302-0003`, dueAt: at(13), stage: 'atDepartment' });
    await seedDossier(db, { code: `${A}-260302-0004`, dueAt: at(16), stage: 'atDepartment' });
    await seedDossier(db, { code: `${A}-260302-0005`, dueAt: at(17), stage: 'atDepartment' });
    await seedDossier(db, { code: `${A}-260302-0006`, dueAt: at(10), stage: 'resultReady', resultAt: at(1, 9) });
    await seedDossier(db, { code: `${A}-260302-0007`, dueAt: at(16), stage: 'resultReady', resultAt: at(12, 9) });
    await seedDossier(db, { code: `${A}-260302-0008`, dueAt: at(2), stage: 'returned', resultAt: at(2, 9) });
    const board = await loadTrackingBoard(db, { now: NOW, calendar: workCalendar(), notCollectedDays: 7 });
    const codes = (rows: { code?: string }[]) => rows.map((r) => r.code!.slice(-4));
    expect(board.nextWorkingDay).toBe('2026-03-16');
    expect(codes(board.overdue)).toEqual(['0001', '0002']);
    expect(codes(board.dueToday)).toEqual(['0003']);
    expect(codes(board.dueNextWorkingDay)).toEqual(['0004']);
    expect(codes(board.notCollected)).toEqual(['0006']);
  });

  it('an apology moves the board date, not the statistics deadline', async () => {
    const id = await seedDossier(db, { code: `${A}-260302-0011`, dueAt: at(13), stage: 'atDepartment' });
    const out = await recordApology(deskContext(db, NOW), id, { ...EMPTY_APOLOGY_FORM, reason: 'Chờ xác minh', responsibleOfficer: 'Phạm Đức', reasonValid: 'yes', newDate: '2026-03-20' });
    expect(out.ok).toBe(true);
    const board = await loadTrackingBoard(db, { now: NOW, calendar: workCalendar() });
    expect(board.dueToday).toHaveLength(0);
    const stats = timelinessStats(await allStates(db), period('2026-03-01', '2026-03-31'), fromVnLocal(2026, 3, 18, 9), () => undefined);
    expect(stats.total).toMatchObject({ late: 1, total: 1, onTimeRate: 0 });
  });

  it('skips holidays and weekends for the next working day', () => {
    expect(nextWorkingDayKey(fromVnLocal(2026, 4, 29, 10), workCalendar())).toBe('2026-05-04');
  });
});

describe('reports', () => {
  it('counts early, on time and late per department and procedure', async () => {
    await seedDossier(db, { code: `${A}-260302-0021`, dueAt: at(10), stage: 'resultReady', resultAt: at(5, 9), departmentId: 'STP' });
    await seedDossier(db, { code: `${A}-260302-0022`, dueAt: at(10), stage: 'returned', resultAt: at(10, 9), departmentId: 'STP' });
    await seedDossier(db, { code: `${A}-260302-0023`, dueAt: at(10), stage: 'resultReady', resultAt: at(12, 9), departmentId: 'SXD', procedureCode: '2.0001' });
    await seedDossier(db, { code: `${A}-260302-0024`, dueAt: at(11), stage: 'atDepartment', departmentId: 'SXD', procedureCode: '2.0001' });
    await seedDossier(db, { code: `${A}-260302-0025`, dueAt: at(20), stage: 'atDepartment', departmentId: 'SXD' });
    await seedDossier(db, { code: `${A}-260302-0026`, dueAt: at(2), stage: 'resultReady', resultAt: '2026-02-20T03:00:00.000Z', departmentId: 'STP' });
    const stats = timelinessStats(await allStates(db), period('2026-03-01', '2026-03-31'), NOW, (id) => (id === 'STP' ? 'Sở Tư pháp' : 'Sở Xây dựng'));
    expect(stats.byDepartment.map((r) => [r.label, r.early, r.onTime, r.late, r.total])).toEqual([
      ['Sở Tư pháp', 1, 1, 0, 2],
      ['Sở Xây dựng', 0, 0, 2, 2],
    ]);
    expect(stats.total).toMatchObject({ early: 1, onTime: 1, late: 2, total: 4, onTimeRate: 0.5 });
    expect(stats.byProcedure.find((p) => p.key === '2.0001')).toMatchObject({ late: 2, total: 2 });
  });

  it('lists officers with two or more late dossiers without a valid reason, per department', async () => {
    const ctx = deskContext(db, fromVnLocal(2026, 3, 5, 9));
    const apologise = async (seq: number, officer: string, valid: 'yes' | 'no', dep = 'STP') => {
      const id = await seedDossier(db, { code: `${A}-260302-00${seq}`, dueAt: at(9), stage: 'atDepartment', departmentId: dep });
      const r = await recordApology(ctx, id, { ...EMPTY_APOLOGY_FORM, reason: 'Chậm xử lý', responsibleOfficer: officer, reasonValid: valid, newDate: '2026-03-20' });
      if (!r.ok) throw new Error(r.message);
    };
    await apologise(31, 'Phạm Văn Đức', 'no');
    await apologise(32, 'phạm văn đức', 'no');
    await apologise(33, 'Phạm Văn Đức', 'yes');
    await apologise(34, 'Lê Văn Tâm', 'no');
    await apologise(35, 'Phạm Văn Đức', 'no', 'SXD');
    const report = lateOfficersReport(await allStates(db), period('2026-03-01', '2026-03-31'), NOW, (id) => (id === 'STP' ? 'Sở Tư pháp' : undefined));
    expect(report).toHaveLength(1);
    expect(report[0]).toMatchObject({ departmentName: 'Sở Tư pháp', officer: 'Phạm Văn Đức' });
    expect(report[0]!.dossierCodes.sort()).toEqual([`${A}-260302-0031`, `${A}-260302-0032`]);
    expect(lateOfficersReport(await allStates(db), period('2026-04-01', '2026-04-30'), NOW, () => undefined)).toEqual([]);
  });

  it('refuses a period that ends before it starts', () => {
    expect(periodOf('2026-03-10', '2026-03-01')).toMatchObject({ ok: false, field: 'to' });
    expect(periodOf('', '2026-03-01')).toMatchObject({ ok: false, field: 'from' });
  });
});

describe('the register', () => {
  it('numbers entries by the server’s register number, shows unsynced ones as waiting, and exports the same rows to XLSX', async () => {
    const ids = [];
    for (const [seq, day] of [
      [41, 3],
      [42, 4],
      [43, 5],
    ] as const)
      ids.push(await seedDossier(db, { code: `${A}-2603${String(day).padStart(2, '0')}-00${seq}`, receivedAt: at(day, 9), dueAt: at(20) }));
    await seedDossier(db, { code: `${A}-260401-0044`, receivedAt: '2026-04-01T02:00:00.000Z', dueAt: '2026-04-08T10:00:00.000Z' });
    await db.dossiers.update(ids[0]!, { registerNumber: 12, registerYear: 2026 });
    await db.dossiers.update(ids[2]!, { registerNumber: 11, registerYear: 2026 });
    const p = period('2026-03-01', '2026-03-31');
    const entries = await registerEntries(db, p, () => 'Sở Tư pháp');
    expect(entries.map((e) => [e.number, e.code.slice(-4)])).toEqual([
      [11, '0043'],
      [12, '0041'],
      [undefined, '0042'],
    ]);
    const doc = registerDocument(entries, p, DEFAULT_CENTER_CONFIG.agency, '2025');
    const table = doc.blocks.find((b) => b.type === 'table');
    expect(table?.type === 'table' && table.rows.map((r) => r[0])).toEqual(['11', '12', PENDING_NUMBER]);
    expect(doc.kind).toBe('register');

    const bytes = await registerWorkbook(entries, p, DEFAULT_CENTER_CONFIG.agency);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(REGISTER_HEADER_ROW).values).toEqual([undefined, ...REGISTER_COLUMNS]);
    expect(ws.rowCount).toBe(REGISTER_HEADER_ROW + 3);
    expect([5, 6, 7].map((r) => ws.getRow(r).getCell(1).value)).toEqual(['11', '12', PENDING_NUMBER]);
    expect(ws.getRow(5).getCell(4).value).toBe('Nguyễn Văn Bình');
  });
});
