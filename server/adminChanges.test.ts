// Every administrator's change is recorded with who, when, from where, before and after (migration
// 011, server/adminAudit.ts), in the change's own transaction; never a password or its hash. The
// administration page is served to a browser at /quan-tri/ from the built files.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminChange } from '../shared/sync/adminProtocol';
import { startTestServer, type TestServer } from '../tests/sync/harness';
import { buildApp } from './app';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(() => server.close());

const asAdmin = (method: 'POST' | 'PATCH' | 'PUT' | 'DELETE' | 'GET', url: string, payload?: object) =>
  server.app.inject({ method, url, headers: { authorization: `Bearer ${server.adminToken}` }, ...(payload ? { payload } : {}) });

async function changesOf(targetKind: string, targetKey: string): Promise<AdminChange[]> {
  const r = await asAdmin('GET', `/v1/admin/changes?targetKind=${encodeURIComponent(targetKind)}&targetKey=${encodeURIComponent(targetKey)}`);
  expect(r.statusCode).toBe(200);
  return (r.json() as { changes: AdminChange[] }).changes;
}

describe('the audit of administrators’ changes', () => {
  it('records a new account, an edit and a password reset with before and after, never the password', async () => {
    expect((await asAdmin('POST', '/v1/admin/staff', { username: 'canbo.moi', fullName: 'Phạm Thu Hà', roles: ['receiving'], password: 'mat-khau-tam-1', mustChangePassword: true })).statusCode).toBe(
      201,
    );
    expect((await asAdmin('PATCH', '/v1/admin/staff/canbo.moi', { roles: ['receiving', 'returnDesk'], counters: ['Q01'] })).statusCode).toBe(200);
    expect((await asAdmin('PATCH', '/v1/admin/staff/canbo.moi', { password: 'mat-khau-tam-2', mustChangePassword: true })).statusCode).toBe(200);
    const [reset, edit, created] = await changesOf('staff', 'canbo.moi');
    expect(created).toMatchObject({
      action: 'staff.create',
      staffUsername: 'quantri',
      before: null,
      after: { username: 'canbo.moi', fullName: 'Phạm Thu Hà', roles: ['receiving'], mustChangePassword: true },
    });
    expect(created!.fromAddress).toBeTruthy();
    expect(edit).toMatchObject({ action: 'staff.update', before: { roles: ['receiving'], counters: null }, after: { roles: ['receiving', 'returnDesk'], counters: ['Q01'] } });
    expect(reset).toMatchObject({ action: 'staff.passwordReset', after: { passwordChanged: true, mustChangePassword: true } });
    const all = JSON.stringify(await changesOf('staff', 'canbo.moi'));
    expect(all).not.toContain('mat-khau-tam');
    expect(all).not.toContain('scrypt$');
  });

  it('a refused change records nothing', async () => {
    expect((await asAdmin('POST', '/v1/admin/staff', { username: 'canbo.moi', fullName: 'Trùng tên', roles: ['receiving'], password: 'mat-khau-khac-9' })).statusCode).toBe(409);
    expect((await asAdmin('PATCH', '/v1/admin/staff/canbo.moi', { password: '12345678' })).statusCode).toBe(400);
    expect(await changesOf('staff', 'canbo.moi')).toHaveLength(3);
  });

  it('records a catalogue item before and after, and its removal', async () => {
    expect((await asAdmin('PUT', '/v1/admin/catalogue/setting/idleLockMinutes', { body: { minutes: 10 } })).statusCode).toBe(200);
    expect((await asAdmin('PUT', '/v1/admin/catalogue/setting/idleLockMinutes', { body: { minutes: 5 } })).statusCode).toBe(200);
    expect((await asAdmin('DELETE', '/v1/admin/catalogue/setting/idleLockMinutes')).statusCode).toBe(200);
    const [removed, second, first] = await changesOf('catalogue/setting', 'idleLockMinutes');
    expect(first).toMatchObject({ action: 'catalogue.put', before: null, after: { minutes: 10 } });
    expect(second).toMatchObject({ action: 'catalogue.put', before: { minutes: 10 }, after: { minutes: 5 } });
    expect(removed).toMatchObject({ action: 'catalogue.delete', before: { minutes: 5 }, after: null });
  });

  it('records an enrolment code (without the code) and a revocation once', async () => {
    const code = await asAdmin('POST', '/v1/admin/enrolment-codes', { counterId: 'Q07', counterName: 'Quầy 7' });
    expect(code.statusCode).toBe(201);
    const e = await server.app.inject({ method: 'POST', url: '/v1/enrol', payload: { code: (code.json() as { code: string }).code, deviceName: 'PC 7' } });
    expect(e.statusCode).toBe(201);
    expect((await asAdmin('POST', '/v1/admin/devices/Q07/revoke')).statusCode).toBe(200);
    expect((await asAdmin('POST', '/v1/admin/devices/Q07/revoke')).statusCode).toBe(200);
    const [revoke, made] = await changesOf('device', 'Q07');
    expect(made).toMatchObject({ action: 'device.enrolmentCode', after: { counterId: 'Q07', counterName: 'Quầy 7' } });
    expect(JSON.stringify(made)).not.toContain((code.json() as { code: string }).code);
    expect(revoke).toMatchObject({ action: 'device.revoke', before: { revokedAt: null } });
    expect(await changesOf('device', 'Q07')).toHaveLength(2);
  });

  it('only an administrator reads the changes', async () => {
    expect((await server.app.inject({ method: 'GET', url: '/v1/admin/changes' })).statusCode).toBe(401);
  });
});

describe('the administration page at /quan-tri/', () => {
  it('serves the built admin.html and its assets, nothing outside assets/, and says in Vietnamese when there is no build', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-admin-ui-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'admin.html'), '<!doctype html><title>Quản trị</title><script type="module" src="./assets/admin-1.js"></script>');
    writeFileSync(join(dir, 'assets', 'admin-1.js'), 'console.log(1)');
    writeFileSync(join(dir, 'index.html'), 'kiosk');
    const app = await buildApp({ db: server.db, adminUiDir: dir });
    try {
      const page = await app.inject({ method: 'GET', url: '/quan-tri/' });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.headers['content-security-policy']).toContain("connect-src 'self'");
      expect(page.body).toContain('Quản trị');
      expect((await app.inject({ method: 'GET', url: '/quan-tri' })).headers.location).toBe('/quan-tri/');
      const script = await app.inject({ method: 'GET', url: '/quan-tri/assets/admin-1.js' });
      expect(script.statusCode).toBe(200);
      expect(script.headers['content-type']).toContain('text/javascript');
      expect((await app.inject({ method: 'GET', url: '/quan-tri/assets/..%2Findex.html' })).statusCode).toBe(404);
      expect((await app.inject({ method: 'GET', url: '/quan-tri/assets/nothing.js' })).statusCode).toBe(404);
    } finally {
      await app.close();
    }
    const empty = await buildApp({ db: server.db, adminUiDir: join(dir, 'missing') });
    try {
      const page = await empty.inject({ method: 'GET', url: '/quan-tri/' });
      expect(page.statusCode).toBe(503);
      expect(page.body).toContain('npm run build');
    } finally {
      await empty.close();
    }
  });
});
