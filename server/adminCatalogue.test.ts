// The administration's catalogue import (preview, all-or-nothing commit, audit) and calendar year
// (checked with the shared rules, saved as a whole, synced to counters as holiday/workingDaySwap items).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogueRows, parseCsv, type Procedure } from '../shared/catalogue';
import type { CatalogueImportResponse, CalendarYearResponse } from '../shared/sync/adminCatalogue';
import type { CatalogueResponse } from '../shared/sync/protocol';
import { startTestServer, type TestServer } from '../tests/sync/harness';

const demoRows = parseCsv(readFileSync(new URL('../assets/catalogue/catalogue-demo.csv', import.meta.url), 'utf8')).rows;

let server: TestServer;
let counter: { credential: string };
const admin = () => ({ authorization: `Bearer ${server.adminToken}` });

beforeAll(async () => {
  server = await startTestServer();
  counter = await server.enrol('quay-1');
}, 60_000);
afterAll(() => server.close());

const importRows = (rows: string[][], commit: boolean) => server.app.inject({ method: 'POST', url: '/v1/admin/catalogue/import', headers: admin(), payload: { rows, commit } });
const procedures = async () => (await server.db.query<{ key: string; body: Procedure }>(`SELECT key, body FROM catalogue_items WHERE kind = 'procedure' AND NOT deleted`)).rows;
const changes = async (action: string) =>
  (await server.db.query<{ target_kind: string; target_key: string; before: unknown; after: unknown; staff_username: string }>(`SELECT * FROM admin_changes WHERE action = $1 ORDER BY id`, [action]))
    .rows;

describe('catalogue import', () => {
  it('previews a file without writing anything, then commits it whole and records each procedure before/after', async () => {
    const preview = await importRows(demoRows, false);
    expect(preview.statusCode).toBe(200);
    const plan = preview.json() as CatalogueImportResponse;
    expect(plan).toMatchObject({ committed: false, errors: [], changed: [], unchanged: 0, untouched: 0 });
    expect(plan.added).toHaveLength(41);
    expect(await procedures()).toEqual([]);

    const committed = await importRows(demoRows, true);
    expect(committed.statusCode).toBe(200);
    expect(committed.json()).toMatchObject({ committed: true });
    expect(await procedures()).toHaveLength(41);
    const audit = await changes('catalogue.import');
    expect(audit.filter((c) => c.target_kind === 'catalogue/procedure')).toHaveLength(41);
    expect(audit[0]).toMatchObject({ before: null, staff_username: 'quantri' });
    // Counters fetch the new procedures and their departments with the catalogue.
    const pulled = (await server.app.inject({ method: 'GET', url: '/v1/catalogue', headers: { authorization: `Bearer ${counter.credential}` } })).json() as CatalogueResponse;
    expect(pulled.items.filter((i) => i.kind === 'procedure')).toHaveLength(41);
    expect(pulled.items.some((i) => i.kind === 'department')).toBe(true);

    // The same file again changes nothing.
    expect((await importRows(demoRows, false)).json()).toMatchObject({ added: [], changed: [], unchanged: 41 });
  });

  it('refuses a file with row errors as a whole: every error with its row and column, nothing written', async () => {
    const before = await procedures();
    const rows = demoRows.map((r) => [...r]);
    const header = rows[0]!;
    const col = (name: string) => header.indexOf(name);
    rows[1]![col('name')] = `${rows[1]![col('name')]} (đã sửa)`;
    rows[3]![col('processing_days')] = 'ba ngày';
    rows[5]![col('fee_vnd')] = '-5000';
    rows[7]![col('code')] = '1.23';
    const r = await importRows(rows, true);
    expect(r.statusCode).toBe(422);
    const body = r.json() as { error: { message: string; details: CatalogueImportResponse } };
    expect(body.error.message).toBe('Tệp danh mục có 3 lỗi nên chưa nhập thủ tục nào. Sửa các dòng được liệt kê rồi nhập lại.');
    expect(body.error.details.errors.map((e) => [e.row, e.column])).toEqual([
      [4, 'processing_days'],
      [6, 'fee_vnd'],
      [8, 'code'],
    ]);
    expect(body.error.details.errors[0]!.message).toBe("Dòng 4, cột processing_days: 'ba ngày' không phải là số ngày làm việc.");
    expect(await procedures()).toEqual(before);
  });

  it('saves one edited procedure through the same rules, with its before and after', async () => {
    const [first] = (await procedures()).map((r) => r.body).sort((a, b) => a.code.localeCompare(b.code));
    const rows = catalogueRows([{ ...first!, processingDays: 7, processingHours: null }]);
    const r = await importRows(rows, true);
    expect(r.json()).toMatchObject({ committed: true, changed: [{ code: first!.code }], added: [] });
    const saved = (await procedures()).find((p) => p.key === first!.code)!.body;
    expect(saved.processingDays).toBe(7);
    const last = (await changes('catalogue.import')).at(-1)!;
    expect(last).toMatchObject({ target_kind: 'catalogue/procedure', target_key: first!.code, before: { processingDays: first!.processingDays }, after: { processingDays: 7 } });
  });

  it('is for administrators only and lists the catalogue back to them', async () => {
    expect(
      (await server.app.inject({ method: 'POST', url: '/v1/admin/catalogue/import', headers: { authorization: `Bearer ${counter.credential}` }, payload: { rows: demoRows, commit: false } }))
        .statusCode,
    ).toBe(401);
    const list = await server.app.inject({ method: 'GET', url: '/v1/admin/catalogue/procedure', headers: admin() });
    expect((list.json() as { items: unknown[] }).items).toHaveLength(41);
  });
});

describe('calendar year', () => {
  const put = (year: number, body: object) => server.app.inject({ method: 'PUT', url: `/v1/admin/calendar/${year}`, headers: admin(), payload: body });
  const stored = async () =>
    (
      await server.db.query<{ kind: string; key: string; body: unknown; deleted: boolean }>(
        `SELECT kind, key, body, deleted FROM catalogue_items WHERE kind IN ('holiday', 'workingDaySwap') ORDER BY key`,
      )
    ).rows;

  it('refuses a year with a date that does not exist and saves nothing', async () => {
    const r = await put(2027, {
      holidays: [
        { calendar: 'solar', day: 3, month: 9, name: 'Nghỉ thêm' },
        { calendar: 'solar', day: 31, month: 2, name: 'Không có' },
      ],
      workingDays: [],
    });
    expect(r.statusCode).toBe(422);
    expect((r.json() as { error: { message: string } }).error.message).toBe('Lịch năm 2027 chưa được lưu: Ngày nghỉ thứ 2: Ngày 31/2/2027 không tồn tại.');
    expect(await stored()).toEqual([]);
  });

  it('saves announced days (a lunar one converted), syncs them, replaces them on the next save and audits both', async () => {
    const first = await put(2027, {
      holidays: [
        { calendar: 'solar', day: 3, month: 9, name: 'Nghỉ thêm dịp Quốc khánh' },
        { calendar: 'lunar', day: 15, month: 8, name: 'Tết Trung thu' },
      ],
      workingDays: [{ day: 11, month: 9, name: 'Làm bù 03/09' }],
    });
    expect(first.statusCode).toBe(200);
    const saved = first.json() as CalendarYearResponse;
    expect(saved.daysOff).toContainEqual({ date: '2027-09-03', name: 'Nghỉ thêm dịp Quốc khánh', source: 'announced' });
    const midAutumn = saved.holidays.find((h) => h.lunar)!;
    expect(midAutumn).toEqual({ date: '2027-09-15', name: 'Tết Trung thu', lunar: { day: 15, month: 8, leap: false } });
    const pulled = (await server.app.inject({ method: 'GET', url: '/v1/catalogue', headers: { authorization: `Bearer ${counter.credential}` } })).json() as CatalogueResponse;
    expect(pulled.items.filter((i) => i.kind === 'holiday').map((i) => i.key)).toEqual(['2027-09-03', '2027-09-15']);
    expect(pulled.items.filter((i) => i.kind === 'workingDaySwap').map((i) => i.key)).toEqual(['2027-09-11']);

    const second = await put(2027, { holidays: [{ calendar: 'lunar', day: 15, month: 8, name: 'Tết Trung thu' }], workingDays: [] });
    expect(second.statusCode).toBe(200);
    expect((await stored()).map((r) => [r.kind, r.key, r.deleted])).toEqual([
      ['holiday', '2027-09-03', true],
      ['workingDaySwap', '2027-09-11', true],
      ['holiday', '2027-09-15', false],
    ]);
    const back = (await server.app.inject({ method: 'GET', url: '/v1/admin/calendar/2027', headers: admin() })).json() as CalendarYearResponse;
    expect(back.holidays).toEqual([midAutumn]);
    expect(back.workingDays).toEqual([]);
    const audit = await changes('calendar.save');
    expect(audit.map((a) => a.target_key)).toEqual(['2027', '2027']);
    expect(audit[1]!.before).toMatchObject({ holidays: [{ date: '2027-09-03' }, { date: '2027-09-15' }], workingDays: [{ date: '2027-09-11' }] });
    expect(audit[1]!.after).toMatchObject({ holidays: [{ date: '2027-09-15' }], workingDays: [] });
  });
});
