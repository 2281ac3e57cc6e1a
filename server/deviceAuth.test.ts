// A counter's device is read once and kept for a few seconds; revoking or re-enrolling the counter
// counts from its very next call.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../tests/sync/harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(() => server.close());

const device = (credential: string) => server.app.inject({ method: 'GET', url: '/v1/device', headers: { authorization: `Bearer ${credential}` } });

describe('device credentials', () => {
  it('a revoked counter is refused on its next call, and a re-enrolled one only with its new credential', async () => {
    const first = await server.enrol('R1');
    expect((await device(first.credential)).statusCode).toBe(200);

    const again = await server.enrol('R1');
    expect((await device(first.credential)).statusCode).toBe(401);
    expect((await device(again.credential)).statusCode).toBe(200);

    const revoke = await server.app.inject({ method: 'POST', url: '/v1/admin/devices/R1/revoke', headers: { authorization: `Bearer ${server.adminToken}` } });
    expect(revoke.statusCode).toBe(200);
    const refused = await device(again.credential);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: { code: 'DEVICE_REVOKED' } });
  });
});
