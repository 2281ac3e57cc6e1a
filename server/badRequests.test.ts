// Bad requests each get the right 4xx with a machine code and a Vietnamese message, and change nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dossierCode, received } from '../tests/sync/events';
import { startTestServer } from '../tests/sync/harness';
import type { TestServer } from '../tests/sync/harness';

let server: TestServer;
let counter: { credential: string; counterId: string };
let revoked: { credential: string; counterId: string };
let seq: number;
let snapshot: string;

async function dataSnapshot(): Promise<string> {
  const tables = ['events', 'dossiers', 'conflicts', 'register_numbers', 'receipt_numbers', 'devices', 'enrolment_codes'];
  const counts = await Promise.all(tables.map(async (t) => (await server.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`)).rows[0]!.n));
  const enrolUsed = (await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM enrolment_codes WHERE used_at IS NOT NULL')).rows[0]!.n;
  return JSON.stringify({ counts, enrolUsed });
}

beforeAll(async () => {
  server = await startTestServer();
  counter = await server.enrol('Q01');
  revoked = await server.enrol('Q09');
  const r = await server.app.inject({ method: 'POST', url: `/v1/admin/devices/Q09/revoke`, headers: { authorization: `Bearer ${server.adminToken}` } });
  expect(r.statusCode).toBe(200);
  seq = await server.firstDossierSeq(counter);
}, 60_000);
afterAll(() => server.close());
beforeEach(async () => {
  snapshot = await dataSnapshot();
});

function expectError(r: { statusCode: number; json(): unknown }, status: number, code: string) {
  expect(r.statusCode).toBe(status);
  const body = r.json() as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  // Vietnamese, with diacritics.
  expect(body.error.message).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùýĐ]/);
}

async function expectUnchanged() {
  expect(await dataSnapshot()).toBe(snapshot);
}

const push = (credential: string | undefined, payload: string | object, contentType = 'application/json') =>
  server.app.inject({
    method: 'POST',
    url: '/v1/push',
    headers: { 'content-type': contentType, ...(credential ? { authorization: `Bearer ${credential}` } : {}) },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });

describe('bad requests', () => {
  it('malformed JSON → 400 MALFORMED_JSON', async () => {
    expectError(await push(counter.credential, '{"events": [ {"id": '), 400, 'MALFORMED_JSON');
    await expectUnchanged();
  });

  it('wrong types → 400 INVALID_REQUEST; an event of the wrong shape is refused alone, for good', async () => {
    const e = received(counter.counterId, dossierCode(seq));
    const bad = { ...e, payload: { ...e.payload, sets: '2' } };
    const refused = await push(counter.credential, { events: [bad, { ...e, type: 'teleported' }] });
    expect(refused.statusCode).toBe(200);
    expect((refused.json() as { results: unknown[] }).results).toMatchObject([
      { id: e.id, status: 'refused', refusal: { code: 'INVALID_EVENT', field: '/payload/sets' } },
      { id: e.id, status: 'refused', refusal: { code: 'INVALID_EVENT', field: '/type' } },
    ]);
    expectError(await push(counter.credential, { events: 'all of them' }), 400, 'INVALID_REQUEST');
    // Without a usable id the event cannot be answered on its own: the batch is refused.
    expectError(await push(counter.credential, { events: [{ ...e, id: 'not-a-uuid' }] }), 400, 'INVALID_REQUEST');
    const pull = await server.app.inject({ method: 'GET', url: '/v1/pull?after=abc', headers: { authorization: `Bearer ${counter.credential}` } });
    expectError(pull, 400, 'INVALID_REQUEST');
    await expectUnchanged();
  });

  it('oversized batch → 413 TOO_MANY_EVENTS, oversized body → 413 PAYLOAD_TOO_LARGE', async () => {
    const many = Array.from({ length: 501 }, (_, i) => received(counter.counterId, dossierCode(seq + 1 + (i % 40))));
    expectError(await push(counter.credential, { events: many }), 413, 'TOO_MANY_EVENTS');
    const e = received(counter.counterId, dossierCode(seq));
    const huge = { ...e, payload: { ...e.payload, procedureName: 'x'.repeat(1_200_000) } };
    expectError(await push(counter.credential, { events: [huge] }), 413, 'PAYLOAD_TOO_LARGE');
    await expectUnchanged();
  });

  it('wrong content type → 415', async () => {
    expectError(await push(counter.credential, 'events=1', 'application/x-www-form-urlencoded'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    await expectUnchanged();
  });

  it('no credential, unknown device, revoked device → 401/401/403', async () => {
    const body = { events: [received(counter.counterId, dossierCode(seq))] };
    expectError(await push(undefined, body), 401, 'UNAUTHENTICATED');
    expectError(await push('dev_' + 'A'.repeat(43), body), 401, 'UNKNOWN_DEVICE');
    expectError(await push(revoked.credential, { events: [received(revoked.counterId, dossierCode(seq))] }), 403, 'DEVICE_REVOKED');
    const pull = await server.app.inject({ method: 'GET', url: '/v1/pull', headers: { authorization: `Bearer ${revoked.credential}` } });
    expectError(pull, 403, 'DEVICE_REVOKED');
    await expectUnchanged();
  });

  it('replayed enrolment code → 409 ENROLMENT_CODE_USED; a wrong one → 401', async () => {
    const c = await server.app.inject({
      method: 'POST',
      url: '/v1/admin/enrolment-codes',
      headers: { authorization: `Bearer ${server.adminToken}` },
      payload: { counterId: 'Q05', counterName: 'Quầy 5' },
    });
    const code = (c.json() as { code: string }).code;
    const first = await server.app.inject({ method: 'POST', url: '/v1/enrol', payload: { code, deviceName: 'PC quầy 5' } });
    expect(first.statusCode).toBe(201);
    snapshot = await dataSnapshot();
    expectError(await server.app.inject({ method: 'POST', url: '/v1/enrol', payload: { code, deviceName: 'PC lạ' } }), 409, 'ENROLMENT_CODE_USED');
    expectError(await server.app.inject({ method: 'POST', url: '/v1/enrol', payload: { code: 'BBBB-CCCC-DDDD', deviceName: 'PC lạ' } }), 401, 'ENROLMENT_CODE_INVALID');
    await expectUnchanged();
  });

  it("an event for another Center → 422 WRONG_CENTER; another counter's event → 403 WRONG_COUNTER; nothing of the batch stored", async () => {
    const ok = received(counter.counterId, dossierCode(seq));
    const foreign = received(counter.counterId, dossierCode(1, '260112', '000.17.22.H56'));
    expectError(await push(counter.credential, { events: [ok, foreign] }), 422, 'WRONG_CENTER');
    const someoneElse = received('Q07', dossierCode(seq + 1));
    expectError(await push(counter.credential, { events: [ok, someoneElse] }), 403, 'WRONG_COUNTER');
    await expectUnchanged();
  });

  it('admin endpoints refuse a device credential and a non-administrator', async () => {
    const asDevice = await server.app.inject({
      method: 'POST',
      url: '/v1/admin/enrolment-codes',
      headers: { authorization: `Bearer ${counter.credential}` },
      payload: { counterId: 'Q06', counterName: 'Quầy 6' },
    });
    expectError(asDevice, 401, 'SESSION_EXPIRED');
    const badLogin = await server.app.inject({ method: 'POST', url: '/v1/sessions', payload: { username: 'quantri', password: 'sai-mat-khau' } });
    expectError(badLogin, 401, 'BAD_CREDENTIALS');
    await expectUnchanged();
  });

  it('a weak password for a new or changed account → 400, nothing written', async () => {
    const asAdmin = { authorization: `Bearer ${server.adminToken}` };
    const create = await server.app.inject({
      method: 'POST',
      url: '/v1/admin/staff',
      headers: asAdmin,
      payload: { username: 'canbo5', fullName: 'Cán bộ 5', roles: ['receiving'], password: '12345678' },
    });
    expectError(create, 400, 'INVALID_REQUEST');
    expect((create.json() as { error: { message: string } }).error.message).toBe('Mật khẩu là mật khẩu phổ biến, dễ bị đoán; hãy chọn mật khẩu khác.');
    const change = await server.app.inject({ method: 'PATCH', url: '/v1/admin/staff/quantri', headers: asAdmin, payload: { password: 'quantri-moi' } });
    expectError(change, 400, 'INVALID_REQUEST');
    await expectUnchanged();
  });

  it('an unknown route → 404 with a Vietnamese message', async () => {
    expectError(await server.app.inject({ method: 'GET', url: '/v1/nothing-here' }), 404, 'NOT_FOUND');
  });
});
