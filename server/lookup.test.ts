// GET /v1/dossiers: the return desk finds a dossier its counter has pruned, by code, ID number or phone.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierEvent } from '../shared/domain';
import type { LeaseResponse } from '../shared/sync/protocol';
import { deliveredToDepartment, dossierCode, handedToCourier, received, resultReceived, returned } from '../tests/sync/events';
import { startTestServer } from '../tests/sync/harness';
import type { TestServer } from '../tests/sync/harness';
import { LOOKUP_LIMIT, type DossierLookupResponse } from '../shared/sync/protocol';

let server: TestServer;
let counter: { credential: string; counterId: string };
let codes: string[] = [];
const ids: string[] = [];

const get = (url: string, credential = counter.credential) => server.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${credential}` } });

beforeAll(async () => {
  server = await startTestServer();
  counter = await server.enrol('Q05');
  const l = await server.app.inject({
    method: 'POST',
    url: '/v1/leases',
    headers: { authorization: `Bearer ${counter.credential}` },
    payload: { requestId: randomUUID(), dossierDates: ['260112'], blockSize: 30 },
  });
  const first = (l.json() as LeaseResponse).blocks[0]!.first;
  // LOOKUP_LIMIT + 2 dossiers of the same applicant; the first one is returned.
  codes = Array.from({ length: LOOKUP_LIMIT + 2 }, (_, i) => dossierCode(first + i));
  const events: DossierEvent[] = codes.map((code) => received(counter.counterId, code));
  ids.push(...events.map((e) => e.dossierId));
  const id = ids[0]!;
  events.push(handedToCourier(counter.counterId, id), deliveredToDepartment(counter.counterId, id), resultReceived(counter.counterId, id), returned(counter.counterId, id));
  const pushed = await server.app.inject({ method: 'POST', url: '/v1/push', headers: { authorization: `Bearer ${counter.credential}` }, payload: { events } });
  expect(pushed.statusCode, pushed.body).toBe(200);
}, 60_000);
afterAll(() => server.close());

function expectVietnamese400(r: { statusCode: number; json(): unknown }, pattern: RegExp) {
  expect(r.statusCode).toBe(400);
  const body = r.json() as { error: { code: string; message: string } };
  expect(body.error.code).toBe('INVALID_REQUEST');
  expect(body.error.message).toMatch(pattern);
  expect(body.error.message).toMatch(/[ạảãáàâấầẩẫậăắằẳẵặđẹẻẽéèêếềểễệịỉĩíìọỏõóòôốồổỗộơớờởỡợụủũúùưứừửữựỵỷỹýỳ]/);
}

describe('GET /v1/dossiers', () => {
  it('finds a dossier by its exact code with its snapshot and full event trail in server order', async () => {
    const r = await get(`/v1/dossiers?code=${encodeURIComponent(codes[0]!)}`);
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json() as DossierLookupResponse;
    expect(body.dossiers).toHaveLength(1);
    const [found] = body.dossiers;
    expect(found!.snapshot).toMatchObject({ id: ids[0], code: codes[0], status: 'returned', openConflicts: 0 });
    expect(found!.snapshot.state.status).toBe('returned');
    expect(found!.snapshot.registerNumber).toBeGreaterThan(0);
    expect(found!.events.map((e) => e.event.type)).toEqual(['received', 'handedToCourier', 'deliveredToDepartment', 'resultReceived', 'returned']);
    const seqs = found!.events.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(found!.snapshot.lastSeq).toBe(seqs[seqs.length - 1]);
  });

  it('finds by ID number and by phone however typed, newest first, at most LOOKUP_LIMIT with `more`', async () => {
    for (const url of ['/v1/dossiers?idNumber=040%20085%20001%20234', '/v1/dossiers?phone=%2B84912345678']) {
      const r = await get(url);
      expect(r.statusCode, r.body).toBe(200);
      const body = r.json() as DossierLookupResponse;
      expect(body.dossiers).toHaveLength(LOOKUP_LIMIT);
      expect(body.more).toBe(true);
      const lastSeqs = body.dossiers.map((d) => d.snapshot.lastSeq);
      expect(lastSeqs).toEqual([...lastSeqs].sort((a, b) => b - a));
      expect(body.dossiers.every((d) => d.events.length > 0 && d.events.every((e) => e.event.dossierId === d.snapshot.id))).toBe(true);
    }
    const none = await get('/v1/dossiers?idNumber=040190009999');
    expect(none.statusCode).toBe(200);
    expect((none.json() as DossierLookupResponse).dossiers).toEqual([]);
  });

  it('answers an unknown code with 404 and a Vietnamese message naming the code', async () => {
    const code = dossierCode(9999, '251231');
    const r = await get(`/v1/dossiers?code=${code}`);
    expect(r.statusCode).toBe(404);
    expect((r.json() as { error: { code: string; message: string } }).error).toEqual({ code: 'NOT_FOUND', message: expect.stringContaining(`không có hồ sơ mã ${code}`) });
  });

  it('answers bad input with 400 and says what is wrong, in Vietnamese', async () => {
    expectVietnamese400(await get('/v1/dossiers'), /đúng một/);
    expectVietnamese400(await get(`/v1/dossiers?code=${codes[0]}&phone=0912345678`), /đúng một/);
    expectVietnamese400(await get(`/v1/dossiers?code=${codes[0]}&code=${codes[1]}`), /đúng một/);
    expectVietnamese400(await get('/v1/dossiers?code=000.00.15.H41-261332-0001'), /^Mã hồ sơ không hợp lệ/);
    expectVietnamese400(await get('/v1/dossiers?code=khong-phai-ma'), /^Mã hồ sơ không hợp lệ/);
    expectVietnamese400(await get('/v1/dossiers?idNumber=12345'), /^Số định danh không hợp lệ/);
    expectVietnamese400(await get('/v1/dossiers?phone=0123'), /^Số điện thoại không hợp lệ/);
  });

  it('serves enrolled counters only', async () => {
    expect((await server.app.inject({ method: 'GET', url: `/v1/dossiers?code=${codes[0]}` })).statusCode).toBe(401);
    expect((await get(`/v1/dossiers?code=${codes[0]}`, 'dev_khong-co-that')).statusCode).toBe(401);
    expect((await get(`/v1/dossiers?code=${codes[0]}`, server.adminToken)).statusCode).toBe(401);
  });
});
