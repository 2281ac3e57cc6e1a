// Requests that race each other: counters enrolled at the same moment, and a lease request that a
// counter sent again before the first answer came back. On PostgreSQL these run truly in parallel
// (TEST_DB=postgres, see server/README.md); each must be answered as the README promises, never 500.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrolResponse, LeaseResponse } from '../shared/sync/protocol';
import { startTestServer } from '../tests/sync/harness';
import type { TestServer } from '../tests/sync/harness';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(() => server.close());

async function enrolmentCode(counterId: string): Promise<string> {
  const r = await server.app.inject({
    method: 'POST',
    url: '/v1/admin/enrolment-codes',
    headers: { authorization: `Bearer ${server.adminToken}` },
    payload: { counterId, counterName: `Quầy ${counterId}` },
  });
  expect(r.statusCode, r.body).toBe(201);
  return (r.json() as { code: string }).code;
}

const enrol = (code: string, deviceName: string) => server.app.inject({ method: 'POST', url: '/v1/enrol', payload: { code, deviceName } });

describe('concurrent enrolments', () => {
  it('give every new counter its own index', async () => {
    const counters = Array.from({ length: 12 }, (_, i) => `SS${String(i + 1).padStart(2, '0')}`);
    const codes = await Promise.all(counters.map(enrolmentCode));
    const answers = await Promise.all(codes.map((code, i) => enrol(code, `PC ${counters[i]}`)));
    for (const a of answers) expect(a.statusCode, a.body).toBe(201);
    const indexes = answers.map((a) => (a.json() as EnrolResponse).counterIndex);
    expect(new Set(indexes).size).toBe(counters.length);
  });

  it('let one code enrol once: the copies are told it was used', async () => {
    const code = await enrolmentCode('MOTMA');
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => enrol(code, `PC ${i}`)));
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(1);
    for (const a of answers.filter((x) => x.statusCode !== 201)) {
      expect(a.statusCode, a.body).toBe(409);
      expect((a.json() as { error: { code: string } }).error.code).toBe('ENROLMENT_CODE_USED');
    }
  });

  it('re-enrol one counter from two codes at once: one index, one credential that works', async () => {
    const codes = await Promise.all([enrolmentCode('HAIMA'), enrolmentCode('HAIMA'), enrolmentCode('HAIMA')]);
    const answers = await Promise.all(codes.map((code, i) => enrol(code, `PC ${i}`)));
    for (const a of answers) expect(a.statusCode, a.body).toBe(201);
    const enrolled = answers.map((a) => a.json() as EnrolResponse);
    expect(new Set(enrolled.map((e) => e.counterIndex)).size).toBe(1);
    expect(new Set(enrolled.map((e) => e.deviceId)).size).toBe(1);
    const working = await Promise.all(enrolled.map((e) => server.app.inject({ method: 'GET', url: '/v1/device', headers: { authorization: `Bearer ${e.credential}` } })));
    expect(working.filter((r) => r.statusCode === 200)).toHaveLength(1);
  });
});

describe('concurrent lease requests', () => {
  let credential: string;
  beforeAll(async () => {
    credential = (await server.enrol('LEASE')).credential;
  });
  const ask = (requestId: string, dossierDates: string[]) =>
    server.app.inject({
      method: 'POST',
      url: '/v1/leases',
      headers: { authorization: `Bearer ${credential}` },
      payload: { requestId, dossierDates, receiptSeries: [{ formSymbol: 'EBL01', series: '26TAA' }], blockSize: 40 },
    });

  it('answer every copy of one request with the same blocks', async () => {
    const requestId = randomUUID();
    const answers = await Promise.all(Array.from({ length: 8 }, () => ask(requestId, ['260301', '260302'])));
    for (const a of answers) expect(a.statusCode, a.body).toBe(200);
    const blocks = answers.map((a) => (a.json() as LeaseResponse).blocks);
    expect(blocks[0]).toHaveLength(3);
    for (const b of blocks) expect(b).toEqual(blocks[0]);
    const { rows } = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM leases WHERE request_id = $1', [requestId]);
    expect(rows[0]!.n).toBe(3);
  });

  it('hand disjoint blocks to different requests naming the same days in any order', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => ask(randomUUID(), i % 2 ? ['260305', '260306'] : ['260306', '260305'])));
    for (const a of answers) expect(a.statusCode, a.body).toBe(200);
    const blocks = answers.flatMap((a) => (a.json() as LeaseResponse).blocks);
    for (const scope of new Set(blocks.map((x) => x.scope))) {
      const s = blocks.filter((x) => x.scope === scope).sort((x, y) => x.first - y.first);
      for (let i = 1; i < s.length; i++) expect(s[i]!.first).toBeGreaterThan(s[i - 1]!.last);
    }
  });
});
