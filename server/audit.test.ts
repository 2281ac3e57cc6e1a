// The audit log route and its migration: counters push entries (idempotent, own counter only),
// supervisors read them; bad input gets a clear 4xx and writes nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../tests/sync/harness';
import type { TestServer } from '../tests/sync/harness';
import { createStaff } from './routes/staff';
import type { AuditRecord } from './routes/audit';

let server: TestServer;
let q1: { credential: string; counterId: string };
let q2: { credential: string; counterId: string };

beforeAll(async () => {
  server = await startTestServer();
  q1 = await server.enrol('Q01');
  q2 = await server.enrol('Q02');
}, 60_000);
afterAll(() => server.close());

function entry(counterId: string, extra: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    at: new Date().toISOString(),
    counterId,
    officerId: 'officer-lan',
    officerName: 'Nguyễn Thị Lan',
    dossierId: randomUUID(),
    dossierCode: '000.00.15.H41-260112-0001',
    action: 'view',
    field: 'idNumber',
    ...extra,
  };
}

const push = (credential: string, payload: unknown) => server.app.inject({ method: 'POST', url: '/v1/audit', headers: { authorization: `Bearer ${credential}` }, payload: payload as object });

async function count(): Promise<number> {
  const { rows } = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
  return rows[0]!.n;
}

describe('migration 005 audit', () => {
  it('is applied, with a unique entry id and a checked action', async () => {
    const { rows } = await server.db.query<{ name: string }>('SELECT name FROM schema_migrations WHERE version = 5');
    expect(rows[0]?.name).toBe('audit');
    const ins = (id: string, action: string) =>
      server.db.query("INSERT INTO audit_log (id, at, device_id, counter_id, officer_id, action, field) VALUES ($1, now(), 'd', 'Q09', 'o', $2, 'phone')", [id, action]);
    const id = randomUUID();
    await ins(id, 'view');
    await expect(ins(id, 'view')).rejects.toThrow();
    await expect(ins(randomUUID(), 'delete')).rejects.toThrow();
  });
});

describe('POST /v1/audit', () => {
  it('stores each entry once, however often the counter retries', async () => {
    const before = await count();
    const entries = [entry(q1.counterId), entry(q1.counterId, { action: 'export', field: 'phone', detail: 'Xuất danh sách hồ sơ' })];
    for (let i = 0; i < 3; i++) {
      const r = await push(q1.credential, { entries });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toEqual({ acked: entries.map((e) => e.id) });
    }
    expect(await count()).toBe(before + 2);
  });

  it('refuses entries that claim another counter, writing none of the batch', async () => {
    const before = await count();
    const r = await push(q1.credential, { entries: [entry(q1.counterId), entry(q2.counterId)] });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('WRONG_COUNTER');
    expect(r.json().error.message).toMatch(/mã quầy khác/);
    expect(await count()).toBe(before);
  });

  it('needs a device credential', async () => {
    expect((await server.app.inject({ method: 'POST', url: '/v1/audit', payload: { entries: [entry(q1.counterId)] } })).statusCode).toBe(401);
    expect((await push(server.adminToken, { entries: [entry(q1.counterId)] })).statusCode).toBe(401);
  });

  it.each([
    ['an empty batch', { entries: [] }],
    ['a bad id', { entries: [entry('Q01', { id: 'abc' })] }],
    ['an unknown action', { entries: [entry('Q01', { action: 'delete' })] }],
    ['a missing officer', { entries: [{ ...entry('Q01'), officerId: undefined }] }],
    ['an unknown field', { entries: [entry('Q01', { secret: 1 })] }],
    ['a bad time', { entries: [entry('Q01', { at: 'hôm qua' })] }],
  ])('answers 400 in Vietnamese for %s', async (_name, payload) => {
    const before = await count();
    const r = await push(q1.credential, JSON.parse(JSON.stringify(payload)));
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('INVALID_REQUEST');
    expect(r.json().error.message).toMatch(/sai định dạng/);
    expect(await count()).toBe(before);
  });
});

describe('GET /v1/audit', () => {
  it('lists entries by officer or dossier for supervisors, newest first', async () => {
    const dossierId = randomUUID();
    const older = entry(q2.counterId, { officerId: 'officer-hung', dossierId, at: '2026-01-12T02:00:00.000Z' });
    const newer = entry(q2.counterId, { officerId: 'officer-hung', dossierId, at: '2026-01-12T03:00:00.000Z', action: 'print' });
    expect((await push(q2.credential, { entries: [older, newer] })).statusCode).toBe(200);
    const r = await server.app.inject({ method: 'GET', url: `/v1/audit?dossierId=${dossierId}`, headers: { authorization: `Bearer ${server.adminToken}` } });
    expect(r.statusCode, r.body).toBe(200);
    const entries = (r.json() as { entries: AuditRecord[] }).entries;
    expect(entries.map((e) => e.id)).toEqual([newer.id, older.id]);
    expect(entries[0]).toMatchObject({ counterId: q2.counterId, officerId: 'officer-hung', action: 'print', field: 'idNumber', officerName: 'Nguyễn Thị Lan' });
    const byOfficer = await server.app.inject({ method: 'GET', url: '/v1/audit?officerId=officer-hung', headers: { authorization: `Bearer ${server.adminToken}` } });
    expect((byOfficer.json() as { entries: AuditRecord[] }).entries).toHaveLength(2);
  });

  it('is closed to counters and to staff without oversight', async () => {
    expect((await server.app.inject({ method: 'GET', url: '/v1/audit', headers: { authorization: `Bearer ${q1.credential}` } })).statusCode).toBe(401);
    await createStaff(server.db, { username: 'tiepnhan-audit', password: 'mat-khau-tiep-nhan', fullName: 'Phạm Thu Hà', roles: ['receiving'] });
    const login = await server.app.inject({ method: 'POST', url: '/v1/sessions', payload: { username: 'tiepnhan-audit', password: 'mat-khau-tiep-nhan' } });
    const token = (login.json() as { token: string }).token;
    const r = await server.app.inject({ method: 'GET', url: '/v1/audit', headers: { authorization: `Bearer ${token}` } });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('FORBIDDEN');
  });
});
