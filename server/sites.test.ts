// Sites: one server carrying several Centers or one-stop shops. A counter pulls the dossiers received
// at its own site, in sequence order, and finds the others by lookup.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierEvent, EventOf } from '../shared/domain';
import type { DossierLookupResponse, EnrolResponse, PullResponse, PushResponse } from '../shared/sync/protocol';
import { dossierCode, handedToCourier, received } from '../tests/sync/events';
import { startTestServer, type TestServer } from '../tests/sync/harness';

let server: TestServer;
const admin = () => ({ authorization: `Bearer ${server.adminToken}` });
const auth = (c: EnrolResponse) => ({ authorization: `Bearer ${c.credential}` });

async function enrolAt(counterId: string, site?: string): Promise<EnrolResponse> {
  const c = await server.app.inject({ method: 'POST', url: '/v1/admin/enrolment-codes', headers: admin(), payload: { counterId, counterName: `Quầy ${counterId}`, ...(site ? { site } : {}) } });
  expect(c.statusCode, c.body).toBe(201);
  const e = await server.app.inject({ method: 'POST', url: '/v1/enrol', payload: { code: (c.json() as { code: string }).code, deviceName: counterId } });
  expect(e.statusCode, e.body).toBe(201);
  return e.json() as EnrolResponse;
}

async function receive(c: EnrolResponse): Promise<EventOf<'received'>> {
  const r = received(c.counterId, dossierCode(await server.firstDossierSeq(c, '260130', 5), '260130'));
  await push(c, [r]);
  return r;
}

async function push(c: EnrolResponse, events: DossierEvent[]): Promise<PushResponse> {
  const r = await server.app.inject({ method: 'POST', url: '/v1/push', headers: auth(c), payload: { events } });
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as PushResponse;
}

async function pulled(c: EnrolResponse, after = 0): Promise<string[]> {
  const r = await server.app.inject({ method: 'GET', url: `/v1/pull?after=${after}`, headers: auth(c) });
  return (r.json() as PullResponse).dossiers.map((d) => d.id);
}

beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(() => server.close());

describe('sites', () => {
  it('a counter pulls its own site’s dossiers, whoever touches them later, and looks up the others', async () => {
    const a1 = await enrolAt('A1', 'HUYEN-A');
    const a2 = await enrolAt('A2', 'HUYEN-A');
    const b1 = await enrolAt('B1', 'HUYEN-B');
    const solo = await enrolAt('C1');
    expect([a1.site, b1.site, solo.site]).toEqual(['HUYEN-A', 'HUYEN-B', '']);

    const atA = await receive(a1);
    const atB = await receive(b1);
    const atCenter = await receive(solo);
    expect(await pulled(a2)).toEqual([atA.dossierId]);
    expect(await pulled(b1)).toEqual([atB.dossierId]);
    expect(await pulled(solo)).toEqual([atCenter.dossierId]);

    // A counter of site B hands site A's dossier on: it stays site A's, and A's counters see the change.
    const handed = await push(b1, [handedToCourier(b1.counterId, atA.dossierId)]);
    const stored = handed.results[0]!;
    if (stored.status !== 'stored') throw new Error(`not stored: ${stored.status}`);
    expect(await pulled(a2, stored.seq - 1)).toEqual([atA.dossierId]);
    expect(await pulled(b1)).toEqual([atB.dossierId]);

    const lookup = await server.app.inject({ method: 'GET', url: `/v1/dossiers?code=${encodeURIComponent(atA.payload.code)}`, headers: auth(b1) });
    expect(lookup.statusCode, lookup.body).toBe(200);
    expect((lookup.json() as DossierLookupResponse).dossiers.map((d) => d.snapshot.id)).toEqual([atA.dossierId]);
  });

  it('refuses a site that is not a plain name', async () => {
    const c = await server.app.inject({ method: 'POST', url: '/v1/admin/enrolment-codes', headers: admin(), payload: { counterId: 'X1', counterName: 'Quầy X1', site: 'Huyện A' } });
    expect(c.statusCode).toBe(400);
  });
});
