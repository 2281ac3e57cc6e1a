import { randomUUID } from 'node:crypto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { dossierCode, feeCollected, handedToCourier, received, returned } from '../../tests/sync/events';
import { issueNumber, remainingNumbers, storeLeases } from './leases';
import { applyWrites, eventWrites, recordCommand } from './command';
import { foldVietnamese } from '../../shared/text/fold';
import { CURRENT_SCHEMA_VERSION, MotCuaDb, SCHEMA_VERSIONS } from './schema';

const fresh = () => new MotCuaDb(`t-${randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange });

describe('schema migrations', () => {
  it('version 1 creates the sync tables', async () => {
    const indexedDB = new IDBFactory();
    const v1 = new Dexie('m', { indexedDB, IDBKeyRange });
    v1.version(1).stores(SCHEMA_VERSIONS[0]!.stores);
    await v1.open();
    expect(v1.tables.map((t) => t.name).sort()).toEqual(['dossiers', 'events', 'leases', 'outbox', 'syncState']);
    await v1.table('dossiers').put({ id: 'd1', status: 'received', state: { id: 'd1' } });
    v1.close();
  });

  it('version 2 adds catalogue, printing, drafts and staff, and back-fills conflict counts', async () => {
    const indexedDB = new IDBFactory();
    const v1 = new Dexie('m', { indexedDB, IDBKeyRange });
    v1.version(1).stores(SCHEMA_VERSIONS[0]!.stores);
    await v1.table('dossiers').put({ id: 'd1', status: 'received', state: { id: 'd1' } });
    v1.close();
    const db = new MotCuaDb('m', { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect((await db.dossiers.get('d1'))!.openConflicts).toBe(0);
    expect(await db.dossiers.where('openConflicts').equals(0).count()).toBe(1);
    for (const t of ['catalogue', 'holidays', 'printQueue', 'settings', 'drafts', 'staff']) expect(db.tables.map((x) => x.name)).toContain(t);
    db.close();
  });

  it('version 3 replaces the auto-numbered print table with the queue keyed by job id', async () => {
    const indexedDB = new IDBFactory();
    const v2 = new Dexie('m', { indexedDB, IDBKeyRange });
    v2.version(1).stores(SCHEMA_VERSIONS[0]!.stores);
    v2.version(2).stores(SCHEMA_VERSIONS[1]!.stores);
    await v2.table('dossiers').put({ id: 'd1', status: 'received', state: { id: 'd1' }, openConflicts: 0 });
    v2.close();
    const db = new MotCuaDb('m', { indexedDB, IDBKeyRange });
    await db.open();
    const names = db.tables.map((x) => x.name);
    expect(names).toContain('printQueue');
    expect(names).not.toContain('printJobs');
    expect(await db.dossiers.count()).toBe(1);
    const job = { id: 'job-1', printerId: 'p', document: { blocks: [] } as never, copies: 2, copiesDone: 0, state: 'queued' as const, attempts: 0, nextAttemptAt: 0, createdAt: 1 };
    await db.printQueue.put(job);
    expect(await db.printQueue.where('state').equals('queued').count()).toBe(1);
    db.close();
  });
});

describe('recordCommand', () => {
  it('writes the event, the projection and the outbox row together', async () => {
    const db = fresh();
    const r = received('Q01', dossierCode(1));
    const res = await recordCommand(db, [r]);
    expect(res.ok).toBe(true);
    expect(await db.events.get(r.id)).toBeTruthy();
    const row = (await db.dossiers.get(r.dossierId))!;
    expect(row.status).toBe('received');
    expect(row.code).toBe(dossierCode(1));
    expect(row.foldedName).toBe('nguyen van binh');
    expect(row.applicantIdNumber).toBe('040085001234');
    expect(await db.outbox.where('status').equals('pending').count()).toBe(1);
    expect((await db.dossiers.where('code').equals(dossierCode(1)).first())!.id).toBe(r.dossierId);
  });

  it('writes nothing and returns the TransitionError when the reducer refuses', async () => {
    const db = fresh();
    const r = received('Q01', dossierCode(2));
    await recordCommand(db, [r]);
    const early = returned('Q01', r.dossierId);
    const res = await recordCommand(db, [early]);
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('ILLEGAL_TRANSITION');
      expect(res.error.eventId).toBe(early.id);
    }
    expect(await db.events.get(early.id)).toBeUndefined();
    expect(await db.outbox.count()).toBe(1);
    expect((await db.dossiers.get(r.dossierId))!.status).toBe('received');
    expect((await recordCommand(db, [r])).ok).toBe(false);
    expect(await db.outbox.count()).toBe(1);
  });

  it('records all the facts of one command in one transaction, each folded on the one before it', async () => {
    const db = fresh();
    const r = received('Q01', dossierCode(5));
    const fee = feeCollected('Q01', r.dossierId, 7);
    const res = await recordCommand(db, [r, fee]);
    expect(res.ok && res.states.map((s) => s.status)).toEqual(['received', 'received']);
    expect(res.ok && res.state.feesPaid).toBeGreaterThan(0);
    expect((await db.outbox.orderBy('ord').toArray()).map((o) => o.eventId)).toEqual([r.id, fee.id]);
    expect((await db.dossiers.get(r.dossierId))!.state.feesPaid).toBeGreaterThan(0);
  });

  it('writes none of a command when its last fact is refused: no event, no projection, no outbox row, no extra row', async () => {
    const db = fresh();
    const r = received('Q01', dossierCode(6));
    const early = returned('Q01', r.dossierId);
    let woken = 0;
    db.onOutboxWritten(() => woken++);
    const res = await recordCommand(db, [r, early], [{ table: 'drafts', op: 'put', row: { id: 'batch:x', kind: 'batch', updatedAt: '2026-01-12T02:00:00.000Z', data: {} } }]);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.event.id).toBe(early.id);
    expect(await db.events.count()).toBe(0);
    expect(await db.dossiers.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.drafts.count()).toBe(0);
    expect(woken).toBe(0);
    expect((await recordCommand(db, [r])).ok).toBe(true);
    expect(woken).toBe(1);
  });

  it('keeps outbox order across dossiers', async () => {
    const db = fresh();
    const a = received('Q01', dossierCode(3));
    const b = received('Q01', dossierCode(4));
    await recordCommand(db, [a]);
    await recordCommand(db, [b]);
    await recordCommand(db, [handedToCourier('Q01', a.dossierId)]);
    const order = (await db.outbox.orderBy('ord').toArray()).map((o) => o.eventId);
    expect(order.length).toBe(3);
    expect(order.slice(0, 2)).toEqual([a.id, b.id]);
  });

  it('eventWrites folds the event onto the row the caller read in its own transaction instead of reading it again', async () => {
    const db = fresh();
    const r = received('Q01', dossierCode(5));
    await recordCommand(db, [r]);
    const handed = handedToCourier('Q01', r.dossierId);
    const write = (read: () => Promise<Parameters<typeof eventWrites>[1]>) =>
      db.transaction('rw', [db.dossiers, db.events, db.outbox], async () => {
        const checked = eventWrites(handed, await read());
        if (checked.ok) await applyWrites(db, checked.writes);
        return checked;
      });
    // The row given wins over the stored one: with "no row" the hand-over is refused and nothing is written.
    const refused = await write(async () => undefined);
    expect(refused.ok).toBe(false);
    expect(await db.outbox.count()).toBe(1);
    const res = await write(() => db.dossiers.get(r.dossierId));
    expect(res.ok).toBe(true);
    expect((await db.dossiers.get(r.dossierId))!.status).toBe(res.ok ? res.state.status : undefined);
    expect(await db.events.get(handed.id)).toBeTruthy();
    expect(await db.outbox.count()).toBe(2);
  });
});

describe('number leases at the counter', () => {
  it('issues leased numbers in order, then the counter fallback range, then nothing', async () => {
    const db = fresh();
    await storeLeases(db, [{ kind: 'dossierSeq', scope: 'A:260112', first: 51, last: 52 }]);
    await storeLeases(db, [{ kind: 'dossierSeq', scope: 'A:260112', first: 51, last: 52 }]);
    expect(await remainingNumbers(db, 'dossierSeq', 'A:260112')).toBe(2);
    const got: number[] = [];
    for (let i = 0; i < 4; i++) got.push((await issueNumber(db, 'dossierSeq', 'A:260112', 3))!.number);
    expect(got).toEqual([51, 52, 9100, 9101]);
    for (let i = 0; i < 48; i++) await issueNumber(db, 'dossierSeq', 'A:260112', 3);
    expect(await issueNumber(db, 'dossierSeq', 'A:260112', 3)).toBeUndefined();
    expect((await issueNumber(db, 'dossierSeq', 'A:260113', 3))!.number).toBe(9100);
  });
});

describe('foldVietnamese', () => {
  it('drops diacritics and đ', () => {
    expect(foldVietnamese('  Nguyễn  ĐỨC Thắng ')).toBe('nguyen duc thang');
  });
});
