// Each counter receives only the password hashes of the staff who may sign in there: never the
// administrator's unless an administrator is listed for that counter; names and roles go to all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffRecord } from '../shared/sync/protocol';
import { createStaff } from './routes/staff';
import { ADMIN, startTestServer } from '../tests/sync/harness';
import type { TestServer } from '../tests/sync/harness';

let server: TestServer;
let q1: { credential: string };
let q2: { credential: string };

beforeAll(async () => {
  server = await startTestServer();
  q1 = await server.enrol('Q01');
  q2 = await server.enrol('Q02');
  await createStaff(server.db, { username: 'luudong', fullName: 'Phạm Văn Lưu', roles: ['receiving'], password: 'mat-khau-luu-dong' });
  await createStaff(server.db, { username: 'quay1', fullName: 'Hoàng Thị Một', roles: ['returnDesk'], password: 'mat-khau-quay-mot', counters: ['Q01'] });
}, 60_000);
afterAll(() => server.close());

async function staffAt(c: { credential: string }, after = 0): Promise<{ staff: StaffRecord[]; version: number }> {
  const r = await server.app.inject({ method: 'GET', url: `/v1/staff?after=${after}`, headers: { authorization: `Bearer ${c.credential}` } });
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as { staff: StaffRecord[]; version: number };
}

const hashes = (list: StaffRecord[]) => Object.fromEntries(list.map((s) => [s.username, s.passwordHash !== undefined]));

describe('GET /v1/staff', () => {
  it("sends every account's name, but hashes only of those who may sign in at this counter", async () => {
    const at1 = await staffAt(q1);
    const at2 = await staffAt(q2);
    expect(hashes(at1.staff)).toEqual({ [ADMIN.username]: false, luudong: true, quay1: true });
    expect(hashes(at2.staff)).toEqual({ [ADMIN.username]: false, luudong: true, quay1: false });
    expect(at1.staff.find((s) => s.username === ADMIN.username)).toMatchObject({ fullName: ADMIN.fullName, roles: ['administrator', 'supervisor'] });
  });

  it('an administrator listed for one counter is signed in offline there only; a narrowed account reaches the others without its hash', async () => {
    const before = (await staffAt(q1)).version;
    const patch = (username: string, counters: string[] | null) =>
      server.app.inject({ method: 'PATCH', url: `/v1/admin/staff/${username}`, headers: { authorization: `Bearer ${server.adminToken}` }, payload: { counters } });
    expect((await patch(ADMIN.username, ['Q02'])).statusCode).toBe(200);
    expect((await patch('luudong', ['Q02'])).statusCode).toBe(200);
    const changedAt1 = await staffAt(q1, before);
    expect(hashes(changedAt1.staff)).toEqual({ [ADMIN.username]: false, luudong: false });
    expect(hashes((await staffAt(q2, before)).staff)).toEqual({ [ADMIN.username]: true, luudong: true });
    // null: every counter again (not an administrator).
    expect((await patch('luudong', null)).statusCode).toBe(200);
    expect(hashes((await staffAt(q1, changedAt1.version)).staff)).toEqual({ luudong: true });
  });

  it('a disabled account has no hash anywhere', async () => {
    const before = (await staffAt(q1)).version;
    await server.app.inject({ method: 'PATCH', url: '/v1/admin/staff/quay1', headers: { authorization: `Bearer ${server.adminToken}` }, payload: { disabled: true } });
    expect((await staffAt(q1, before)).staff).toMatchObject([{ username: 'quay1', disabled: true }]);
    expect((await staffAt(q1, before)).staff[0]!.passwordHash).toBeUndefined();
  });
});
