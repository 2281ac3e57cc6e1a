// An event the server refuses for good (a NUL typed into a name, a field it does not know) is set
// aside at the counter with the server's Vietnamese reason, kept, and no longer sent: the events
// behind it keep reaching the server. Against the real server in process.
import { randomUUID } from 'node:crypto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossierCode, received } from '../../tests/sync/events';
import { startTestServer, type TestServer } from '../../tests/sync/harness';
import { FakeNetwork } from '../../tests/sync/network';
import { recordCommand } from '../db/command';
import { MotCuaDb } from '../db/schema';
import { SyncClient } from './client';

let server: TestServer;
let counter: { credential: string; counterId: string };
let seq: number;

beforeAll(async () => {
  server = await startTestServer();
  counter = await server.enrol('Q01');
  seq = await server.firstDossierSeq(counter);
}, 60_000);
afterAll(() => server.close());

describe('a refused event at the counter', () => {
  it('is set aside with its reason and the outbox keeps draining behind it', async () => {
    const db = new MotCuaDb(`s-${randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
    const client = new SyncClient({ db, baseUrl: 'http://server', credential: counter.credential, fetch: new FakeNetwork(server.app).fetch, pushChunk: 10 });
    const before = received(counter.counterId, dossierCode(seq++));
    const broken = received(counter.counterId, dossierCode(seq++));
    broken.payload.applicant = { ...broken.payload.applicant, name: 'Nguyễn\u0000Văn Bình' } as typeof broken.payload.applicant;
    const after = received(counter.counterId, dossierCode(seq++));
    for (const e of [before, broken, after]) await recordCommand(db, [e]);

    await client.syncOnce();
    // The two sound events were acknowledged and then covered by the pull: only the refused one stays.
    const rows = await db.outbox.orderBy('ord').toArray();
    expect(rows.map((r) => [r.eventId, r.status])).toEqual([[broken.id, 'refused']]);
    const refused = rows[0]!;
    expect(refused.event).toEqual(broken);
    expect(refused.refusal).toMatchObject({ code: 'INVALID_TEXT', field: '/payload/applicant/name' });
    expect(refused.refusal!.message).toMatch(/ký tự NUL/);
    expect(client.getStatus()).toMatchObject({ pendingCount: 0, setAsideCount: 1, lastError: undefined });

    // Later work still flows; the refused event is not sent again.
    const later = received(counter.counterId, dossierCode(seq++));
    await recordCommand(db, [later]);
    await client.syncOnce();
    expect(await db.outbox.where('eventId').equals(later.id).count()).toBe(0);
    expect((await db.outbox.where('eventId').equals(broken.id).first())?.status).toBe('refused');
    const stored = await server.db.query<{ id: string }>('SELECT id::text AS id FROM events WHERE id = ANY($1::uuid[])', [[before.id, broken.id, after.id, later.id]]);
    expect(stored.rows.map((r) => r.id).sort()).toEqual([before.id, after.id, later.id].sort());
  });
});
