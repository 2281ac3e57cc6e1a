// Counters learn every counter's name (GET /v1/counters) to show it instead of its id.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CountersResponse } from '../shared/sync/protocol';
import { startTestServer, type TestServer } from '../tests/sync/harness';

let server: TestServer;
let q5: { credential: string };

beforeAll(async () => {
  server = await startTestServer();
  q5 = await server.enrol('quay-5', 'Quầy 5 – Trả kết quả');
  await server.enrol('quay-8', 'Quầy 8 – Tiếp nhận');
  await server.app.inject({ method: 'POST', url: '/v1/admin/devices/quay-8/revoke', headers: { authorization: `Bearer ${server.adminToken}` } });
}, 60_000);
afterAll(() => server.close());

it('gives an enrolled counter every counter’s name, a revoked one’s too (its steps remain), and nobody else', async () => {
  const r = await server.app.inject({ method: 'GET', url: '/v1/counters', headers: { authorization: `Bearer ${q5.credential}` } });
  expect(r.statusCode).toBe(200);
  expect((r.json() as CountersResponse).counters).toEqual([
    { counterId: 'quay-5', counterName: 'Quầy 5 – Trả kết quả' },
    { counterId: 'quay-8', counterName: 'Quầy 8 – Tiếp nhận' },
  ]);
  expect((await server.app.inject({ method: 'GET', url: '/v1/counters' })).statusCode).toBe(401);
});
