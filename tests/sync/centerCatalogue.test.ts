// The catalogue version a pull carries is the counter's own center's (migration 012): a change to
// another center's items never sends a counter after the catalogue, whose fetch (scoped to its center)
// would find nothing newer and so be asked for again on every exchange. The real sync client against
// the real server over HTTP; the server itself counts the requests it receives from each counter.
import type { IncomingMessage } from 'node:http';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MotCuaDb } from '../../renderer/db/schema';
import { SyncClient } from '../../renderer/sync/client';
import { buildApp } from '../../server/app';
import type { EnrolResponse } from '../../shared/sync/protocol';
import { startTestServer, type TestServer } from './harness';

let server: TestServer;
let app: Awaited<ReturnType<typeof buildApp>>;
let base: string;
/** Every request the listening server received: the credential it came with and its route. */
const received: { credential: string; route: string }[] = [];

const admin = () => ({ authorization: `Bearer ${server.adminToken}` });

async function call(method: 'PUT' | 'POST', url: string, payload: unknown): Promise<{ version?: number; code?: string }> {
  const r = await app.inject({ method, url, headers: admin(), payload: payload as Record<string, unknown> });
  expect(r.statusCode, r.body).toBeLessThan(300);
  return r.json() as { version?: number; code?: string };
}

async function enrolAt(counterId: string, center: string): Promise<EnrolResponse> {
  const { code } = await call('POST', '/v1/admin/enrolment-codes', { counterId, counterName: `Quầy ${counterId}`, center });
  const e = await app.inject({ method: 'POST', url: '/v1/enrol', payload: { code, deviceName: counterId } });
  expect(e.statusCode, e.body).toBe(201);
  return e.json() as EnrolResponse;
}

function counter(enrolled: EnrolResponse) {
  const db = new MotCuaDb('motcua', { indexedDB: new IDBFactory(), IDBKeyRange });
  const client = new SyncClient({ db, baseUrl: base, credential: enrolled.credential });
  const asked = (route: string) => received.filter((r) => r.credential === enrolled.credential && r.route === route).length;
  return { db, client, asked };
}

beforeAll(async () => {
  server = await startTestServer();
  app = await buildApp({ db: server.db });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  // Beside Fastify's own listener on the HTTP server: every request that reaches it.
  app.server.on('request', (req: IncomingMessage) => {
    received.push({ credential: (req.headers.authorization ?? '').replace(/^Bearer /, ''), route: (req.url ?? '').split('?')[0]! });
  });
  await call('PUT', '/v1/admin/centers/XA-A', { agencyCode: '000.22.41.H41', name: 'Trung tâm Phục vụ hành chính công xã Diễn Châu', level: 'xa' });
  await call('PUT', '/v1/admin/centers/XA-B', { agencyCode: '000.23.41.H41', name: 'Trung tâm Phục vụ hành chính công phường Vinh Hưng', level: 'xa' });
}, 60_000);
afterAll(async () => {
  await app.close();
  await server.close();
});

it('a counter of commune A fetches the catalogue at most once while ward B’s items change, and at once when its own or the province’s do', async () => {
  const a = counter(await enrolAt('A1', 'XA-A'));
  const b = counter(await enrolAt('B1', 'XA-B'));
  for (const k of [a, b]) await k.client.syncOnce();
  expect(a.asked('/v1/catalogue')).toBe(1);
  const heldBefore = (await a.db.syncState.get('main'))!.catalogueVersion;

  // Ward B's own calendar day and receipt series: B's counter fetches them once; A's never asks.
  await call('PUT', '/v1/admin/centers/XA-B/catalogue/holiday/2026-05-04', { body: { name: 'Nghỉ riêng của phường Vinh Hưng' } });
  await call('PUT', '/v1/admin/centers/XA-B/catalogue/setting/receive', { body: { receiptSeries: '{yy}TVH' } });
  // Past the server's read age of the versions (1 s), so what it says is what the database holds, as
  // for a change another server process wrote.
  await new Promise((r) => setTimeout(r, 1_100));
  for (let i = 0; i < 5; i++) for (const k of [a, b]) await k.client.syncOnce();
  expect(a.asked('/v1/pull')).toBe(6);
  // At most once was the brief; none is what a version of A's own gives (before it: five, each an empty page).
  expect(a.asked('/v1/catalogue') - 1).toBe(0);
  expect((await a.db.syncState.get('main'))!.catalogueVersion).toBe(heldBefore);
  expect(await a.db.catalogue.get('holiday:2026-05-04')).toBeUndefined();
  expect(b.asked('/v1/catalogue')).toBe(2);
  expect(await b.db.catalogue.get('holiday:2026-05-04')).toMatchObject({ body: { name: 'Nghỉ riêng của phường Vinh Hưng' } });

  // Commune A's own item: A's counter fetches it at its next exchange, once; B's does not ask.
  await call('PUT', '/v1/admin/centers/XA-A/catalogue/setting/receive', { body: { receiptSeries: '{yy}TDC' } });
  for (let i = 0; i < 3; i++) for (const k of [a, b]) await k.client.syncOnce();
  expect(a.asked('/v1/catalogue')).toBe(2);
  expect(b.asked('/v1/catalogue')).toBe(2);
  expect((await a.db.catalogue.get('setting:receive'))?.body).toEqual({ receiptSeries: '{yy}TDC' });

  // A province-wide item reaches both, each with one fetch.
  await call('PUT', '/v1/admin/catalogue/department/SNN', { body: { id: 'SNN', name: 'Sở Nông nghiệp và Môi trường' } });
  for (let i = 0; i < 3; i++) for (const k of [a, b]) await k.client.syncOnce();
  expect(a.asked('/v1/catalogue')).toBe(3);
  expect(b.asked('/v1/catalogue')).toBe(3);
  for (const k of [a, b]) expect(await k.db.catalogue.get('department:SNN')).toMatchObject({ body: { name: 'Sở Nông nghiệp và Môi trường' } });
});
