// The sync client against the real server over real HTTP: an idle counter's pull waits at the server
// for its site's next change (long poll) instead of polling, a desk command ends the wait and is
// pushed at once, and the catalogue is asked for only when the pull says it moved. A server that
// refuses long polls (one from before them: 400 for `wait`) is polled as before.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MotCuaDb } from '../../renderer/db/schema';
import { recordCommand } from '../../renderer/db/command';
import { SyncClient } from '../../renderer/sync/client';
import { buildApp } from '../../server/app';
import { PullWaiters } from '../../server/pull';
import type { EnrolResponse } from '../../shared/sync/protocol';
import { dossierCode, received } from './events';
import { startTestServer, type TestServer } from './harness';

let server: TestServer;
let app: Awaited<ReturnType<typeof buildApp>>;
let base: string;
const waiters = new PullWaiters();

beforeAll(async () => {
  server = await startTestServer();
  // A second app on the same database, listening, whose waiting pulls the test can see.
  app = await buildApp({ db: server.db, pullWaiters: waiters });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
}, 60_000);
afterAll(async () => {
  await app.close();
  await server.close();
});

/** A counter with its own IndexedDB and a fetch that counts what it asks for, by path. */
function counter(c: EnrolResponse, options: { pollIntervalMs: number; fetch?: typeof fetch }) {
  const db = new MotCuaDb('motcua', { indexedDB: new IDBFactory(), IDBKeyRange });
  const asked: string[] = [];
  const send = options.fetch ?? fetch;
  const client = new SyncClient({
    db,
    baseUrl: base,
    credential: c.credential,
    pollIntervalMs: options.pollIntervalMs,
    fetch: (url, init) => {
      const u = new URL(String(url));
      asked.push(u.pathname + (u.searchParams.has('wait') ? '+wait' : ''));
      return send(url, init);
    },
  });
  return { db, client, asked, count: (path: string) => asked.filter((a) => a === path).length };
}

async function pushAs(c: EnrolResponse, date: string) {
  const r = received(c.counterId, dossierCode(await server.firstDossierSeq(c, date, 5), date));
  const res = await app.inject({ method: 'POST', url: '/v1/push', headers: { authorization: `Bearer ${c.credential}` }, payload: { events: [r] } });
  expect(res.statusCode, res.body).toBe(200);
  return r;
}

describe('long poll', () => {
  it('an idle counter waits at the server, gets another counter’s change at once, and pushes its own without waiting out the pull', async () => {
    const enrolled = await server.enrol('LP1');
    const a = counter(enrolled, { pollIntervalMs: 50 });
    const other = await server.enrol('LP2');
    a.client.start();
    await expect.poll(() => waiters.waiting, { timeout: 5_000 }).toBe(1);
    // Idle for a second: polling every 50 ms would have pulled some twenty times; the long poll pulls not once more.
    const pulls = () => a.count('/v1/pull') + a.count('/v1/pull+wait');
    const pullsBefore = pulls();
    // The first exchange fetched the catalogue once (the centers reach counters in it, and the default
    // center's row was written at the server's start); after that it did not move: never asked again.
    const cataloguesBefore = a.count('/v1/catalogue');
    expect(cataloguesBefore).toBeLessThanOrEqual(1);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(pulls() - pullsBefore).toBe(0);
    expect(a.count('/v1/pull+wait')).toBe(1);
    expect(a.count('/v1/catalogue')).toBe(cataloguesBefore);

    const t0 = Date.now();
    const theirs = await pushAs(other, '260301');
    await expect.poll(async () => (await a.db.dossiers.get(theirs.dossierId))?.code, { timeout: 3_000 }).toBe(theirs.payload.code);
    expect(Date.now() - t0).toBeLessThan(3_000);

    // A desk command while the pull waits: pushed at once, not after the 25 s wait.
    await expect.poll(() => waiters.waiting, { timeout: 5_000 }).toBe(1);
    const mine = received(enrolled.counterId, dossierCode(await server.firstDossierSeq(enrolled, '260301', 5), '260301'));
    const t1 = Date.now();
    await recordCommand(a.db, [mine]);
    // Acknowledged: the event has its server sequence (its outbox row leaves once a pull covers it).
    await expect.poll(async () => (await a.db.events.get(mine.id))?.seq, { timeout: 3_000 }).toBeGreaterThan(0);
    expect(Date.now() - t1).toBeLessThan(3_000);

    // The catalogue moved: the next pull says so and the counter fetches it.
    const put = await app.inject({ method: 'PUT', url: '/v1/admin/catalogue/department/STP', headers: { authorization: `Bearer ${server.adminToken}` }, payload: { body: { name: 'Sở Tư pháp' } } });
    expect(put.statusCode, put.body).toBe(200);
    // The catalogue is not a dossier change: it reaches the counter at its next exchange (a desk command here).
    await recordCommand(a.db, [received(enrolled.counterId, dossierCode(await server.firstDossierSeq(enrolled, '260302', 5), '260302'))]);
    await expect.poll(async () => (await a.db.catalogue.get('department:STP'))?.body, { timeout: 5_000 }).toEqual({ name: 'Sở Tư pháp' });
    expect(a.count('/v1/catalogue')).toBe(cataloguesBefore + 1);
    await a.client.stop();
    expect(waiters.waiting).toBe(0);
  });

  it('polls a server that refuses long polls (400 for wait), as before them', async () => {
    const enrolled = await server.enrol('LP3');
    // A server from before long polls: its pull schema has no `wait` and answers 400.
    const old: typeof fetch = async (url, init) => {
      if (new URL(String(url)).searchParams.has('wait')) {
        return new Response(JSON.stringify({ error: { code: 'INVALID_REQUEST', message: 'Yêu cầu không hợp lệ.' } }), { status: 400, headers: { 'content-type': 'application/json' } });
      }
      return fetch(url, init);
    };
    const a = counter(enrolled, { pollIntervalMs: 100, fetch: old });
    a.client.start();
    await expect.poll(() => a.count('/v1/pull'), { timeout: 5_000 }).toBeGreaterThanOrEqual(5);
    expect(a.count('/v1/pull+wait')).toBe(1);
    expect(a.client.getStatus().lastError).toBeUndefined();
    await a.client.stop();
  });
});
