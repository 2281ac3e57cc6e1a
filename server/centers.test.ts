// One server, many centers (migration 012): the provincial Center and commune centers of one
// province. A counter enrols into one center, issues its codes, pulls its dossiers and those on whose
// route it is (received here or returned here for another center), and finds the others by lookup.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierEvent, EventOf } from '../shared/domain';
import type { CatalogueResponse, CenterInfo, DossierLookupResponse, EnrolResponse, ProvinceReport, PullResponse, PushResponse, StaffRecord } from '../shared/sync/protocol';
import { AGENCY, deliveredToDepartment, dossierCode, event, handedToCourier, received, returned } from '../tests/sync/events';
import { login, startTestServer, type TestServer } from '../tests/sync/harness';
import { buildApp } from './app';
import { createStaff } from './routes/staff';

let server: TestServer;
const admin = () => ({ authorization: `Bearer ${server.adminToken}` });
const auth = (c: EnrolResponse) => ({ authorization: `Bearer ${c.credential}` });

const XA_A = '000.22.41.H41';
const XA_B = '000.23.41.H41';
const XA_D = '000.25.41.H41';
const NAME_A = 'Trung tâm Phục vụ hành chính công xã Diễn Châu';
const NAME_B = 'Trung tâm Phục vụ hành chính công phường Vinh Hưng';

async function addCenter(id: string, agencyCode: string, name: string, token = server.adminToken) {
  return server.app.inject({ method: 'PUT', url: `/v1/admin/centers/${id}`, headers: { authorization: `Bearer ${token}` }, payload: { agencyCode, name, level: 'xa' } });
}

async function enrolAt(counterId: string, center?: string, token = server.adminToken): Promise<EnrolResponse> {
  const c = await server.app.inject({
    method: 'POST',
    url: '/v1/admin/enrolment-codes',
    headers: { authorization: `Bearer ${token}` },
    payload: { counterId, counterName: `Quầy ${counterId}`, ...(center ? { center } : {}) },
  });
  expect(c.statusCode, c.body).toBe(201);
  const e = await server.app.inject({ method: 'POST', url: '/v1/enrol', payload: { code: (c.json() as { code: string }).code, deviceName: counterId } });
  expect(e.statusCode, e.body).toBe(201);
  return e.json() as EnrolResponse;
}

async function receive(c: EnrolResponse, route?: EventOf<'received'>['payload']['route']): Promise<EventOf<'received'>> {
  const r = received(c.counterId, dossierCode(await server.firstDossierSeq(c, '260130', 5), '260130', c.agencyCode));
  if (route) r.payload.route = route;
  await push(c, [r]);
  return r;
}

async function push(c: EnrolResponse, events: DossierEvent[]): Promise<PushResponse> {
  const r = await server.app.inject({ method: 'POST', url: '/v1/push', headers: auth(c), payload: { events } });
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as PushResponse;
}

async function pulled(c: EnrolResponse, after = 0): Promise<string[]> {
  const r = await server.app.inject({ method: 'GET', url: `/v1/pull?after=${after}`, headers: auth(c) });
  return (r.json() as PullResponse).dossiers.map((d) => d.id);
}

async function catalogue(c: EnrolResponse, after = 0): Promise<CatalogueResponse> {
  const r = await server.app.inject({ method: 'GET', url: `/v1/catalogue?after=${after}`, headers: auth(c) });
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as CatalogueResponse;
}

let a1: EnrolResponse, a2: EnrolResponse, b1: EnrolResponse, solo: EnrolResponse;

beforeAll(async () => {
  server = await startTestServer();
  expect((await addCenter('XA-A', XA_A, 'Trung tâm Phục vụ hành chính công xã Diễn Châu')).statusCode).toBe(200);
  expect((await addCenter('XA-B', XA_B, 'Trung tâm Phục vụ hành chính công phường Vinh Hưng')).statusCode).toBe(200);
  a1 = await enrolAt('A1', 'XA-A');
  a2 = await enrolAt('A2', 'XA-A');
  b1 = await enrolAt('B1', 'XA-B');
  solo = await enrolAt('C1');
}, 60_000);
afterAll(() => server.close());

describe('centers', () => {
  it('a counter enrolled without a center is in the default one and issues the configured code, as before centers', () => {
    expect([solo.site, solo.agencyCode]).toEqual(['', AGENCY]);
    expect([a1.site, a1.agencyCode, b1.agencyCode]).toEqual(['XA-A', XA_A, XA_B]);
  });

  it('refuses a center of another province, a code already taken, an unknown center, with the reason in Vietnamese', async () => {
    const other = await addCenter('XA-X', '000.22.40.H40', 'Xã tỉnh khác');
    expect(other.statusCode).toBe(400);
    expect(other.json().error.message).toContain('không thuộc tỉnh H41');
    const taken = await addCenter('XA-C', XA_A, 'Trùng mã');
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.message).toContain('XA-A');
    const unknown = await server.app.inject({ method: 'POST', url: '/v1/admin/enrolment-codes', headers: admin(), payload: { counterId: 'Z1', counterName: 'Quầy Z1', center: 'KHONG-CO' } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toContain('Không có trung tâm KHONG-CO');
    const bad = await server.app.inject({ method: 'POST', url: '/v1/admin/enrolment-codes', headers: admin(), payload: { counterId: 'X1', counterName: 'Quầy X1', center: 'Xã A' } });
    expect(bad.statusCode).toBe(400);
  });

  it('accepts the codes of every center of the province and refuses another province’s', async () => {
    // Leased under commune A's own code: stored without a conflict.
    const r1 = received(a1.counterId, dossierCode(await server.firstDossierSeq(a1, '260130', 5), '260130', a1.agencyCode));
    expect((await push(a1, [r1])).results.map((r) => r.status)).toEqual(['stored']);
    const foreign = received(a1.counterId, dossierCode(1, '260130', '000.22.40.H40'));
    const r = await server.app.inject({ method: 'POST', url: '/v1/push', headers: auth(a1), payload: { events: [foreign] } });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.message).toContain('không thuộc trung tâm nào của tỉnh');
  });

  it('a counter pulls its own center’s dossiers, whoever touches them later, and looks up the others', async () => {
    const before = Math.max(0, ...(await server.db.query<{ s: number }>('SELECT max(seq) AS s FROM events')).rows.map((r) => Number(r.s)));
    const atA = await receive(a1);
    const atB = await receive(b1);
    const atCenter = await receive(solo);
    expect(await pulled(a2, before)).toEqual([atA.dossierId]);
    expect(await pulled(b1, before)).toEqual([atB.dossierId]);
    expect(await pulled(solo, before)).toEqual([atCenter.dossierId]);

    // A counter of center B hands center A's dossier on: it stays A's, and A's counters see the change.
    const handed = await push(b1, [handedToCourier(b1.counterId, atA.dossierId)]);
    const stored = handed.results[0]!;
    if (stored.status !== 'stored') throw new Error(`not stored: ${stored.status}`);
    expect(await pulled(a2, stored.seq - 1)).toEqual([atA.dossierId]);
    expect(await pulled(b1, stored.seq - 1)).toEqual([]);

    const lookup = await server.app.inject({ method: 'GET', url: `/v1/dossiers?code=${encodeURIComponent(atA.payload.code)}`, headers: auth(b1) });
    expect(lookup.statusCode, lookup.body).toBe(200);
    expect((lookup.json() as DossierLookupResponse).dossiers.map((d) => d.snapshot.id)).toEqual([atA.dossierId]);
  });

  it('a phi-địa-giới dossier reaches the center the applicant chose for the result, and no other', async () => {
    const before = Math.max(0, ...(await server.db.query<{ s: number }>('SELECT max(seq) AS s FROM events')).rows.map((r) => Number(r.s)));
    const across = await receive(a1, { receivingCenter: XA_A, transfer: 'courier', returnCenter: XA_B });
    expect(await pulled(a2, before)).toEqual([across.dossierId]);
    expect(await pulled(b1, before)).toEqual([across.dossierId]);
    expect(await pulled(solo, before)).toEqual([]);
    // The citizen's status page names where to collect: ward B, not the receiving commune.
    const withSecret = received(a1.counterId, dossierCode(await server.firstDossierSeq(a1, '260130', 5), '260130', XA_A));
    withSecret.payload.route = { receivingCenter: XA_A, transfer: 'electronic', returnCenter: XA_B };
    withSecret.payload.statusSecret = 'ABCDEFGHJKMN';
    await push(a1, [withSecret]);
    const page = await server.app.inject({ method: 'GET', url: `/tra-cuu/${withSecret.payload.code}?k=ABCDEFGHJKMN` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Trung tâm Phục vụ hành chính công phường Vinh Hưng');
    expect(page.body).not.toContain('xã Diễn Châu');
    const unknownReturn = received(a1.counterId, dossierCode(2, '260130', XA_A));
    unknownReturn.payload.route = { receivingCenter: XA_A, transfer: 'courier', returnCenter: '000.99.41.H41' };
    const r = await server.app.inject({ method: 'POST', url: '/v1/push', headers: auth(a1), payload: { events: [unknownReturn] } });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.message).toContain('000.99.41.H41');
  });

  it('an account of a center signs in online only at its center’s counters; a provincial account anywhere', async () => {
    await createStaff(server.db, { username: 'tiepnhan.hoa', fullName: 'Lê Thị Hoa', roles: ['receiving'], password: 'mat-khau-hoa-xa-a', centerId: 'XA-A' });
    await createStaff(server.db, { username: 'tiepnhan.tinh', fullName: 'Trần Văn Bình', roles: ['receiving'], password: 'mat-khau-binh-tinh' });
    const signIn = (username: string, password: string, at?: EnrolResponse) =>
      server.app.inject({ method: 'POST', url: '/v1/sessions', payload: { username, password }, ...(at ? { headers: auth(at) } : {}) });
    expect((await signIn('tiepnhan.hoa', 'mat-khau-hoa-xa-a', a2)).statusCode).toBe(201);
    const atB = await signIn('tiepnhan.hoa', 'mat-khau-hoa-xa-a', b1);
    expect(atB.statusCode).toBe(403);
    expect(atB.json().error.code).toBe('OTHER_CENTER_ACCOUNT');
    expect(atB.json().error.message).toBe(
      'Tài khoản tiepnhan.hoa thuộc Trung tâm Phục vụ hành chính công xã Diễn Châu, không đăng nhập được tại quầy của Trung tâm Phục vụ hành chính công phường Vinh Hưng. Hãy đăng nhập tại quầy của trung tâm mình hoặc nhờ quản trị viên cấp tỉnh.',
    );
    expect((await signIn('tiepnhan.hoa', 'mat-khau-hoa-xa-a', solo)).statusCode).toBe(403);
    // A wrong password says only that, wherever it is typed: the center is told after the password.
    expect((await signIn('tiepnhan.hoa', 'sai-mat-khau-1', b1)).json().error.code).toBe('BAD_CREDENTIALS');
    // The attempt is in the sign-in log as refused, at counter B1.
    const logged = await server.db.query<{ success: boolean; counter_id: string }>("SELECT success, counter_id FROM sign_ins WHERE username = 'tiepnhan.hoa' ORDER BY at, id");
    expect(logged.rows.map((r) => [r.success, r.counter_id])).toEqual([
      [true, 'A2'],
      [false, 'B1'],
      [false, 'C1'],
      [false, 'B1'],
    ]);
    for (const at of [a1, b1, solo]) expect((await signIn('tiepnhan.tinh', 'mat-khau-binh-tinh', at)).statusCode).toBe(201);
  });

  it('a center’s own settings override the province’s for its counters only; removing them falls back', async () => {
    const put = (url: string, body: unknown) => server.app.inject({ method: 'PUT', url, headers: admin(), payload: { body } });
    expect((await put('/v1/admin/catalogue/setting/receive', { receiptSeries: '{yy}TAA', unitName: 'Trung tâm tỉnh' })).statusCode).toBe(200);
    expect((await put('/v1/admin/centers/XA-A/catalogue/setting/receive', { receiptSeries: '{yy}TDC' })).statusCode).toBe(200);
    expect((await put('/v1/admin/centers/XA-A/catalogue/holiday/2026-03-02', { name: 'Lễ hội đền Cuông (nghỉ riêng của xã)' })).statusCode).toBe(200);
    expect((await put('/v1/admin/centers/XA-A/catalogue/setting/scope', { procedures: [{ code: '1.001234', level: 'xa' }], phiDiaGioi: ['1.001234'] })).statusCode).toBe(200);

    const atA = await catalogue(a1);
    const setting = (c: CatalogueResponse, key: string) => c.items.find((i) => i.kind === 'setting' && i.key === key);
    expect(setting(atA, 'receive')!.body).toEqual({ receiptSeries: '{yy}TDC', unitName: 'Trung tâm tỉnh' });
    // Which fields are the center's own: the others are the province's (its counters print their own center's name in their place).
    expect(setting(atA, 'receive')!.centerKeys).toEqual(['receiptSeries']);
    expect(setting(atA, 'scope')!.body).toEqual({ procedures: [{ code: '1.001234', level: 'xa' }], phiDiaGioi: ['1.001234'] });
    expect(atA.items.some((i) => i.kind === 'holiday' && i.key === '2026-03-02')).toBe(true);
    const centers = atA.items.filter((i) => i.kind === 'center').map((i) => i.body as CenterInfo);
    expect(centers.map((c) => c.agencyCode).sort()).toEqual([AGENCY, XA_A, XA_B].sort());

    const atB = await catalogue(b1);
    expect(setting(atB, 'receive')!.body).toEqual({ receiptSeries: '{yy}TAA', unitName: 'Trung tâm tỉnh' });
    expect(setting(atB, 'receive')!.centerKeys).toBeUndefined();
    expect(setting(atB, 'scope')).toBeUndefined();
    expect(atB.items.some((i) => i.kind === 'holiday' && i.key === '2026-03-02')).toBe(false);

    // Removing A's receipt series: A's counters get the province's item back with a newer version.
    const del = await server.app.inject({ method: 'DELETE', url: '/v1/admin/centers/XA-A/catalogue/setting/receive', headers: admin() });
    expect(del.statusCode).toBe(200);
    const again = await catalogue(a1, atA.version);
    expect(setting(again, 'receive')).toEqual(expect.objectContaining({ deleted: false, body: { receiptSeries: '{yy}TAA', unitName: 'Trung tâm tỉnh' } }));
    expect(await catalogue(b1, atB.version)).toEqual(expect.objectContaining({ items: [] }));
  });

  it('a center’s administrator manages its own center only; a provincial one manages all', async () => {
    await createStaff(server.db, { username: 'quantri.xa-a', fullName: 'Quản trị xã A', roles: ['administrator'], password: 'mat-khau-xa-a-1', centerId: 'XA-A' });
    const token = await login(server.app, 'quantri.xa-a', 'mat-khau-xa-a-1');
    expect((await addCenter('XA-D', '000.24.41.H41', 'Xã D', token)).statusCode).toBe(403);
    const other = await server.app.inject({
      method: 'POST',
      url: '/v1/admin/enrolment-codes',
      headers: { authorization: `Bearer ${token}` },
      payload: { counterId: 'B9', counterName: 'Quầy B9', center: 'XA-B' },
    });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.message).toContain('chỉ quản lý trung tâm của mình');
    const own = await enrolAt('A9', 'XA-A', token);
    expect(own.agencyCode).toBe(XA_A);
    const devices = await server.app.inject({ method: 'GET', url: '/v1/admin/devices', headers: { authorization: `Bearer ${token}` } });
    expect((devices.json() as { devices: { site: string }[] }).devices.every((d) => d.site === 'XA-A')).toBe(true);
    const settingOfB = await server.app.inject({ method: 'PUT', url: '/v1/admin/centers/XA-B/catalogue/setting/receive', headers: { authorization: `Bearer ${token}` }, payload: { body: {} } });
    expect(settingOfB.statusCode).toBe(403);

    // An account made by A's administrator is A's: its password hash goes to A's counters, not B's.
    const made = await server.app.inject({
      method: 'POST',
      url: '/v1/admin/staff',
      headers: { authorization: `Bearer ${token}` },
      payload: { username: 'tiepnhan.xa-a', fullName: 'Hồ Thị Mai', roles: ['receiving'], password: 'mat-khau-mai-123' },
    });
    expect(made.statusCode, made.body).toBe(201);
    const hashAt = async (c: EnrolResponse) => {
      const r = await server.app.inject({ method: 'GET', url: '/v1/staff', headers: auth(c) });
      return (r.json() as { staff: StaffRecord[] }).staff.find((s) => s.username === 'tiepnhan.xa-a')?.passwordHash;
    };
    expect(await hashAt(a1)).toBeDefined();
    expect(await hashAt(b1)).toBeUndefined();
    const province = await server.app.inject({
      method: 'POST',
      url: '/v1/admin/staff',
      headers: { authorization: `Bearer ${token}` },
      payload: { username: 'giamsat.tinh', fullName: 'Giám sát tỉnh', roles: ['supervisor'], password: 'mat-khau-giam-sat', centerId: null },
    });
    expect(province.statusCode).toBe(403);
  });

  it('the province’s view: per center (the receiving one) and for the province, received, late, waiting; a center’s account sees its own; CSV for Excel', async () => {
    const report = async (query: string, token = server.adminToken) => {
      const r = await server.app.inject({ method: 'GET', url: `/v1/admin/province?${query}`, headers: { authorization: `Bearer ${token}` } });
      expect(r.statusCode, r.body).toBe(200);
      return r;
    };
    const received = (await report('from=2026-01-12&to=2026-01-12')).json() as ProvinceReport;
    const line = (r: ProvinceReport, agency: string) => r.centers.find((c) => c.agencyCode === agency)!.figures;
    // Commune A received four (two across boundaries for ward B, counted where they were received), B one, the provincial Center one.
    expect([line(received, XA_A).received, line(received, XA_B).received, line(received, AGENCY).received]).toEqual([4, 1, 1]);
    expect(received.province).toEqual({ received: 6, early: 0, onTime: 0, late: 0, digitised: 0, waiting: 6 });
    // Their deadline (2 February) passed without a result: late in the period holding that day.
    const due = (await report('from=2026-02-01&to=2026-02-28')).json() as ProvinceReport;
    expect(due.province).toEqual({ received: 0, early: 0, onTime: 0, late: 6, digitised: 0, waiting: 6 });

    const token = await login(server.app, 'quantri.xa-a', 'mat-khau-xa-a-1');
    const own = (await report('from=2026-01-12&to=2026-01-12', token)).json() as ProvinceReport;
    expect(own.centers.map((c) => c.id)).toEqual(['XA-A']);
    expect(own.province.received).toBe(4);

    const csv = await report('from=2026-01-12&to=2026-01-12&format=csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.startsWith('\uFEFF"Kết quả giải quyết hồ sơ từ 12/01/2026 đến 12/01/2026"')).toBe(true);
    expect(csv.body).toContain('"Trung tâm","Mã cơ quan","Cấp","Tiếp nhận"');
    expect(csv.body).toContain('"Toàn tỉnh","","",6,0,0,0,"",0,"0,0",6');
    const bad = await server.app.inject({ method: 'GET', url: '/v1/admin/province?from=2026-02-30', headers: admin() });
    expect(bad.statusCode).toBe(400);
  });

  it('a reception of a procedure outside the receiving center’s scope is stored and flagged for a supervisor; inside it, or at a center without a list, it is not', async () => {
    // Commune A receives only 1.001234 (its setting scope, put above); ward B has no list of its own.
    const outside = received(a1.counterId, dossierCode(await server.firstDossierSeq(a1, '260130', 5), '260130', XA_A));
    outside.payload.procedureCode = '2.002111';
    outside.payload.procedureName = 'Đăng ký khai sinh có yếu tố nước ngoài';
    const inside = received(a1.counterId, dossierCode((await server.firstDossierSeq(a1, '260130', 5)) + 1, '260130', XA_A));
    const atB = received(b1.counterId, dossierCode(await server.firstDossierSeq(b1, '260130', 5), '260130', XA_B));
    atB.payload.procedureCode = '2.002111';
    const results = [...(await push(a1, [outside, inside])).results, ...(await push(b1, [atB])).results];
    expect(results.map((r) => r.status)).toEqual(['conflict', 'stored', 'stored']);
    const conflicts = results.map((r) => ('conflict' in r ? r.conflict : undefined));
    expect(conflicts.map((c) => c?.code ?? null)).toEqual(['OUT_OF_SCOPE', null, null]);
    expect(conflicts[0]!.message).toBe(
      'Thủ tục 2.002111 (Đăng ký khai sinh có yếu tố nước ngoài) không thuộc danh mục thủ tục Trung tâm Phục vụ hành chính công xã Diễn Châu tiếp nhận. Cần giám sát viên xử lý.',
    );
    // The papers were taken: the dossier stands, with its conflict open for a supervisor.
    const row = await server.db.query<{ status: string; open_conflicts: number }>('SELECT status, open_conflicts FROM dossiers WHERE id = $1', [outside.dossierId]);
    expect(row.rows).toEqual([{ status: 'received', open_conflicts: 1 }]);
  });

  it('the catalogue version a counter pulls is its own center’s: another center’s item leaves it, the province’s, its own and a center’s change move it, and its fetch reaches it', async () => {
    const version = async (c: EnrolResponse, app = server.app) => ((await app.inject({ method: 'GET', url: '/v1/pull?after=0&limit=1', headers: auth(c) })).json() as PullResponse).catalogueVersion!;
    const put = async (url: string, body: unknown) => {
      const r = await server.app.inject({ method: 'PUT', url, headers: admin(), payload: body as Record<string, unknown> });
      expect(r.statusCode, r.body).toBe(200);
      return (r.json() as { version?: number }).version;
    };
    // A counter holds what its fetch reached; a pull signals whether there is more.
    const held = new Map<EnrolResponse, number>();
    const fetched = async (c: EnrolResponse) => {
      const answer = await catalogue(c, held.get(c) ?? 0);
      held.set(c, answer.version);
      return answer;
    };
    for (const c of [a1, b1, solo]) {
      await fetched(c);
      expect(await version(c)).toBe(held.get(c));
    }

    // Ward B's own item: B's counters are told, and their fetch reaches the version told; A's and the provincial Center's are not.
    const bItem = await put('/v1/admin/centers/XA-B/catalogue/holiday/2026-05-04', { body: { name: 'Nghỉ riêng của phường Vinh Hưng' } });
    expect(await version(b1)).toBe(bItem);
    expect((await fetched(b1)).items.map((i) => i.key)).toEqual(['2026-05-04']);
    expect(held.get(b1)).toBe(bItem);
    for (const c of [a1, solo]) {
      expect(await version(c)).toBe(held.get(c));
      expect((await fetched(c)).items).toEqual([]);
    }

    // Commune A's own item moves A's version only.
    const aItem = await put('/v1/admin/centers/XA-A/catalogue/setting/receive', { body: { receiptSeries: '{yy}TDC' } });
    expect(await version(a1)).toBe(aItem);
    expect(await version(b1)).toBe(held.get(b1));
    expect((await fetched(a1)).version).toBe(aItem);

    // A province-wide item and a center's change reach every center.
    const provinceItem = await put('/v1/admin/catalogue/department/SNN', { body: { id: 'SNN', name: 'Sở Nông nghiệp và Môi trường' } });
    for (const c of [a1, b1, solo]) expect(await version(c)).toBe(provinceItem);
    const renamed = await server.app.inject({
      method: 'PUT',
      url: '/v1/admin/centers/XA-B',
      headers: admin(),
      payload: { agencyCode: XA_B, name: 'Trung tâm Phục vụ hành chính công phường Vinh Hưng', level: 'xa', address: 'Số 2 Lê Lợi, phường Vinh Hưng' },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    for (const c of [a1, b1, solo]) {
      const told = await version(c);
      expect(told).toBeGreaterThan(provinceItem!);
      expect((await fetched(c)).version).toBe(told);
    }

    // Another server process on the same database reads the versions from it: the same answers.
    const other = await buildApp({ db: server.db });
    try {
      await put('/v1/admin/centers/XA-B/catalogue/holiday/2026-05-05', { body: { name: 'Nghỉ riêng của phường Vinh Hưng' } });
      for (const c of [a1, solo]) expect(await version(c, other)).toBe(held.get(c));
      expect(await version(b1, other)).toBeGreaterThan(held.get(b1)!);
    } finally {
      await other.close();
    }
  });
});

describe('batches between centers', () => {
  const sent = (c: EnrolResponse, dossierId: string, batchId: string, carried: 'papers' | 'result', fromCenter: string, toCenter: string) =>
    event('sentToCenter', { batchId, carried, fromCenter, toCenter, courierName: 'Bưu điện Nghệ An' }, { dossierId, counterId: c.counterId });
  const arrived = (c: EnrolResponse, dossierId: string, batchId: string, carried: 'papers' | 'result', center: string) =>
    event('arrivedAtCenter', { batchId, carried, center }, { dossierId, counterId: c.counterId });
  const resultIn = (c: EnrolResponse, dossierId: string, atCenter: string) => event('resultReceived', { batchId: 'KQ-260203-01', outcome: 'result', atCenter }, { dossierId, counterId: c.counterId });
  const lastSeq = async () => Number((await server.db.query<{ s: number }>('SELECT max(seq) AS s FROM events')).rows[0]!.s);
  const routeCenters = async (id: string) => (await server.db.query<{ route_centers: string[] }>('SELECT route_centers FROM dossiers WHERE id = $1', [id])).rows[0]!.route_centers;
  const stored = (r: PushResponse) => r.results.map((x) => (x.status === 'conflict' ? `conflict ${x.conflict?.code}` : x.status));
  const flagOf = (r: PushResponse) => {
    const x = r.results[0];
    return x && 'conflict' in x ? x.conflict?.message : undefined;
  };
  let d1: EnrolResponse;

  beforeAll(async () => {
    expect((await addCenter('XA-D', XA_D, 'Trung tâm Phục vụ hành chính công xã Quỳnh Lưu')).statusCode).toBe(200);
    d1 = await enrolAt('D1', 'XA-D');
  });

  it('the center a batch goes to pulls the dossier and keeps pulling it after it leaves; an unrelated center never does', async () => {
    const before = await lastSeq();
    // Received at commune A for ward B; the department's desk is at the provincial Center (the default center '').
    const d = await receive(a1, { receivingCenter: XA_A, transfer: 'courier', returnCenter: XA_B });
    expect(await routeCenters(d.dossierId)).toEqual(['XA-A', 'XA-B']);
    expect(await pulled(solo, before)).toEqual([]);

    const papers = await lastSeq();
    expect(stored(await push(a1, [sent(a1, d.dossierId, 'LC-260130-01', 'papers', XA_A, AGENCY)]))).toEqual(['stored']);
    expect(await routeCenters(d.dossierId)).toEqual(['', 'XA-A', 'XA-B']);
    expect(await pulled(solo, papers)).toEqual([d.dossierId]);

    // At the provincial Center: arrived, handed to the department, its result taken in there and forwarded to ward B.
    const atP = await push(solo, [
      arrived(solo, d.dossierId, 'LC-260130-01', 'papers', AGENCY),
      handedToCourier(solo.counterId, d.dossierId, 'LO-260130-09'),
      deliveredToDepartment(solo.counterId, d.dossierId, 'LO-260130-09'),
      resultIn(solo, d.dossierId, AGENCY),
      sent(solo, d.dossierId, 'LC-260203-01', 'result', AGENCY, XA_B),
    ]);
    expect(stored(atP)).toEqual(['stored', 'stored', 'stored', 'stored', 'stored']);
    const leftP = await lastSeq();
    expect(stored(await push(b1, [arrived(b1, d.dossierId, 'LC-260203-01', 'result', XA_B), returned(b1.counterId, d.dossierId)]))).toEqual(['stored', 'stored']);
    // Gone from the provincial Center, still pulled there: its copy follows the dossier to the end.
    expect(await routeCenters(d.dossierId)).toEqual(['', 'XA-A', 'XA-B']);
    for (const c of [a2, b1, solo]) expect(await pulled(c, leftP)).toEqual([d.dossierId]);
    expect(await pulled(d1, before)).toEqual([]);
    const { rows } = await server.db.query<{ status: string; open_conflicts: number }>('SELECT status, open_conflicts FROM dossiers WHERE id = $1', [d.dossierId]);
    expect(rows).toEqual([{ status: 'returned', open_conflicts: 0 }]);
  });

  it('a counter of the center a batch is sent to, waiting in a long poll, is woken by that push', async () => {
    const d = await receive(a1, { receivingCenter: XA_A, transfer: 'courier', returnCenter: XA_B });
    const after = await lastSeq();
    const started = Date.now();
    const waiting = server.app.inject({ method: 'GET', url: `/v1/pull?after=${after}&wait=20`, headers: auth(solo) });
    await new Promise((r) => setTimeout(r, 300));
    await push(a1, [sent(a1, d.dossierId, 'LC-260130-04', 'papers', XA_A, AGENCY)]);
    const answer = await waiting;
    expect((answer.json() as PullResponse).dossiers.map((x) => x.id)).toEqual([d.dossierId]);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('a result the department sends to a center off the route brings the dossier to that center’s counters', async () => {
    const d = await receive(a1, { receivingCenter: XA_A, transfer: 'electronic', returnCenter: XA_B });
    await push(a1, [handedToCourier(a1.counterId, d.dossierId, 'LO-260130-10'), deliveredToDepartment(a1.counterId, d.dossierId, 'LO-260130-10')]);
    const before = await lastSeq();
    expect(await pulled(solo, before)).toEqual([]);
    expect(stored(await push(solo, [resultIn(solo, d.dossierId, AGENCY)]))).toEqual(['stored']);
    expect(await routeCenters(d.dossierId)).toEqual(['', 'XA-A', 'XA-B']);
    expect(await pulled(solo, before)).toEqual([d.dossierId]);
    // Forwarded to ward B, it is held there now; the provincial Center keeps pulling it (its copy does not go stale).
    await push(solo, [sent(solo, d.dossierId, 'LC-260203-03', 'result', AGENCY, XA_B)]);
    const forwarded = await lastSeq();
    expect(stored(await push(b1, [arrived(b1, d.dossierId, 'LC-260203-03', 'result', XA_B)]))).toEqual(['stored']);
    expect(await routeCenters(d.dossierId)).toEqual(['', 'XA-A', 'XA-B']);
    expect(await pulled(solo, forwarded)).toEqual([d.dossierId]);
    expect(await pulled(d1, before)).toEqual([]);
  });

  it('where a dossier is, said by a counter of another center, is stored, applied and flagged WRONG_CENTER for a supervisor, naming both centers', async () => {
    // Received at ward B for commune A: held at B.
    const d = await receive(b1, { receivingCenter: XA_B, transfer: 'courier', returnCenter: XA_A });
    const fromB = sent(a1, d.dossierId, 'LC-260130-02', 'papers', XA_B, XA_A);
    const first = await push(a1, [fromB]);
    expect(stored(first)).toEqual(['conflict WRONG_CENTER']);
    expect(flagOf(first)).toBe(`Lô LC-260130-02 ghi chuyển giấy tờ hồ sơ đi từ ${NAME_B}, nhưng quầy ghi nhận (Quầy A1) thuộc ${NAME_A}. Cần giám sát viên xử lý.`);
    // The papers moved as recorded: the fact stands and the batch goes on.
    const arrivedAtA = arrived(b1, d.dossierId, 'LC-260130-02', 'papers', XA_A);
    const second = await push(b1, [arrivedAtA]);
    expect(stored(second)).toEqual(['conflict WRONG_CENTER']);
    expect(flagOf(second)).toBe(`Lô LC-260130-02 ghi nhận giấy tờ hồ sơ đến ${NAME_A}, nhưng quầy ghi nhận (Quầy B1) thuộc ${NAME_B}. Cần giám sát viên xử lý.`);
    await push(a1, [handedToCourier(a1.counterId, d.dossierId, 'LO-260130-11'), deliveredToDepartment(a1.counterId, d.dossierId, 'LO-260130-11')]);
    const third = await push(solo, [resultIn(solo, d.dossierId, XA_A)]);
    expect(stored(third)).toEqual(['conflict WRONG_CENTER']);
    expect(flagOf(third)).toContain(`Lô kết quả KQ-260203-01 ghi nhận tại ${NAME_A}, nhưng quầy ghi nhận (Quầy C1) thuộc `);
    // A batch to an agency that is no center here is flagged too; the same batch sent from where it is is not.
    const nowhere = await push(a1, [sent(a1, d.dossierId, 'LC-260203-02', 'result', XA_A, '000.99.41.H41')]);
    expect(flagOf(nowhere)).toBe('Lô LC-260203-02 chuyển kết quả giải quyết đến trung tâm mã 000.99.41.H41, không phải trung tâm nào của tỉnh trên máy chủ này. Cần giám sát viên xử lý.');
    const { rows } = await server.db.query<{ status: string; open_conflicts: number; heldAt: string }>('SELECT status, open_conflicts, state->>\'heldAt\' AS "heldAt" FROM dossiers WHERE id = $1', [
      d.dossierId,
    ]);
    expect(rows).toEqual([{ status: 'resultInTransit', open_conflicts: 4, heldAt: XA_A }]);
    const codes = await server.db.query<{ code: string }>('SELECT code FROM conflicts WHERE dossier_id = $1 ORDER BY created_at, event_id', [d.dossierId]);
    expect(codes.rows.map((r) => r.code)).toEqual(['WRONG_CENTER', 'WRONG_CENTER', 'WRONG_CENTER', 'WRONG_CENTER']);
    // Sent again (a lost answer), it is the same stored event with its flag, not a second one.
    expect(stored(await push(a1, [fromB]))).toEqual(['duplicate']);
    expect((await push(a1, [fromB])).results[0]).toEqual(expect.objectContaining({ conflict: expect.objectContaining({ code: 'WRONG_CENTER' }) }));
    const right = await receive(b1, { receivingCenter: XA_B, transfer: 'courier', returnCenter: XA_A });
    expect(stored(await push(b1, [sent(b1, right.dossierId, 'LC-260130-03', 'papers', XA_B, XA_A)]))).toEqual(['stored']);
  });
});
