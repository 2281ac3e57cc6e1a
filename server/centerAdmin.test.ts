// The administration of centers (Quản trị › Các trung tâm): a list of centers imported from a sheet,
// previewed then written all at once with its audit rows or not at all; every center write audited;
// a center's own settings read with the province's; a center's administrator kept to its center.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminCentersResponse, AdminChangesResponse, AdminStaffResponse, CenterImportResponse, CenterSettingResponse } from '../shared/sync/adminProtocol';
import { login, startTestServer, type TestServer } from '../tests/sync/harness';
import { createStaff } from './routes/staff';

let server: TestServer;
let centerAdmin: string;
const as = (token: string) => ({ authorization: `Bearer ${token}` });
const HEADER = ['id', 'agency_code', 'name', 'address', 'level', 'parent'];
const THREE = [
  HEADER,
  ['xa-dien-chau', '000.22.41.H41', 'Trung tâm PVHCC xã Diễn Châu', 'Xóm 1, xã Diễn Châu', 'xã', ''],
  ['phuong-vinh-hung', '000.23.41.H41', 'Trung tâm PVHCC phường Vinh Hưng', '', 'phường', ''],
  ['xa-quynh-luu', '000.24.41.H41', 'Trung tâm PVHCC xã Quỳnh Lưu', '', 'xã', ''],
];

const importRows = (rows: string[][], commit: boolean, token = server.adminToken) =>
  server.app.inject({ method: 'POST', url: '/v1/admin/centers/import', headers: as(token), payload: { rows, commit } });
const centers = async (token = server.adminToken) => (await server.app.inject({ method: 'GET', url: '/v1/admin/centers', headers: as(token) })).json() as AdminCentersResponse;
const changes = async (targetKind: string) =>
  ((await server.app.inject({ method: 'GET', url: `/v1/admin/changes?targetKind=${encodeURIComponent(targetKind)}`, headers: as(server.adminToken) })).json() as AdminChangesResponse).changes;

beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(() => server.close());

describe('center administration', () => {
  it('a sheet with a row error is previewed with it and refused whole at commit: nothing written, nothing audited', async () => {
    const bad = [...THREE, ['xa-sai', '000.25.41', 'Xã sai mã', '', 'xã', '']];
    const preview = await importRows(bad, false);
    expect(preview.statusCode).toBe(200);
    const plan = preview.json() as CenterImportResponse;
    expect(plan.committed).toBe(false);
    expect(plan.errors).toEqual([{ row: 5, column: 'agency_code', message: 'Dòng 5, cột agency_code: Mã cơ quan 000.25.41 không đúng dạng QCVN 102:2016 (ví dụ 000.22.41.H41).' }]);
    expect(plan.added.map((c) => c.id)).toEqual(['xa-dien-chau', 'phuong-vinh-hung', 'xa-quynh-luu']);
    const refused = await importRows(bad, true);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toContain('chưa nhập trung tâm nào');
    expect((await centers()).centers.map((c) => c.id)).toEqual(['']);
    expect(await changes('center')).toEqual([]);
  });

  it('a valid sheet is written at once, one audit row a center, the previewed counts; a second import of the same file changes nothing', async () => {
    const preview = (await importRows(THREE, false)).json() as CenterImportResponse;
    expect((await centers()).centers).toHaveLength(1);
    const done = await importRows(THREE, true);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toEqual({ ...preview, committed: true });
    const list = (await centers()).centers;
    expect(list.find((c) => c.id === 'xa-dien-chau')).toMatchObject({ agencyCode: '000.22.41.H41', address: 'Xóm 1, xã Diễn Châu', level: 'xa', parentId: '', counters: 0 });
    const audit = await changes('center');
    expect(audit.map((c) => [c.action, c.targetKey]).sort()).toEqual([
      ['center.import', 'phuong-vinh-hung'],
      ['center.import', 'xa-dien-chau'],
      ['center.import', 'xa-quynh-luu'],
    ]);
    expect(audit[0]!.before).toBeNull();
    const again = (await importRows(THREE, true)).json() as CenterImportResponse;
    expect(again).toMatchObject({ added: [], changed: [], unchanged: 3, committed: true });
    expect(await changes('center')).toHaveLength(3);
  });

  it('an edit through PUT is audited with before and after; a taken code is refused at its field', async () => {
    const put = await server.app.inject({
      method: 'PUT',
      url: '/v1/admin/centers/xa-quynh-luu',
      headers: as(server.adminToken),
      payload: { agencyCode: '000.24.41.H41', name: 'Trung tâm PVHCC xã Quỳnh Lưu (mới)', level: 'xa' },
    });
    expect(put.statusCode, put.body).toBe(200);
    const last = (await changes('center'))[0]!;
    expect(last).toMatchObject({ action: 'center.update', targetKey: 'xa-quynh-luu' });
    expect((last.before as { name: string }).name).toBe('Trung tâm PVHCC xã Quỳnh Lưu');
    expect((last.after as { name: string }).name).toBe('Trung tâm PVHCC xã Quỳnh Lưu (mới)');
    const taken = await server.app.inject({ method: 'PUT', url: '/v1/admin/centers/xa-moi', headers: as(server.adminToken), payload: { agencyCode: '000.22.41.H41', name: 'Xã mới', level: 'xa' } });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({ message: 'Mã cơ quan 000.22.41.H41 đã là của trung tâm xa-dien-chau.', details: { field: '/agencyCode' } });
  });

  it('a center’s own setting is read with the province’s, and its writes are audited', async () => {
    const put = await server.app.inject({
      method: 'PUT',
      url: '/v1/admin/centers/xa-dien-chau/catalogue/setting/scope',
      headers: as(server.adminToken),
      payload: { body: { phiDiaGioi: ['3.000348'] } },
    });
    expect(put.statusCode, put.body).toBe(200);
    // A scope its counters could not read is refused, and nothing is written.
    const malformed = await server.app.inject({
      method: 'PUT',
      url: '/v1/admin/centers/xa-dien-chau/catalogue/setting/scope',
      headers: as(server.adminToken),
      payload: { body: { procedures: ['3.000348'] } },
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.message).toContain('Phạm vi thủ tục không đúng dạng');
    const read = (await server.app.inject({ method: 'GET', url: '/v1/admin/centers/xa-dien-chau/settings/scope', headers: as(server.adminToken) })).json() as CenterSettingResponse;
    expect(read).toEqual({ center: 'xa-dien-chau', key: 'scope', body: { phiDiaGioi: ['3.000348'] }, province: null });
    const audit = await changes('center/xa-dien-chau/setting');
    expect(audit[0]).toMatchObject({ action: 'center.catalogue.put', targetKey: 'scope', before: null, after: { phiDiaGioi: ['3.000348'] } });
    await server.app.inject({ method: 'DELETE', url: '/v1/admin/centers/xa-dien-chau/catalogue/setting/scope', headers: as(server.adminToken) });
    expect((await changes('center/xa-dien-chau/setting'))[0]).toMatchObject({ action: 'center.catalogue.delete', before: { phiDiaGioi: ['3.000348'] }, after: null });
  });

  it('a center’s administrator sees its own center and accounts, and is refused the import and another center’s settings', async () => {
    await createStaff(server.db, { username: 'quantri.dc', fullName: 'Quản trị Diễn Châu', roles: ['administrator'], password: 'mat-khau-dien-chau', centerId: 'xa-dien-chau' });
    await createStaff(server.db, { username: 'tiepnhan.vh', fullName: 'Cán bộ Vinh Hưng', roles: ['receiving'], password: 'mat-khau-vinh-hung', centerId: 'phuong-vinh-hung' });
    centerAdmin = await login(server.app, 'quantri.dc', 'mat-khau-dien-chau');
    const own = await centers(centerAdmin);
    expect(own.adminCenterId).toBe('xa-dien-chau');
    expect(own.centers.map((c) => c.id)).toEqual(['xa-dien-chau']);
    expect((await centers()).adminCenterId).toBeNull();
    const refused = await importRows(THREE, false, centerAdmin);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain('quản trị viên cấp tỉnh');
    const other = await server.app.inject({ method: 'GET', url: '/v1/admin/centers/phuong-vinh-hung/settings/receive', headers: as(centerAdmin) });
    expect(other.statusCode).toBe(403);
    const staff = ((await server.app.inject({ method: 'GET', url: '/v1/admin/staff', headers: as(centerAdmin) })).json() as AdminStaffResponse).staff;
    expect(staff.map((s) => [s.username, s.centerId])).toEqual([['quantri.dc', 'xa-dien-chau']]);
    const all = ((await server.app.inject({ method: 'GET', url: '/v1/admin/staff', headers: as(server.adminToken) })).json() as AdminStaffResponse).staff;
    expect(all.find((s) => s.username === 'tiepnhan.vh')?.centerId).toBe('phuong-vinh-hung');
  });
});
