import { randomUUID } from 'node:crypto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { MotCuaDb } from '../db/schema';
import { recordCommand } from '../db/command';
import { dossierCode, received } from '../../tests/sync/events';
import { COUNTER_NAMES_SETTING, SyncClient, backoffDelay } from './client';
import type { SyncStatus } from './client';

const db = () => new MotCuaDb(`c-${randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
const json = (status: number, body: unknown, date?: Date) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...(date ? { date: date.toUTCString() } : {}) } });

describe('backoffDelay', () => {
  it('doubles up to the ceiling, with jitter between half and all of it', () => {
    expect(backoffDelay(1, 1000, 60_000, () => 0)).toBe(500);
    expect(backoffDelay(1, 1000, 60_000, () => 1)).toBe(1000);
    expect(backoffDelay(4, 1000, 60_000, () => 1)).toBe(8000);
    expect(backoffDelay(20, 1000, 60_000, () => 0.5)).toBe(45_000);
  });
});

describe('SyncClient', () => {
  it('reports offline in plain Vietnamese and keeps the events waiting', async () => {
    const d = db();
    await recordCommand(d, [received('Q01', dossierCode(1))]);
    const client = new SyncClient({
      db: d,
      baseUrl: 'http://x',
      credential: 'dev_x',
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    const seen: SyncStatus[] = [];
    client.subscribe((s) => seen.push(s));
    await expect(client.syncOnce()).rejects.toThrow(/Không kết nối được máy chủ/);
    const s = client.getStatus();
    expect(s.online).toBe(false);
    expect(s.pendingCount).toBe(1);
    expect(s.lastError?.code).toBe('OFFLINE');
    expect(seen.some((x) => x.syncing)).toBe(true);
  });

  it('measures clock skew from the server time and warns past a few minutes', async () => {
    const d = db();
    const ahead = new Date(Date.now() + 10 * 60_000);
    const client = new SyncClient({
      db: d,
      baseUrl: 'http://x',
      credential: 'dev_x',
      fetch: async () => json(200, { dossiers: [], next: 0, more: false, serverTime: ahead.toISOString() }),
    });
    await client.syncOnce();
    const s = client.getStatus();
    expect(s.online).toBe(true);
    expect(s.clockSkewMs!).toBeGreaterThan(9 * 60_000);
    expect(s.clockSkewWarning).toBe(true);
    expect(s.lastSuccessAt).toBeTruthy();
  });

  it("shows the server's refusal message for a revoked device", async () => {
    const d = db();
    const client = new SyncClient({
      db: d,
      baseUrl: 'http://x',
      credential: 'dev_x',
      fetch: async () => json(403, { error: { code: 'DEVICE_REVOKED', message: 'Máy quầy này đã bị thu hồi quyền truy cập.' } }),
    });
    await expect(client.syncOnce()).rejects.toThrow();
    expect(client.getStatus().lastError).toMatchObject({ code: 'DEVICE_REVOKED', httpStatus: 403 });
    expect(client.getStatus().online).toBe(true);
  });

  it('pushes the outbox in order in bounded chunks', async () => {
    const d = db();
    const events = Array.from({ length: 7 }, (_, i) => received('Q01', dossierCode(i + 1)));
    for (const e of events) await recordCommand(d, [e]);
    const chunks: string[][] = [];
    let seq = 0;
    const client = new SyncClient({
      db: d,
      baseUrl: 'http://x',
      credential: 'dev_x',
      pushChunk: 3,
      fetch: async (url, init) => {
        if (String(url).includes('/v1/push')) {
          const ids = (JSON.parse(String(init!.body)) as { events: { id: string }[] }).events.map((e) => e.id);
          chunks.push(ids);
          return json(200, { results: ids.map((id) => ({ id, status: 'stored', seq: ++seq })), serverTime: new Date().toISOString() });
        }
        return json(200, { dossiers: [], next: 0, more: false, serverTime: new Date().toISOString() });
      },
    });
    await client.syncOnce();
    expect(chunks.map((c) => c.length)).toEqual([3, 3, 1]);
    expect(chunks.flat()).toEqual(events.map((e) => e.id));
    expect(client.getStatus().pendingCount).toBe(0);
  });

  it('stores the staff list for offline sign-in and asks only for what changed since, and the counters’ names', async () => {
    const d = db();
    const asked: string[] = [];
    const staff = (version: number) => ({ id: `s${version}`, username: `canbo${version}`, fullName: 'Nguyễn Thị Lan', roles: ['receiving'], passwordHash: 'scrypt$x', disabled: false, version });
    const client = new SyncClient({
      db: d,
      baseUrl: 'http://x',
      credential: 'dev_x',
      fetch: async (url) => {
        const u = new URL(String(url));
        if (u.pathname === '/v1/counters') return json(200, { counters: [{ counterId: 'quay-5', counterName: 'Quầy 5 – Trả kết quả' }], serverTime: new Date().toISOString() });
        if (u.pathname === '/v1/staff') {
          asked.push(u.search);
          const after = Number(u.searchParams.get('after'));
          const rows = [staff(3), staff(5)].filter((r) => r.version > after);
          return json(200, { staff: rows, version: rows.at(-1)?.version ?? after });
        }
        return json(200, { dossiers: [], next: 0, more: false });
      },
    });
    await client.syncOnce();
    expect((await d.staff.toArray()).map((r) => r.username).sort()).toEqual(['canbo3', 'canbo5']);
    expect(await client.pullStaff()).toBe(0);
    expect(asked).toEqual(['?after=0', '?after=5']);
    expect((await d.syncState.get('main'))?.staffVersion).toBe(5);
    // The counters' names come with it, for history lists and conflicts.
    expect((await d.settings.get(COUNTER_NAMES_SETTING))?.value).toEqual([{ counterId: 'quay-5', counterName: 'Quầy 5 – Trả kết quả' }]);
  });

  it('is woken by the outbox write of a desk command, not by a screen, and never by its own acks', async () => {
    const d = db();
    const pushed: string[] = [];
    let seq = 0;
    const client = new SyncClient({
      db: d,
      baseUrl: 'http://x',
      credential: 'dev_x',
      pollIntervalMs: 3_600_000,
      fetch: async (url, init) => {
        if (String(url).includes('/v1/push')) {
          const ids = (JSON.parse(String(init!.body)) as { events: { id: string }[] }).events.map((e) => e.id);
          pushed.push(...ids);
          return json(200, { results: ids.map((id) => ({ id, status: 'stored', seq: ++seq })), serverTime: new Date().toISOString() });
        }
        return json(200, { dossiers: [], next: 0, more: false, items: [], version: 0, staff: [], serverTime: new Date().toISOString() });
      },
    });
    const exchanges = () => client.getStatus().lastSuccessAt;
    client.start();
    await expect.poll(exchanges).toBeTruthy();
    const first = received('Q01', dossierCode(1));
    await recordCommand(d, [first]);
    // The hour-long poll would never come within the test: only the outbox write can bring this push.
    await expect.poll(() => pushed, { timeout: 2000 }).toEqual([first.id]);
    // The exchange that pushed goes on to pull after the acks: it is over only when the client is idle.
    await expect.poll(() => client.getStatus().pendingCount === 0 && !client.getStatus().syncing).toBe(true);
    const settled = exchanges();
    await new Promise((r) => setTimeout(r, 200));
    expect(exchanges()).toBe(settled);
    await client.stop();
  });
});
