import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { expect, it } from 'vitest';
import { MotCuaDb } from '../db';
import { seedDossier } from '../testing/desk';
import { dossiersServedSince } from './queue';

it('ties a service to the dossiers this counter received or returned since the call, in order', async () => {
  const db = new MotCuaDb(`t-${crypto.randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  const due = '2026-03-20T10:00:00.000Z';
  // Received before the citizen was called: the previous citizen's.
  await seedDossier(db, { code: '000.00.15.H41-260302-0001', receivedAt: '2026-03-02T01:59:00.000Z', dueAt: due });
  // Returned during the service (received long before).
  await seedDossier(db, { code: '000.00.15.H41-260202-0007', receivedAt: '2026-02-02T02:00:00.000Z', dueAt: due, stage: 'returned', resultAt: '2026-03-02T02:05:00.000Z' });
  await seedDossier(db, { code: '000.00.15.H41-260302-0002', receivedAt: '2026-03-02T02:01:00.000Z', dueAt: due });
  expect(await dossiersServedSince(db, 'quay-1', '2026-03-02T02:00:00.000Z')).toEqual(['000.00.15.H41-260302-0002', '000.00.15.H41-260202-0007']);
  expect(await dossiersServedSince(db, 'quay-2', '2026-03-02T02:00:00.000Z')).toEqual([]);
});
