// Hostile or broken input: a NUL, a lone surrogate or a control character anywhere is a 400 naming the
// field (and the item's id), never a 500; on push one such event is refused for good and the rest of
// the chunk is stored; the envelope refuses unknown fields, oversize and out-of-range values and
// impossible dates; the credential is checked before the body; every error has the API's format.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushEventRefused, PushEventResult } from '../shared/sync/protocol';
import { dossierCode, feeCollected, received } from '../tests/sync/events';
import { startTestServer } from '../tests/sync/harness';
import type { TestServer } from '../tests/sync/harness';

let server: TestServer;
let counter: { credential: string; counterId: string };
let seq: number;

beforeAll(async () => {
  server = await startTestServer();
  counter = await server.enrol('Q01');
  seq = await server.firstDossierSeq(counter, '260112', 200);
}, 60_000);
afterAll(() => server.close());

function auth(token: string) {
  return { authorization: `Bearer ${token}` };
}

type ErrorBody = { error: { code: string; message: string; details?: { field?: string; id?: string } } };

/** The API's own error format, never Fastify's default `{ statusCode, error, message }`. */
function expectApiError(r: { statusCode: number; body: string }, status: number, code: string): ErrorBody['error'] {
  expect(r.statusCode, r.body).toBe(status);
  const body = JSON.parse(r.body) as ErrorBody;
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.code).toBe(code);
  expect(body.error.message).toMatch(/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựđ]/);
  return body.error;
}

const BAD_TEXTS: [string, string][] = [
  ['NUL', 'Nguyễn\u0000Văn'],
  ['lone high surrogate', 'Nguyễn \ud800Văn'],
  ['lone low surrogate', 'Nguyễn \udc00Văn'],
  ['escape control', 'Nguyễn\u001b[31mVăn'],
  ['C1 control', 'Nguyễn\u0085Văn'],
];

// The JSON text itself carries the escape (\u0000, \ud800), as a hostile client would send it.
const json = (value: unknown) => JSON.stringify(value);

async function push(events: unknown[]) {
  return server.app.inject({ method: 'POST', url: '/v1/push', headers: { ...auth(counter.credential), 'content-type': 'application/json' }, payload: json({ events }) });
}

describe('NUL, lone surrogates and control characters', () => {
  it.each(BAD_TEXTS)('a %s in a login name, a lease request id, an audit entry, a counter name, a catalogue item or a resolution note is a 400 naming the field', async (_name, bad) => {
    const cases: { req: { method: 'POST' | 'PUT'; url: string; headers?: Record<string, string>; payload: unknown }; field: string; id?: string }[] = [
      { req: { method: 'POST', url: '/v1/sessions', payload: { username: bad, password: 'mat-khau-bat-ky' } }, field: '/username' },
      { req: { method: 'POST', url: '/v1/leases', headers: auth(counter.credential), payload: { requestId: `req-${bad}`, dossierDates: ['260112'] } }, field: '/requestId' },
      {
        req: {
          method: 'POST',
          url: '/v1/audit',
          headers: auth(counter.credential),
          payload: { entries: [{ id: '0b0b0b0b-0000-4000-8000-000000000001', at: '2026-01-12T02:00:00.000Z', counterId: 'Q01', officerId: 'o1', action: 'view', field: 'idNumber', detail: bad }] },
        },
        field: '/entries/0/detail',
        id: '0b0b0b0b-0000-4000-8000-000000000001',
      },
      { req: { method: 'POST', url: '/v1/admin/enrolment-codes', headers: auth(server.adminToken), payload: { counterId: 'Q77', counterName: bad } }, field: '/counterName' },
      { req: { method: 'PUT', url: '/v1/admin/catalogue/procedure/1.0001', headers: auth(server.adminToken), payload: { body: { code: '1.0001', name: bad } } }, field: '/body/name' },
      { req: { method: 'PUT', url: '/v1/admin/catalogue/procedure/1.0002', headers: auth(server.adminToken), payload: { body: { [bad]: 'tên trường hỏng' } } }, field: `/body/${bad}` },
      { req: { method: 'POST', url: `/v1/conflicts/${randomUUID()}/resolve`, headers: auth(server.adminToken), payload: { note: `Đã xử lý ${bad}` } }, field: '/note' },
      {
        req: { method: 'POST', url: '/v1/admin/staff', headers: auth(server.adminToken), payload: { username: 'canbo9', fullName: bad, roles: ['receiving'], password: 'mat-khau-dai' } },
        field: '/fullName',
      },
    ];
    for (const c of cases) {
      const req = { ...c.req, headers: { ...c.req.headers, 'content-type': 'application/json' }, payload: json(c.req.payload) };
      const error = expectApiError(await server.app.inject(req), 400, 'INVALID_TEXT');
      expect(error.details?.field, c.req.url).toBe(c.field);
      if (c.id) {
        expect(error.details?.id).toBe(c.id);
        expect(error.message).toContain(c.id);
      }
    }
  });

  it('a NUL in a path parameter or the query string is a 400, not a database error', async () => {
    const r = await server.app.inject({ method: 'PUT', url: '/v1/admin/catalogue/procedure/ab%00c', headers: auth(server.adminToken), payload: { body: { a: 1 } } });
    expect(expectApiError(r, 400, 'INVALID_TEXT').details?.field).toBe('/params/key');
    const q = await server.app.inject({ method: 'GET', url: '/v1/audit?officerId=o%001', headers: auth(server.adminToken) });
    expect(expectApiError(q, 400, 'INVALID_TEXT').details?.field).toBe('/querystring/officerId');
  });

  it('tab and line breaks stay allowed in free text', async () => {
    const r = await server.app.inject({ method: 'PUT', url: '/v1/admin/catalogue/procedure/1.0003', headers: auth(server.adminToken), payload: { body: { note: 'Dòng 1\nDòng 2\r\n\tthụt lề' } } });
    expect(r.statusCode, r.body).toBe(200);
  });

  it.each(BAD_TEXTS)('on push, an event with a %s is refused for good, naming the event and the field, and the rest of the chunk is stored', async (_name, bad) => {
    const good1 = received(counter.counterId, dossierCode(seq++));
    const broken = received(counter.counterId, dossierCode(seq++));
    broken.payload.applicant = { ...broken.payload.applicant, name: bad } as typeof broken.payload.applicant;
    const good2 = received(counter.counterId, dossierCode(seq++));
    for (let attempt = 0; attempt < 2; attempt++) {
      const r = await push([good1, broken, good2]);
      expect(r.statusCode, r.body).toBe(200);
      const results = (r.json() as { results: (PushEventResult | PushEventRefused)[] }).results;
      expect(results.map((x) => x.id)).toEqual([good1.id, broken.id, good2.id]);
      expect(results.map((x) => x.status)).toEqual(attempt === 0 ? ['stored', 'refused', 'stored'] : ['duplicate', 'refused', 'duplicate']);
      const refusal = (results[1] as PushEventRefused).refusal;
      expect(refusal).toMatchObject({ code: 'INVALID_TEXT', field: '/payload/applicant/name' });
      expect(refusal.message).not.toMatch(/gửi lại|thử lại/);
    }
    const stored = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM events WHERE id = $1', [broken.id]);
    expect(stored.rows[0]!.n).toBe(0);
  });

  it('an event whose id itself is broken cannot be answered by id: the batch is a 400, nothing stored', async () => {
    const e = received(counter.counterId, dossierCode(seq++));
    const r = await push([{ ...e, id: `${e.id.slice(0, 35)}\u0000` }]);
    expectApiError(r, 400, 'INVALID_REQUEST');
  });
});

describe('the event envelope', () => {
  async function refusalOf(event: unknown) {
    const r = await push([event]);
    expect(r.statusCode, r.body).toBe(200);
    const [result] = (r.json() as { results: (PushEventResult | PushEventRefused)[] }).results;
    expect(result!.status).toBe('refused');
    return (result as PushEventRefused).refusal;
  }

  it('refuses an unknown field (a 500 kB one is not stored and served to every counter)', async () => {
    const e = received(counter.counterId, dossierCode(seq++));
    expect(await refusalOf({ ...e, extra: 'x'.repeat(500_000) })).toMatchObject({ code: 'INVALID_EVENT' });
    expect(await refusalOf({ ...e, note: 'nhỏ' })).toMatchObject({ code: 'INVALID_EVENT', field: '/note' });
    expect(await refusalOf({ ...e, payload: { ...e.payload, hidden: 1 } })).toMatchObject({ code: 'INVALID_EVENT', field: '/payload/hidden' });
  });

  it('refuses fee amounts above 10 billion đồng, fractional or negative ones', async () => {
    const r = received(counter.counterId, dossierCode(seq++));
    expect(await refusalOf({ ...r, payload: { ...r.payload, fees: [{ name: 'Lệ phí', amount: 1e300 }] } })).toMatchObject({ code: 'INVALID_EVENT', field: '/payload/fees/0/amount' });
    const base = received(counter.counterId, dossierCode(seq++));
    const ok = await push([base]);
    expect(ok.statusCode).toBe(200);
    const fee = feeCollected(counter.counterId, base.dossierId, 1);
    expect(await refusalOf({ ...fee, payload: { ...fee.payload, amount: 10_000_000_001 } })).toMatchObject({ field: '/payload/amount' });
    expect(await refusalOf({ ...fee, payload: { ...fee.payload, amount: 12.5 } })).toMatchObject({ field: '/payload/amount' });
    expect(await refusalOf({ ...fee, payload: { ...fee.payload, amount: -1 } })).toMatchObject({ field: '/payload/amount' });
    const at = await push([{ ...fee, payload: { ...fee.payload, amount: 10_000_000_000 } }]);
    // Stored (flagged or not: this receipt number was never leased), not refused.
    expect((at.json() as { results: PushEventResult[] }).results[0]!.status).not.toBe('refused');
  });

  it('refuses impossible dates', async () => {
    const e = received(counter.counterId, dossierCode(seq++));
    expect(await refusalOf({ ...e, payload: { ...e.payload, dueAt: '2026-02-30T10:00:00.000Z' } })).toMatchObject({ field: '/payload/dueAt' });
    expect(await refusalOf({ ...e, payload: { ...e.payload, receivedAt: '2026-13-01T10:00:00.000Z' } })).toMatchObject({ field: '/payload/receivedAt' });
    expect(await refusalOf({ ...e, deviceTime: '2026-01-12T25:99:00Z' })).toMatchObject({ field: '/deviceTime' });
  });

  it('refuses lease dates that are not days on the calendar', async () => {
    for (const d of ['261301', '260230', '260000', '999999']) {
      const r = await server.app.inject({ method: 'POST', url: '/v1/leases', headers: auth(counter.credential), payload: { requestId: randomUUID(), dossierDates: [d] } });
      expectApiError(r, 400, 'INVALID_REQUEST');
    }
    const leap = await server.app.inject({ method: 'POST', url: '/v1/leases', headers: auth(counter.credential), payload: { requestId: randomUUID(), dossierDates: ['280229'] } });
    expect(leap.statusCode, leap.body).toBe(200);
  });
});

describe('credential first, and the API format for every error', () => {
  it('a stranger gets 401 before the body is looked at', async () => {
    const noAuth = await server.app.inject({ method: 'POST', url: '/v1/push', headers: { 'content-type': 'application/json' }, payload: '{"events": "not an array"}' });
    expectApiError(noAuth, 401, 'UNAUTHENTICATED');
    const badJson = await server.app.inject({ method: 'POST', url: '/v1/push', headers: { ...auth('dev_' + 'A'.repeat(43)), 'content-type': 'application/json' }, payload: '{"events": [' });
    expectApiError(badJson, 401, 'UNKNOWN_DEVICE');
    const admin = await server.app.inject({ method: 'POST', url: '/v1/admin/staff', headers: { 'content-type': 'application/json' }, payload: '{"username": 1}' });
    expectApiError(admin, 401, 'UNAUTHENTICATED');
    const chunk = await server.app.inject({ method: 'PUT', url: `/v1/attachments/${'a'.repeat(64)}/chunks/0`, headers: { 'content-type': 'application/octet-stream' }, payload: Buffer.alloc(10) });
    expectApiError(chunk, 401, 'UNAUTHENTICATED');
  });

  it('404, 415, bad JSON, a body too large, a bad %-escape and an overlong path segment are all in the API format', async () => {
    const h = { ...auth(counter.credential), 'content-type': 'application/json' };
    expectApiError(await server.app.inject({ method: 'GET', url: '/v1/nothing' }), 404, 'NOT_FOUND');
    expectApiError(await server.app.inject({ method: 'DELETE', url: '/v1/push', headers: auth(counter.credential) }), 404, 'NOT_FOUND');
    expectApiError(await server.app.inject({ method: 'POST', url: '/v1/push', headers: { ...h, 'content-type': 'text/plain' }, payload: 'x' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectApiError(await server.app.inject({ method: 'POST', url: '/v1/push', headers: h, payload: '{"events": [' }), 400, 'MALFORMED_JSON');
    expectApiError(await server.app.inject({ method: 'POST', url: '/v1/push', headers: h, payload: `{"events": ["${'x'.repeat(1_100_000)}"]}` }), 413, 'PAYLOAD_TOO_LARGE');
    const badUrl = await server.app.inject({ method: 'GET', url: '/v1/dossiers/%E0%A4%A/events', headers: h });
    expectApiError(badUrl, 400, 'INVALID_REQUEST');
    expect(badUrl.headers['x-request-id']).toBeTruthy();
    expectApiError(await server.app.inject({ method: 'GET', url: `/v1/dossiers/${'a'.repeat(200)}/events`, headers: h }), 414, 'INVALID_REQUEST');
  });

  it('a deeply nested body is refused, not a stack overflow', async () => {
    const deep = '['.repeat(50_000) + ']'.repeat(50_000);
    const r = await server.app.inject({
      method: 'PUT',
      url: '/v1/admin/catalogue/procedure/deep',
      headers: { ...auth(server.adminToken), 'content-type': 'application/json' },
      payload: `{"body":{"a":${deep}}}`,
    });
    expect(expectApiError(r, 400, 'INVALID_REQUEST').details?.field).toMatch(/^\/body\/a(\/0)+$/);
  });
});
