// The batch scan's own transaction: all or nothing, aborted when the reads contradict the caller,
// and seen by live queries like any write through Dexie. Dexie reads the global IndexedDB for live
// queries, so this file installs fake-indexeddb globally before Dexie loads.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { liveQuery } from 'dexie';
import { expect, test } from 'vitest';
import { dossierCode, handedToCourier, received } from '../../tests/sync/events';
import { eventWrites, recordCommand } from './command';
import { MotCuaDb, dossiersInStatus, type DossierRow } from './schema';
import { writeIfUnchanged } from './writeIfUnchanged';

async function withReceived() {
  const db = new MotCuaDb(`w-${randomUUID()}`);
  const event = received('Q01', dossierCode(1), 'd1');
  expect((await recordCommand(db, [event])).ok).toBe(true);
  await db.open();
  const row = (await db.dossiers.get('d1'))!;
  const handed = eventWrites(handedToCourier('Q01', 'd1'), row);
  if (!handed.ok) throw new Error(handed.error.message);
  return { db, row, event, handed };
}

const readRow = [{ table: 'dossiers', key: 'd1' }] as const;
const sameRow = (row: DossierRow) => (found: unknown[]) => JSON.stringify(found[0]) === JSON.stringify(row);

test('committed when the reads are what the caller decided on; a live query over an index sees the write', async () => {
  const { db, row, handed } = await withReceived();
  const seen: number[] = [];
  // Rows, not a count: Dexie's query cache would answer a re-run of this from memory (schema.ts).
  const subscription = liveQuery(async () => (await dossiersInStatus(db, 'withCourier').toArray()).length).subscribe((n) => seen.push(n));
  await expect.poll(() => seen).toEqual([0]);
  expect(await writeIfUnchanged(db, readRow, handed.writes, sameRow(row))).toBe(true);
  await expect.poll(() => seen).toEqual([0, 1]);
  subscription.unsubscribe();
  expect((await db.dossiers.get('d1'))?.status).toBe('withCourier');
  expect(await db.outbox.count()).toBe(2);
});

test('aborted when the reads differ: nothing written, false', async () => {
  const { db, handed } = await withReceived();
  const other = { ...(await db.dossiers.get('d1'))!, openConflicts: 1 };
  expect(await writeIfUnchanged(db, readRow, handed.writes, sameRow(other))).toBe(false);
  expect((await db.dossiers.get('d1'))?.status).toBe('received');
  expect(await db.events.count()).toBe(1);
  expect(await db.outbox.count()).toBe(1);
});

test('a write the database refuses aborts the whole transaction and rejects', async () => {
  const { db, row, event, handed } = await withReceived();
  // The received event's id is taken: its add fails, and the projection and outbox rows go with it.
  const clash = handed.writes.map((w) => (w.table === 'events' ? { ...w, row: { ...w.row, id: event.id } } : w));
  await expect(writeIfUnchanged(db, readRow, clash, sameRow(row))).rejects.toThrow();
  expect((await db.dossiers.get('d1'))?.status).toBe('received');
  expect(await db.outbox.count()).toBe(1);
});

test('a check that throws aborts and rejects with its error', async () => {
  const { db, handed } = await withReceived();
  const broken = () => {
    throw new Error('kiểm tra hỏng');
  };
  await expect(writeIfUnchanged(db, readRow, handed.writes, broken)).rejects.toThrow('kiểm tra hỏng');
  expect(await db.events.count()).toBe(1);
});

test('a committed outbox row wakes the sync client as a write through Dexie does; an aborted one does not', async () => {
  const { db, row, handed } = await withReceived();
  let woken = 0;
  db.onOutboxWritten(() => woken++);
  expect(await writeIfUnchanged(db, readRow, handed.writes, () => false)).toBe(false);
  expect(woken).toBe(0);
  expect(await writeIfUnchanged(db, readRow, handed.writes, sameRow(row))).toBe(true);
  expect(woken).toBe(1);
});
