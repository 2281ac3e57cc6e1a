// Accounts from the administration screens: a temporary password (new account or reset) must be
// changed at the next sign-in, and until then the session can do nothing else; counters learn the
// flag with the hash; every sign-in attempt is listed with its outcome and where it came from.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminStaffResponse, SignInsResponse } from '../shared/sync/adminProtocol';
import type { SessionResponse, StaffRecord } from '../shared/sync/protocol';
import { startTestServer, type TestServer } from '../tests/sync/harness';

let server: TestServer;
let counter: { credential: string };
beforeAll(async () => {
  server = await startTestServer();
  counter = await server.enrol('Q01');
}, 60_000);
afterAll(() => server.close());

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, token: string, payload?: object) =>
  server.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
const signIn = (username: string, password: string, token?: string) =>
  server.app.inject({ method: 'POST', url: '/v1/sessions', payload: { username, password }, ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}) });

async function counterCopy(username: string): Promise<StaffRecord | undefined> {
  const r = await call('GET', '/v1/staff?after=0', counter.credential);
  return (r.json() as { staff: StaffRecord[] }).staff.find((s) => s.username === username);
}

describe('a temporary password', () => {
  it('is changed at the first sign-in: the session does nothing else until then, and the counter gets the flag and then the new hash', async () => {
    expect(
      (await call('POST', '/v1/admin/staff', server.adminToken, { username: 'hoa.nt', fullName: 'Nguyễn Thị Hoa', roles: ['receiving'], password: 'tam-thoi-2026', mustChangePassword: true }))
        .statusCode,
    ).toBe(201);
    expect(await counterCopy('hoa.nt')).toMatchObject({ mustChangePassword: true, passwordHash: expect.stringMatching(/^scrypt/) });

    const first = await signIn('hoa.nt', 'tam-thoi-2026', counter.credential);
    expect(first.statusCode).toBe(201);
    const session = first.json() as SessionResponse;
    expect(session.mustChangePassword).toBe(true);
    const refused = await call('GET', '/v1/conflicts?status=open', session.token);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: { code: 'PASSWORD_CHANGE_REQUIRED' } });

    const weak = await call('POST', '/v1/sessions/current/password', session.token, { currentPassword: 'tam-thoi-2026', newPassword: '12345678' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ error: { message: expect.stringContaining('Mật khẩu mới') } });
    const same = await call('POST', '/v1/sessions/current/password', session.token, { currentPassword: 'tam-thoi-2026', newPassword: 'tam-thoi-2026' });
    expect(same.json()).toMatchObject({ error: { message: 'Mật khẩu mới phải khác mật khẩu hiện tại.' } });
    const wrong = await call('POST', '/v1/sessions/current/password', session.token, { currentPassword: 'sai-mat-khau', newPassword: 'hoa-tiep-nhan-quay-1' });
    expect(wrong.json()).toMatchObject({ error: { message: 'Mật khẩu hiện tại không đúng.' } });
    const before = await counterCopy('hoa.nt');

    expect((await call('POST', '/v1/sessions/current/password', session.token, { currentPassword: 'tam-thoi-2026', newPassword: 'hoa-tiep-nhan-quay-1' })).statusCode).toBe(200);
    const after = await counterCopy('hoa.nt');
    expect(after!.mustChangePassword).toBeUndefined();
    expect(after!.passwordHash).not.toBe(before!.passwordHash);
    expect(after!.version).toBeGreaterThan(before!.version);
    expect((await signIn('hoa.nt', 'tam-thoi-2026')).statusCode).toBe(401);
    const again = await signIn('hoa.nt', 'hoa-tiep-nhan-quay-1');
    expect((again.json() as SessionResponse).mustChangePassword).toBeUndefined();
  });

  it('a reset by the administrator asks for a new one again', async () => {
    expect((await call('PATCH', '/v1/admin/staff/hoa.nt', server.adminToken, { password: 'dat-lai-2026', mustChangePassword: true })).statusCode).toBe(200);
    expect(((await signIn('hoa.nt', 'dat-lai-2026')).json() as SessionResponse).mustChangePassword).toBe(true);
    expect(await counterCopy('hoa.nt')).toMatchObject({ mustChangePassword: true });
  });
});

describe('the administrator’s lists', () => {
  it('lists accounts with their last sign-in, and sign-ins with outcome, address and counter', async () => {
    const staff = (await call('GET', '/v1/admin/staff', server.adminToken)).json() as AdminStaffResponse;
    const hoa = staff.staff.find((s) => s.username === 'hoa.nt');
    expect(hoa).toMatchObject({ fullName: 'Nguyễn Thị Hoa', roles: ['receiving'], disabled: false, counters: null, mustChangePassword: true, lastSignInAt: expect.any(String) });
    expect(JSON.stringify(staff)).not.toContain('scrypt');

    const list = (await call('GET', '/v1/admin/sign-ins?username=hoa.nt', server.adminToken)).json() as SignInsResponse;
    expect(list.signIns.map((s) => s.success)).toEqual([true, true, false, true]);
    expect(list.signIns.at(-1)).toMatchObject({ username: 'hoa.nt', success: true, counterId: 'Q01', fromAddress: expect.any(String) });
    expect(list.signIns[2]!.counterId).toBeNull();
    expect((await call('GET', '/v1/admin/sign-ins', counter.credential)).statusCode).toBe(401);
  });
});
