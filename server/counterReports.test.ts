// What a counter reports with its pulls reaches the administrator's list of counters; a malformed
// report never costs the counter its pull.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTER_REPORT_HEADER, encodeCounterReport, type AdminDevicesResponse } from '../shared/sync/adminProtocol';
import { startTestServer, type TestServer } from '../tests/sync/harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(() => server.close());

const devices = async () => ((await server.app.inject({ method: 'GET', url: '/v1/admin/devices', headers: { authorization: `Bearer ${server.adminToken}` } })).json() as AdminDevicesResponse).devices;

describe('counter reports', () => {
  it('a pull’s report is listed with the time of the pull; a malformed one is ignored and the pull answered', async () => {
    const q1 = await server.enrol('Q01');
    expect((await devices())[0]).toMatchObject({ counterId: 'Q01', lastSeenAt: null, appVersion: null, printerStatus: null, pendingOutbox: null });
    const report = { appVersion: '0.1.0', printerStatus: 'Máy in phiếu: hết giấy', pendingOutbox: 4 };
    const pull = (header: string) => server.app.inject({ method: 'GET', url: '/v1/pull?after=0', headers: { authorization: `Bearer ${q1.credential}`, [COUNTER_REPORT_HEADER]: header } });
    expect((await pull(encodeCounterReport(report))).statusCode).toBe(200);
    const [listed] = await devices();
    expect(listed).toMatchObject({ ...report, lastSeenAt: expect.any(String) });
    expect(Date.now() - Date.parse(listed!.lastSeenAt!)).toBeLessThan(60_000);
    expect((await pull('%7Bnot json')).statusCode).toBe(200);
    expect((await devices())[0]).toMatchObject(report);
  });
});
