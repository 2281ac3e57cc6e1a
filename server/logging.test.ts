// The server's log as IT reads it: a request id on every request and response, a 500 logged with
// its cause and what it was doing, 4xx without stacks, and no secret or personal search key in it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { EnrolResponse, LeaseResponse } from '../shared/sync/protocol';
import { dossierCode, received } from '../tests/sync/events';
import { ADMIN, login, openTestDb } from '../tests/sync/harness';
import { buildApp } from './app';
import type { Db } from './db';
import { REDACTED, safeUrl } from './logging';
import { createStaff } from './routes/staff';

type Line = Record<string, unknown> & { level: number; msg: string; reqId?: string };

const lines: Line[] = [];
let raw = '';
let base: Db;
let app: FastifyInstance;
let adminToken: string;
let device: EnrolResponse;
let enrolmentCode: string;
let failDossierWrites = false;

beforeAll(async () => {
  base = await openTestDb();
  await createStaff(base, { ...ADMIN, roles: ['administrator', 'supervisor'] });
  // The same database, except that writing dossier snapshots can be made to fail, as a full disk would.
  const db: Db = {
    ...base,
    kind: base.kind,
    transaction: (fn) =>
      base.transaction((tx) =>
        fn({
          query: (sql, params) => (failDossierWrites && sql.includes('INSERT INTO dossiers') ? Promise.reject(new Error('không ghi được: đĩa đầy (giả lập)')) : tx.query(sql, params)),
        }),
      ),
  };
  const stream = {
    write(msg: string) {
      raw += msg;
      lines.push(JSON.parse(msg) as Line);
    },
  };
  app = await buildApp({ db, log: { level: 'info', stream } });
  adminToken = await login(app, ADMIN.username, ADMIN.password);
  const code = await app.inject({ method: 'POST', url: '/v1/admin/enrolment-codes', headers: { authorization: `Bearer ${adminToken}` }, payload: { counterId: 'Q01', counterName: 'Quầy 1' } });
  enrolmentCode = (code.json() as { code: string }).code;
  device = (await app.inject({ method: 'POST', url: '/v1/enrol', payload: { code: enrolmentCode, deviceName: 'PC 1' } })).json() as EnrolResponse;
}, 60_000);
afterAll(async () => {
  await app.close();
  await base.close();
});
beforeEach(() => {
  failDossierWrites = false;
});

const linesOf = (reqId: string) => lines.filter((l) => l.reqId === reqId);

describe('request ids', () => {
  it('honours a well-formed x-request-id, echoes it and logs the request under it', async () => {
    const r = await app.inject({ method: 'GET', url: '/v1/health', headers: { 'x-request-id': 'quay-Q01.42' } });
    expect(r.headers['x-request-id']).toBe('quay-Q01.42');
    expect(linesOf('quay-Q01.42')).toEqual([expect.objectContaining({ level: 30, msg: 'request', method: 'GET', url: '/v1/health', route: '/v1/health', statusCode: 200 })]);
  });

  it('makes its own id when none or a malformed one is sent', async () => {
    const none = await app.inject({ method: 'GET', url: '/v1/health' });
    const forged = await app.inject({ method: 'GET', url: '/v1/health', headers: { 'x-request-id': '"} level=fatal {"' } });
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    expect(none.headers['x-request-id']).toMatch(uuid);
    expect(forged.headers['x-request-id']).toMatch(uuid);
    expect(forged.headers['x-request-id']).not.toBe(none.headers['x-request-id']);
  });

  it('lets a browser kiosk read the id across origins', async () => {
    const r = await app.inject({ method: 'GET', url: '/v1/health', headers: { origin: 'http://127.0.0.1:5173' } });
    expect(String(r.headers['access-control-expose-headers'])).toContain('x-request-id');
  });
});

describe('errors', () => {
  it('logs a 500 with its stack, route, request id, counter and batch, and tells staff the id to quote', async () => {
    const lease = (
      await app.inject({ method: 'POST', url: '/v1/leases', headers: { authorization: `Bearer ${device.credential}` }, payload: { requestId: randomUUID(), dossierDates: ['260112'] } })
    ).json() as LeaseResponse;
    const event = received('Q01', dossierCode(lease.blocks[0]!.first));
    failDossierWrites = true;
    const r = await app.inject({ method: 'POST', url: '/v1/push', headers: { authorization: `Bearer ${device.credential}`, 'x-request-id': 'push-500' }, payload: { events: [event] } });

    expect(r.statusCode).toBe(500);
    expect(r.headers['x-request-id']).toBe('push-500');
    const body = r.json() as { error: { code: string; message: string; details: { requestId: string } } };
    expect(body.error.code).toBe('INTERNAL');
    expect(body.error.message).toContain('Máy chủ gặp lỗi không mong muốn');
    expect(body.error.message).toContain('báo bộ phận CNTT kèm mã yêu cầu: push-500.');
    expect(body.error.details.requestId).toBe('push-500');

    const error = linesOf('push-500').find((l) => l.level === 50)!;
    expect(error).toMatchObject({
      msg: 'unexpected server error',
      method: 'POST',
      route: '/v1/push',
      table: 'dossiers',
      counterId: 'Q01',
      batchSize: 1,
      firstEventId: event.id,
      lastEventId: event.id,
    });
    expect((error.err as { stack: string }).stack).toContain('đĩa đầy (giả lập)');
    // Nothing of the batch was written: the counter sends it again.
    expect((await base.query<{ n: number }>('SELECT count(*)::int AS n FROM events')).rows[0]!.n).toBe(0);
  });

  it('logs a request a counter should never send as a warning, without a stack', async () => {
    const r = await app.inject({ method: 'POST', url: '/v1/push', headers: { authorization: `Bearer ${device.credential}`, 'x-request-id': 'bad-push' }, payload: { events: [{ id: 'x' }] } });
    expect(r.statusCode).toBe(400);
    expect(r.headers['x-request-id']).toBe('bad-push');
    const refused = linesOf('bad-push').find((l) => l.msg === 'request refused')!;
    expect(refused).toMatchObject({ level: 40, statusCode: 400, code: 'INVALID_REQUEST', route: '/v1/push' });
    expect(refused).not.toHaveProperty('err');
    expect(JSON.stringify(linesOf('bad-push'))).not.toContain('stack');
  });

  it('logs a routine refusal (wrong password) at info', async () => {
    await app.inject({ method: 'POST', url: '/v1/sessions', headers: { 'x-request-id': 'wrong-password' }, payload: { username: ADMIN.username, password: 'sai-mat-khau-123' } });
    expect(linesOf('wrong-password').find((l) => l.msg === 'request refused')).toMatchObject({ level: 30, statusCode: 401, code: 'BAD_CREDENTIALS' });
  });
});

describe('what never reaches the log', () => {
  it('has no password, credential, session token or enrolment code from the requests above', async () => {
    await app.inject({ method: 'GET', url: '/v1/device', headers: { authorization: `Bearer ${device.credential}` } });
    expect(raw).not.toContain(ADMIN.password);
    expect(raw).not.toContain('sai-mat-khau-123');
    expect(raw).not.toContain(device.credential);
    expect(raw).not.toContain(adminToken);
    expect(raw).not.toContain(enrolmentCode);
  });

  it('censors secrets wherever a log call puts them', () => {
    const before = lines.length;
    app.log.info(
      {
        req: { headers: { authorization: `Bearer ${adminToken}`, cookie: 'sid=1' }, body: { password: 'mat-khau-lo' } },
        headers: { authorization: `Bearer ${device.credential}` },
        body: { password: 'mat-khau-lo', code: enrolmentCode },
        token: adminToken,
        device: { credential: device.credential },
        password: 'mat-khau-lo',
      },
      'probe',
    );
    const line = JSON.stringify(lines.slice(before));
    for (const secret of [adminToken, device.credential, enrolmentCode, 'mat-khau-lo', 'sid=1']) expect(line).not.toContain(secret);
    expect(lines.at(-1)).toMatchObject({
      headers: { authorization: REDACTED },
      body: { password: REDACTED, code: REDACTED },
      token: REDACTED,
      device: { credential: REDACTED },
      password: REDACTED,
    });
  });

  it('hides the ID number and phone of a lookup, and keeps the rest of the URL', async () => {
    expect(safeUrl('/v1/dossiers?idNumber=040085001234')).toBe(`/v1/dossiers?idNumber=${REDACTED}`);
    expect(safeUrl('/v1/dossiers?phone=0912345678&limit=5')).toBe(`/v1/dossiers?phone=${REDACTED}&limit=5`);
    expect(safeUrl('/v1/dossiers?%70hone=0912345678')).toBe(`/v1/dossiers?%70hone=${REDACTED}`);
    expect(safeUrl('/v1/pull?after=10&limit=500')).toBe('/v1/pull?after=10&limit=500');
    await app.inject({ method: 'GET', url: '/v1/dossiers?idNumber=040085001234', headers: { authorization: `Bearer ${device.credential}` } });
    await app.inject({ method: 'GET', url: '/v1/dossiers?phone=0912345678', headers: { authorization: `Bearer ${device.credential}` } });
    expect(raw).not.toContain('040085001234');
    expect(raw).not.toContain('0912345678');
  });
});
