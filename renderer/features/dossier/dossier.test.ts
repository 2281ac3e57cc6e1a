import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fromVnLocal } from '../../../shared/calendar';
import { classifyScan, dossierCodeOfScan } from '../../../shared/codes';
import { RULE_VERSION } from '../../../shared/domain';
import { MotCuaDb, recordCommand } from '../../db';
import { seedDossier } from '../../testing/desk';
import { cardFacts } from './card';
import { agencyTableFor, DEFAULT_CENTER_CONFIG } from '../../desk/config';
import { findDossiers } from './find';
import { readFileSync } from 'node:fs';
import { createProcedureIndex, parseDemoCatalogue } from '../../../shared/catalogue';
import { loadDossierTrail, stepTakenBy } from './history';
import { nameBook } from '../../kiosk/names';
import { pruneReturnedDossiers, retentionCutoff } from '../../db/retention';

const AGENCY = '000.00.15.H41';
const DUE = fromVnLocal(2026, 3, 13, 17, 0).toISOString();
let db: MotCuaDb;

beforeEach(() => {
  db = new MotCuaDb(`t-${crypto.randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
});

describe('findDossiers', () => {
  beforeEach(async () => {
    await seedDossier(db, { code: `${AGENCY}-260302-0001`, name: 'Nguyễn Văn Bình', idNumber: '040085001234', phone: '0912345678', dueAt: DUE });
    await seedDossier(db, { code: `${AGENCY}-260302-0002`, name: 'Nguyễn Thị Hoa', idNumber: '040190001111', phone: '0987654321', dueAt: DUE });
    await seedDossier(db, { code: `${AGENCY}-260302-0003`, name: 'Đặng Đức Anh', idNumber: '040090002222', phone: '0355555555', dueAt: DUE });
  });

  it('finds by the official code, by the numeric barcode key (index 0 = this Center) and by a QR URL', async () => {
    const table = agencyTableFor({ ...DEFAULT_CENTER_CONFIG, agencyIndex: 1 }, AGENCY);
    expect((await findDossiers(db, `${AGENCY}-260302-0002`, { agencyTable: table })).map((r) => r.code)).toEqual([`${AGENCY}-260302-0002`]);
    expect((await findDossiers(db, '002603020003', { agencyTable: table })).map((r) => r.code)).toEqual([`${AGENCY}-260302-0003`]);
    expect((await findDossiers(db, '012603020003', { agencyTable: table })).map((r) => r.code)).toEqual([`${AGENCY}-260302-0003`]);
    expect((await findDossiers(db, `https://dichvucong.nghean.gov.vn/tra-cuu/${AGENCY}-260302-0001`, { agencyTable: table })).map((r) => r.code)).toEqual([`${AGENCY}-260302-0001`]);
  });

  it('finds by ID number and by phone in any typed shape', async () => {
    expect((await findDossiers(db, '040190001111')).map((r) => r.code)).toEqual([`${AGENCY}-260302-0002`]);
    expect((await findDossiers(db, '+84 987 654 321')).map((r) => r.code)).toEqual([`${AGENCY}-260302-0002`]);
    expect((await findDossiers(db, '0912.345.678')).map((r) => r.code)).toEqual([`${AGENCY}-260302-0001`]);
  });

  it('finds by name prefix with or without diacritics, in any case, and limits the list', async () => {
    expect((await findDossiers(db, 'nguyen')).map((r) => r.code).sort()).toEqual([`${AGENCY}-260302-0001`, `${AGENCY}-260302-0002`]);
    expect((await findDossiers(db, 'NGUYỄN THỊ')).map((r) => r.code)).toEqual([`${AGENCY}-260302-0002`]);
    expect((await findDossiers(db, 'dang duc')).map((r) => r.code)).toEqual([`${AGENCY}-260302-0003`]);
    expect(await findDossiers(db, 'van binhx')).toEqual([]);
    expect(await findDossiers(db, 'nguyen', { limit: 1 })).toHaveLength(1);
    expect(await findDossiers(db, '   ')).toEqual([]);
  });

  it('finds a name from any word’s start, without diacritics or case, each dossier once', async () => {
    await seedDossier(db, { code: `${AGENCY}-260302-0004`, name: 'Nguyễn Thu Hà', idNumber: '040190004444', phone: '0977111222', dueAt: DUE, stage: 'resultReady' });
    await seedDossier(db, { code: `${AGENCY}-260302-0005`, name: 'Hà Thị Hà', idNumber: '040190005555', phone: '0977111333', dueAt: DUE });
    const codes = async (q: string) => (await findDossiers(db, q)).map((r) => r.code);
    expect(await codes('thu ha')).toEqual([`${AGENCY}-260302-0004`]);
    expect(await codes('THU HÀ')).toEqual([`${AGENCY}-260302-0004`]);
    // A result waiting at the desk comes first; 'Hà Thị Hà' has 'ha' twice and is listed once.
    expect(await codes('Hà')).toEqual([`${AGENCY}-260302-0004`, `${AGENCY}-260302-0005`]);
    expect(await codes('van binh')).toEqual([`${AGENCY}-260302-0001`]);
    expect(await codes('binh')).toEqual([`${AGENCY}-260302-0001`]);
    expect((await codes('thi')).sort()).toEqual([`${AGENCY}-260302-0002`, `${AGENCY}-260302-0005`]);
    expect(await codes('nguyen ha')).toEqual([]);
  });

  it('finds any contiguous part of a code or of its slip key, three characters or more', async () => {
    await seedDossier(db, { code: `${AGENCY}-260303-0004`, name: 'Lê Văn Cường', idNumber: '040190006666', phone: '0977111444', dueAt: DUE });
    const table = agencyTableFor({ ...DEFAULT_CENTER_CONFIG, agencyIndex: 7 }, AGENCY);
    const codes = async (q: string) => (await findDossiers(db, q, { agencyTable: table })).map((r) => r.code).sort();
    expect(await codes('0004')).toEqual([`${AGENCY}-260303-0004`]);
    expect(await codes('003')).toEqual([`${AGENCY}-260302-0003`]);
    expect(await codes('0303')).toEqual([`${AGENCY}-260303-0004`]);
    expect(await codes('260302')).toEqual([`${AGENCY}-260302-0001`, `${AGENCY}-260302-0002`, `${AGENCY}-260302-0003`]);
    expect(await codes('260302-0002')).toEqual([`${AGENCY}-260302-0002`]);
    expect(await codes('0302000')).toEqual([`${AGENCY}-260302-0001`, `${AGENCY}-260302-0002`, `${AGENCY}-260302-0003`]);
    expect(await codes('H41-260303')).toEqual([`${AGENCY}-260303-0004`]);
    expect(await codes('15.H41-260302-000')).toEqual([`${AGENCY}-260302-0001`, `${AGENCY}-260302-0002`, `${AGENCY}-260302-0003`]);
    // The slip key 07 260303 0004 (index 7) or 00 260303 0004 (index 0): parts starting in the index.
    expect(await codes('7260303')).toEqual([`${AGENCY}-260303-0004`]);
    expect(await codes('0726030300')).toEqual([`${AGENCY}-260303-0004`]);
    expect(await codes('8260303')).toEqual([]);
    expect(await codes('04')).toEqual([]);
  });

  it('finds the dossiers of a procedure by its short form (GPLX, sổ đỏ, ĐKKD) through the catalogue', async () => {
    const procedures = createProcedureIndex(parseDemoCatalogue(readFileSync(new URL('../../../assets/catalogue/catalogue-demo.csv', import.meta.url), 'utf8')).procedures);
    await seedDossier(db, { code: `${AGENCY}-260302-0006`, name: 'Võ Văn Lái', idNumber: '040190007777', phone: '0977111555', dueAt: DUE, procedureCode: '3.000348' });
    await seedDossier(db, { code: `${AGENCY}-260302-0007`, name: 'Hồ Thị Đất', idNumber: '040190008888', phone: '0977111666', dueAt: DUE, procedureCode: '1.012783' });
    await seedDossier(db, { code: `${AGENCY}-260302-0008`, name: 'Phan Công Ty', idNumber: '040190009999', phone: '0977111777', dueAt: DUE, procedureCode: '2.001583' });
    const codes = async (q: string) => (await findDossiers(db, q, { procedures })).map((r) => r.code);
    expect(await codes('GPLX')).toEqual([`${AGENCY}-260302-0006`]);
    expect(await codes('bằng lái')).toEqual([`${AGENCY}-260302-0006`]);
    expect(await codes('sổ đỏ')).toEqual([`${AGENCY}-260302-0007`]);
    expect(await codes('so do')).toEqual([`${AGENCY}-260302-0007`]);
    expect(await codes('ĐKKD')).toEqual([`${AGENCY}-260302-0008`]);
    expect(await codes('dkkd')).toEqual([`${AGENCY}-260302-0008`]);
    // Without the catalogue a short form is only a name.
    expect(await findDossiers(db, 'GPLX')).toEqual([]);
  });

  it('turns scans into codes and explains an unknown agency index', () => {
    expect(dossierCodeOfScan(classifyScan('002603020003'), [AGENCY])).toEqual({ ok: true, code: `${AGENCY}-260302-0003` });
    expect(dossierCodeOfScan(classifyScan('072603020003'), [AGENCY])).toMatchObject({ ok: false, kind: 'unknownCode' });
    expect(dossierCodeOfScan(classifyScan('xin chao'), [AGENCY])).toMatchObject({ ok: false, kind: 'notADossierCode' });
    expect(dossierCodeOfScan(classifyScan('BG-260302-01-1'), [AGENCY])).toMatchObject({ ok: false, kind: 'notADossierCode', message: expect.stringMatching(/mã lô bàn giao/) });
  });
});

describe('the card', () => {
  it('keeps the original deadline and the re-set date apart, shows what is due and flags an early result', async () => {
    const now = fromVnLocal(2026, 3, 10, 9, 0);
    const id = await seedDossier(db, { code: `${AGENCY}-260302-0009`, dueAt: DUE, stage: 'resultReady', fee: 40000, resultAt: now.toISOString() });
    const facts = cardFacts((await db.dossiers.get(id))!.state, now);
    expect(facts).toMatchObject({ status: 'Đã có kết quả, chờ trả', originalDue: '17:00 13/03/2026', timeliness: 'early', earlyResult: true, amountDue: 40000 });
    expect(facts.newDue).toBeUndefined();
    const late = await seedDossier(db, { code: `${AGENCY}-260302-0010`, dueAt: DUE, stage: 'atDepartment' });
    expect(cardFacts((await db.dossiers.get(late))!.state, fromVnLocal(2026, 3, 16, 9, 0))).toMatchObject({ timeliness: 'late', timelinessLabel: 'Quá hạn', earlyResult: false });
  });
});

describe('loadDossierTrail', () => {
  it('uses local events when all are here and asks the server when some are missing', async () => {
    const id = await seedDossier(db, { code: `${AGENCY}-260302-0011`, dueAt: DUE, stage: 'atDepartment' });
    const local = await loadDossierTrail(db, id, { baseUrl: 'http://x', token: 't', fetch: () => Promise.reject(new Error('must not be called')) });
    expect(local.source).toBe('local');
    expect(local.events.map((e) => e.type)).toEqual(['received', 'handedToCourier', 'deliveredToDepartment']);

    const events = (await db.events.where('dossierId').equals(id).toArray()).map((e) => e.event);
    await db.events.delete(events[1]!.id);
    const calls: string[] = [];
    const fetched = await loadDossierTrail(db, id, {
      baseUrl: 'http://server/',
      token: 'dev_x',
      fetch: async (url, init) => {
        calls.push(`${String(url)} ${new Headers(init?.headers).get('authorization')}`);
        return new Response(JSON.stringify({ events: events.map((event, seq) => ({ seq, event, conflict: null })) }));
      },
    });
    expect(calls).toEqual([`http://server/v1/dossiers/${id}/events Bearer dev_x`]);
    expect(fetched.source).toBe('server');
    expect(fetched.events.map((e) => e.type)).toEqual(['received', 'handedToCourier', 'deliveredToDepartment']);

    const offline = await loadDossierTrail(db, id, { baseUrl: 'http://server', token: 't', fetch: () => Promise.reject(new TypeError('offline')) });
    expect(offline.events).toHaveLength(2);
    expect(offline.warning).toMatch(/mất kết nối/);
  });
});

describe('pruneReturnedDossiers', () => {
  it('removes returned dossiers older than the retention, with their events and acknowledged outbox rows, never one with pending events', async () => {
    const now = fromVnLocal(2026, 10, 1, 9, 0);
    const old = await seedDossier(db, { code: `${AGENCY}-260302-0021`, dueAt: DUE, stage: 'returned', resultAt: '2026-03-10T03:00:00.000Z' });
    const oldPending = await seedDossier(db, { code: `${AGENCY}-260302-0022`, dueAt: DUE, stage: 'returned', resultAt: '2026-03-10T03:00:00.000Z' });
    const recent = await seedDossier(db, { code: `${AGENCY}-260302-0023`, dueAt: DUE, stage: 'returned', resultAt: '2026-09-10T03:00:00.000Z' });
    const open = await seedDossier(db, { code: `${AGENCY}-260302-0024`, dueAt: DUE, stage: 'resultReady', resultAt: '2026-03-10T03:00:00.000Z' });
    // Everything reached the server except one event of `oldPending`.
    await db.outbox.toCollection().modify({ status: 'acked' });
    const lastOfPending = (await db.outbox.where('dossierId').equals(oldPending).sortBy('ord')).at(-1)!;
    await db.outbox.update(lastOfPending.ord!, { status: 'pending' });

    const result = await pruneReturnedDossiers(db, { months: 6, now });
    expect(result).toEqual({ pruned: 1, keptPending: 1 });
    expect(await db.dossiers.get(old)).toBeUndefined();
    expect(await db.events.where('dossierId').equals(old).count()).toBe(0);
    expect(await db.outbox.where('dossierId').equals(old).count()).toBe(0);
    for (const kept of [oldPending, recent, open]) expect(await db.dossiers.get(kept)).toBeDefined();
    expect(await db.outbox.where('dossierId').equals(oldPending).count()).toBeGreaterThan(0);
    expect(retentionCutoff(now, 6).toISOString()).toBe('2026-04-01T02:00:00.000Z');
    await expect(pruneReturnedDossiers(db, { months: 0, now })).rejects.toThrow(RangeError);
  });

  it('keeps a corrected dossier (no longer returned) whatever its age', async () => {
    const id = await seedDossier(db, { code: `${AGENCY}-260302-0031`, dueAt: DUE, stage: 'returned', resultAt: '2026-03-10T03:00:00.000Z' });
    const r = await recordCommand(db, [
      {
        id: crypto.randomUUID(),
        dossierId: id,
        officerId: 'o',
        counterId: 'q',
        deviceTime: '2026-03-11T03:00:00.000Z',
        ruleVersion: RULE_VERSION,
        type: 'correctionRequested',
        payload: { fault: 'agency', description: 'Sai tên', newDueAt: '2026-03-20T10:00:00.000Z' },
      },
    ]);
    expect(r.ok).toBe(true);
    await db.outbox.toCollection().modify({ status: 'acked' });
    expect(await pruneReturnedDossiers(db, { months: 1, now: new Date('2027-01-01T00:00:00Z') })).toEqual({ pruned: 0, keptPending: 0 });
  });
});

describe('the history names where and by whom each step was taken', () => {
  it('names the counter and the officer of every step, a return included, from the synced lists', () => {
    const names = nameBook([{ id: 'staff-7', fullName: 'Trần Văn Hùng' }], [{ counterId: 'quay-8', counterName: 'Quầy 8 – Tiếp nhận' }], {
      counterId: 'quay-5',
      counterName: 'Quầy 5 – Trả kết quả',
      officerId: 'staff-9',
      officerName: 'Nguyễn Thị Lan',
    });
    expect(stepTakenBy({ counterId: 'quay-5', officerId: 'staff-7' }, names)).toBe('Quầy 5 – Trả kết quả · Trần Văn Hùng');
    expect(stepTakenBy({ counterId: 'quay-8', officerId: 'staff-9' }, names)).toBe('Quầy 8 – Tiếp nhận · Nguyễn Thị Lan');
    expect(stepTakenBy({ counterId: 'quay-2', officerId: 'x' }, names)).toBe('quầy mã quay-2 · cán bộ mã x');
  });
});
