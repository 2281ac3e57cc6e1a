// Pull under load (server/pull.ts): snapshots served as the text the push committer kept, a page that
// stays a prefix of what the database listed when a dossier changes meanwhile, the catalogue's version
// with every pull, and the long poll (a pull that waits for its site's next change).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierEvent, EventOf } from '../shared/domain';
import type { EnrolResponse, PullResponse, PushResponse } from '../shared/sync/protocol';
import { dossierCode, handedToCourier, received } from '../tests/sync/events';
import { openTestDb, startTestServer, type TestServer } from '../tests/sync/harness';
import { buildApp } from './app';
import type { Db, Queryable } from './db';
import { pullPage, PullWaiters, SnapshotCache } from './pull';
import { SNAPSHOT_COLUMNS, toSnapshot, type SnapshotRow } from './snapshots';

let server: TestServer;
/** Every statement the app ran, in order. */
const statements: string[] = [];
const admin = () => ({ authorization: `Bearer ${server.adminToken}` });
const auth = (c: EnrolResponse) => ({ authorization: `Bearer ${c.credential}` });
const SNAPSHOT_READ = /FROM dossiers WHERE id = ANY/;

beforeAll(async () => {
  const db = await openTestDb();
  const counted: Db = Object.assign(Object.create(db) as Db, {
    query: <T>(sql: string, params?: unknown[]) => (statements.push(sql), db.query<T>(sql, params)),
    close: () => db.close(),
  });
  server = await startTestServer(counted);
}, 60_000);
afterAll(() => server.close());

const centersMade = new Set<string>();

/** The center `site` of the province (migration 012), made once with an agency code of its own. */
async function ensureCenter(site: string): Promise<void> {
  if (site === '' || centersMade.has(site)) return;
  centersMade.add(site);
  const agencyCode = `000.${String(50 + centersMade.size).padStart(2, '0')}.41.H41`;
  const r = await server.app.inject({ method: 'PUT', url: `/v1/admin/centers/${site}`, headers: admin(), payload: { agencyCode, name: `Trung tâm ${site}`, level: 'xa' } });
  expect(r.statusCode, r.body).toBe(200);
}

async function enrolAt(counterId: string, site: string): Promise<EnrolResponse> {
  await ensureCenter(site);
  const c = await server.app.inject({ method: 'POST', url: '/v1/admin/enrolment-codes', headers: admin(), payload: { counterId, counterName: `Quầy ${counterId}`, site } });
  expect(c.statusCode, c.body).toBe(201);
  const e = await server.app.inject({ method: 'POST', url: '/v1/enrol', payload: { code: (c.json() as { code: string }).code, deviceName: counterId } });
  expect(e.statusCode, e.body).toBe(201);
  return e.json() as EnrolResponse;
}

async function push(c: EnrolResponse, events: DossierEvent[]): Promise<PushResponse> {
  const r = await server.app.inject({ method: 'POST', url: '/v1/push', headers: auth(c), payload: { events } });
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as PushResponse;
}

async function receive(c: EnrolResponse, date: string): Promise<EventOf<'received'>> {
  const r = received(c.counterId, dossierCode(await server.firstDossierSeq(c, date, 5), date));
  await push(c, [r]);
  return r;
}

async function pull(c: EnrolResponse, query: string): Promise<PullResponse> {
  const r = await server.app.inject({ method: 'GET', url: `/v1/pull?${query}`, headers: auth(c) });
  expect(r.statusCode, r.body).toBe(200);
  expect(r.headers['content-type']).toMatch(/^application\/json/);
  return r.json() as PullResponse;
}

/** What the pull sent before it kept snapshots as text: every column of the row, read and serialised. */
async function fromTable(ids: string[]): Promise<unknown[]> {
  const { rows } = await server.db.query<SnapshotRow>(`SELECT ${SNAPSHOT_COLUMNS} FROM dossiers WHERE id = ANY($1::uuid[]) ORDER BY last_seq`, [ids]);
  return rows.map(toSnapshot);
}

describe('pull from kept snapshots', () => {
  it('answers what the table holds, without reading the snapshots the push committer just wrote', async () => {
    const a = await enrolAt('P1', 'keep');
    const b = await enrolAt('P2', 'keep');
    const r1 = await receive(a, '260201');
    const r2 = await receive(b, '260201');
    await push(a, [handedToCourier(a.counterId, r1.dossierId)]);
    statements.length = 0;
    const page = await pull(b, 'after=0');
    // One statement lists the changed dossiers; their text came from the committer, not from the table.
    expect(statements.filter((s) => SNAPSHOT_READ.test(s))).toEqual([]);
    expect(page.dossiers.map((d) => d.id)).toEqual([r2.dossierId, r1.dossierId]);
    expect(page.dossiers).toEqual(await fromTable([r1.dossierId, r2.dossierId]));
    expect(page.dossiers[1]!.state.status).toBe('withCourier');
    expect(page.next).toBe(page.dossiers[1]!.lastSeq);
  });

  it('reads a snapshot it does not hold (written by a conflict resolution, or by another server) from the table', async () => {
    const a = await enrolAt('P3', 'cold');
    const r1 = await receive(a, '260202');
    const fresh = await startTestServer(server.db);
    try {
      statements.length = 0;
      const r = await fresh.app.inject({ method: 'GET', url: '/v1/pull?after=0', headers: auth(a) });
      expect(statements.filter((s) => SNAPSHOT_READ.test(s))).toHaveLength(1);
      expect((r.json() as PullResponse).dossiers).toEqual(await fromTable([r1.dossierId]));
    } finally {
      await fresh.app.close();
    }
  });

  it('ends the page before a dossier that changed between listing and reading, and the next page has it', async () => {
    const a = await enrolAt('P4', 'moving');
    const r1 = await receive(a, '260203');
    const r2 = await receive(a, '260203');
    const r3 = await receive(a, '260203');
    // The read of the missing texts happens after r2 has moved on (the list still had its old place).
    let moved = false;
    const db: Queryable = {
      query: async <T>(sql: string, params?: unknown[]) => {
        if (SNAPSHOT_READ.test(sql) && !moved) {
          moved = true;
          await push(a, [handedToCourier(a.counterId, r2.dossierId)]);
        }
        return server.db.query<T>(sql, params);
      },
    };
    const first = await pullPage(db, new SnapshotCache(), 'moving', 0, 10);
    const ids = (p: { snapshots: Buffer[] }) => p.snapshots.map((s) => (JSON.parse(s.toString()) as { id: string }).id);
    expect(ids(first)).toEqual([r1.dossierId]);
    expect(first.more).toBe(true);
    const second = await pullPage(db, new SnapshotCache(), 'moving', first.next, 10);
    expect(ids(second)).toEqual([r3.dossierId, r2.dossierId]);
    expect((JSON.parse(second.snapshots[1]!.toString()) as { state: { status: string } }).state.status).toBe('withCourier');
    expect(second.more).toBe(false);
  });

  it('keeps the newest text per dossier and lets the oldest written go past its size', () => {
    const cache = new SnapshotCache(3_000);
    const snap = (id: string, lastSeq: number) =>
      ({ id, code: null, status: 'received', state: { pad: 'x'.repeat(600) }, lastSeq, registerYear: null, registerNumber: null, openConflicts: 0 }) as never;
    cache.put(snap('a', 2));
    cache.put(snap('a', 1));
    expect(cache.get('a', 2)?.toString()).toContain('"lastSeq":2');
    expect(cache.get('a', 1)).toBeUndefined();
    for (const id of ['b', 'c', 'd', 'e']) cache.put(snap(id, 3));
    expect(cache.get('a', 2)).toBeUndefined();
    expect(cache.get('e', 3)).toBeDefined();
    expect(cache.size).toBeLessThanOrEqual(4);
  });
});

describe('catalogue version with every pull', () => {
  it('says the version of the latest catalogue change, at once after this server wrote it', async () => {
    const c = await enrolAt('P5', 'cat');
    const put = await server.app.inject({ method: 'PUT', url: '/v1/admin/catalogue/department/SXD', headers: admin(), payload: { body: { name: 'Sở Xây dựng' } } });
    expect(put.statusCode, put.body).toBe(200);
    const version = (put.json() as { version: number }).version;
    expect((await pull(c, 'after=0')).catalogueVersion).toBe(version);
    const del = await server.app.inject({ method: 'DELETE', url: '/v1/admin/catalogue/department/SXD', headers: admin() });
    expect((await pull(c, 'after=0')).catalogueVersion).toBe((del.json() as { version: number }).version);
  });
});

describe('long poll', () => {
  it('holds a pull with nothing new until its site changes, and answers with the change', async () => {
    const a = await enrolAt('L1', 'wait');
    const b = await enrolAt('L2', 'wait');
    const cursor = (await pull(a, 'after=0')).next;
    const t0 = Date.now();
    const waiting = pull(a, `after=${cursor}&wait=20`);
    await new Promise((r) => setTimeout(r, 300));
    const r = await receive(b, '260204');
    const page = await waiting;
    expect(page.dossiers.map((d) => d.id)).toEqual([r.dossierId]);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it('ends the waits of the counters a catalogue change concerns: a province-wide item every center’s, a center’s item its own', async () => {
    const a = await enrolAt('L6', 'catwait');
    await ensureCenter('catelse');
    const { next, catalogueVersion } = await pull(a, 'after=0');
    const t0 = Date.now();
    const waiting = pull(a, `after=${next}&wait=20`);
    await new Promise((r) => setTimeout(r, 300));
    const put = await server.app.inject({ method: 'PUT', url: '/v1/admin/catalogue/setting/idleLockMinutes', headers: admin(), payload: { body: { minutes: 5 } } });
    expect(put.statusCode, put.body).toBe(200);
    const page = await waiting;
    expect(page.catalogueVersion).toBeGreaterThan(catalogueVersion ?? 0);
    expect(Date.now() - t0).toBeLessThan(10_000);
    // Another center's own item does not end this center's wait; its own does.
    const quiet = pull(a, `after=${next}&wait=1`);
    const t1 = Date.now();
    const own = (site: string) =>
      server.app.inject({ method: 'PUT', url: `/v1/admin/centers/${site}/catalogue/setting/receive`, headers: admin(), payload: { body: { unitName: `Trung tâm ${site}` } } });
    expect((await own('catelse')).statusCode).toBe(200);
    expect((await quiet).catalogueVersion).toBe(page.catalogueVersion);
    expect(Date.now() - t1).toBeGreaterThanOrEqual(900);
    const woken = pull(a, `after=${next}&wait=20`);
    await new Promise((r) => setTimeout(r, 300));
    const t2 = Date.now();
    expect((await own('catwait')).statusCode).toBe(200);
    expect((await woken).catalogueVersion).toBeGreaterThan(page.catalogueVersion ?? 0);
    expect(Date.now() - t2).toBeLessThan(10_000);
  });

  it('answers at once when the site already changed after the cursor, and empty at the end of the wait', async () => {
    const a = await enrolAt('L3', 'quiet');
    const r = await receive(a, '260205');
    expect((await pull(a, 'after=0&wait=20')).dossiers.map((d) => d.id)).toEqual([r.dossierId]);
    // Another site's change does not end the wait.
    const other = await enrolAt('L4', 'elsewhere');
    const next = (await pull(a, 'after=0')).next;
    const t0 = Date.now();
    const waiting = pull(a, `after=${next}&wait=1`);
    await receive(other, '260205');
    const page = await waiting;
    expect(page.dossiers).toEqual([]);
    expect(page.next).toBe(next);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
  });

  it('lets go of a counter that hung up, and of every wait when the server stops', async () => {
    const a = await enrolAt('L5', 'gone');
    const waiters = new PullWaiters();
    const app = await buildApp({ db: server.db, pullWaiters: waiters });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const hangUp = new AbortController();
    const hungUp = fetch(`${base}/v1/pull?after=999999&wait=20`, { headers: auth(a), signal: hangUp.signal }).catch(() => 'hung up');
    await until(() => waiters.waiting === 1);
    hangUp.abort();
    expect(await hungUp).toBe('hung up');
    await until(() => waiters.waiting === 0);
    // A wait in progress when the server closes is answered (empty), and closing does not wait 20 s for it.
    const held = fetch(`${base}/v1/pull?after=999999&wait=20`, { headers: auth(a) });
    await until(() => waiters.waiting === 1);
    const t0 = Date.now();
    const [answer] = await Promise.all([held, app.close()]);
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as PullResponse).dossiers).toEqual([]);
    expect(Date.now() - t0).toBeLessThan(5_000);
  });
});

async function until(ok: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 25));
  expect(ok()).toBe(true);
}
