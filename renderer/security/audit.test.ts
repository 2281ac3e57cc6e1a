import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { MotCuaDb } from '../db';
import { AuditSync, pendingAudit, pushAudit, recentAudit, recordAudit, type AuditEntry } from './audit';

let db: MotCuaDb;
afterEach(() => db?.close());

function openDb(): MotCuaDb {
  db = new MotCuaDb(`audit-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  return db;
}

const base = { counterId: 'Q01', officerId: 'o1', officerName: 'Nguyễn Thị Lan', dossierId: 'd1', action: 'view', field: 'idNumber' } as const;

/** A fake server that acknowledges what it stores, or fails while `down`. */
function fakeServer() {
  const stored = new Map<string, AuditEntry>();
  const state = { down: false, status: 200, calls: 0 };
  const fetch: typeof globalThis.fetch = (async (_url: string, init: RequestInit) => {
    state.calls++;
    if (state.down) throw new TypeError('Failed to fetch');
    if (state.status !== 200) return new Response(JSON.stringify({ error: { code: 'X', message: 'Máy quầy chưa được đăng ký.' } }), { status: state.status });
    const { entries } = JSON.parse(String(init.body)) as { entries: AuditEntry[] };
    for (const e of entries) stored.set(e.id, e);
    return new Response(JSON.stringify({ acked: entries.map((e) => e.id) }), { status: 200 });
  }) as typeof globalThis.fetch;
  return { stored, state, fetch };
}

describe('audit log', () => {
  it('keeps entries durably, pending until the server acknowledges them', async () => {
    openDb();
    const a = await recordAudit(db, base, new Date('2026-01-12T02:00:00Z'));
    const b = await recordAudit(db, { ...base, field: 'phone' }, new Date('2026-01-12T02:01:00Z'));
    expect(a.at).toBe('2026-01-12T02:00:00.000Z');
    expect((await pendingAudit(db)).map((e) => e.id)).toEqual([a.id, b.id]);

    const server = fakeServer();
    server.state.down = true;
    const offline = await pushAudit(db, { serverUrl: 'http://server', token: 'dev_x', fetch: server.fetch });
    expect(offline).toMatchObject({ ok: false, message: expect.stringMatching(/mất kết nối/) });
    expect(await pendingAudit(db)).toHaveLength(2);

    server.state.down = false;
    server.state.status = 401;
    const refused = await pushAudit(db, { serverUrl: 'http://server', token: 'dev_x', fetch: server.fetch });
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/chưa được đăng ký/) });

    server.state.status = 200;
    expect(await pushAudit(db, { serverUrl: 'http://server', token: 'dev_x', fetch: server.fetch })).toEqual({ ok: true, acked: 2 });
    expect(await pendingAudit(db)).toEqual([]);
    expect([...server.stored.keys()].sort()).toEqual([a.id, b.id].sort());
    expect((await recentAudit(db)).map((d) => [d.entry.id, d.acked])).toEqual([
      [b.id, true],
      [a.id, true],
    ]);
  });

  it('sends in batches of at most 500', async () => {
    openDb();
    for (let i = 0; i < 501; i++) await recordAudit(db, base, new Date(Date.UTC(2026, 0, 12, 2, 0, i)));
    const sizes: number[] = [];
    const server = fakeServer();
    const fetch = ((url: string, init: RequestInit) => {
      sizes.push((JSON.parse(String(init.body)) as { entries: unknown[] }).entries.length);
      return server.fetch(url, init);
    }) as typeof globalThis.fetch;
    expect(await pushAudit(db, { serverUrl: 'http://server', token: 'dev_x', fetch })).toEqual({ ok: true, acked: 501 });
    expect(sizes).toEqual([500, 1]);
  });

  it('AuditSync retries until the entry is acknowledged', async () => {
    openDb();
    const server = fakeServer();
    server.state.down = true;
    const outcomes: boolean[] = [];
    const sync = new AuditSync(db, { serverUrl: 'http://server', token: 'dev_x', fetch: server.fetch }, { baseMs: 5, maxMs: 20, idleMs: 10_000, onOutcome: (o) => outcomes.push(o.ok) });
    const entry = await recordAudit(db, base);
    sync.start();
    await expect.poll(() => server.state.calls, { timeout: 2_000 }).toBeGreaterThanOrEqual(2);
    expect(server.stored.size).toBe(0);
    server.state.down = false;
    await expect.poll(async () => (await pendingAudit(db)).length, { timeout: 2_000 }).toBe(0);
    sync.stop();
    expect(server.stored.has(entry.id)).toBe(true);
    expect(outcomes[0]).toBe(false);
    expect(outcomes.at(-1)).toBe(true);
  });
});
