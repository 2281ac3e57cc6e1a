import { randomUUID } from 'node:crypto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { applyEvent, type DossierEvent, type DossierState } from '../../shared/domain';
import type { DossierSnapshot } from '../../shared/sync/protocol';
import { recordCommand } from '../db/command';
import { MotCuaDb } from '../db/schema';
import { dossierCode, handedToCourier, received } from '../../tests/sync/events';
import { applyPushResults, applySnapshots } from './apply';

const db = () => new MotCuaDb(`a-${randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange });

function fold(events: DossierEvent[]): DossierState {
  let state: DossierState | undefined;
  for (const e of events) {
    const r = applyEvent(state, e);
    if (!r.ok) throw new Error(r.error.message);
    state = r.state;
  }
  return state!;
}

function snapshot(events: DossierEvent[], lastSeq: number, extra: Partial<DossierSnapshot> = {}): DossierSnapshot {
  const state = fold(events);
  return { id: state.id, code: state.code ?? null, status: state.status, state, lastSeq, registerYear: 2026, registerNumber: lastSeq, openConflicts: 0, ...extra };
}

describe('applySnapshots', () => {
  it('stores a page of snapshots for a new counter and moves the cursor', async () => {
    const d = db();
    const snaps = Array.from({ length: 20 }, (_, i) => snapshot([received('Q02', dossierCode(i + 1))], i + 1));
    await applySnapshots(d, snaps, 20);
    expect(await d.dossiers.count()).toBe(20);
    const row = await d.dossiers.get(snaps[3]!.id);
    expect(row).toMatchObject({ code: dossierCode(4), status: 'received', serverSeq: 4, registerNumber: 4, applicantIdNumber: '040085001234' });
    expect((await d.syncState.get('main'))?.pullCursor).toBe(20);
  });

  it("keeps this counter's unsent events on top and drops acknowledged ones the snapshot covers", async () => {
    const d = db();
    const r = received('Q01', dossierCode(7));
    const h = handedToCourier('Q01', r.dossierId);
    await recordCommand(d, [r]);
    await recordCommand(d, [h]);
    await applyPushResults(d, [{ id: r.id, status: 'stored', seq: 3 }]);
    await applySnapshots(d, [snapshot([r], 3)], 3);
    const row = (await d.dossiers.get(r.dossierId))!;
    expect(row.status).toBe('withCourier');
    expect(row.serverState?.status).toBe('received');
    expect((await d.outbox.toArray()).map((o) => o.eventId)).toEqual([h.id]);
  });

  it('never lets an older snapshot replace a newer one, even replayed later', async () => {
    const d = db();
    const r = received('Q02', dossierCode(9));
    const h = handedToCourier('Q02', r.dossierId);
    await applySnapshots(d, [snapshot([r, h], 8)], 8);
    await applySnapshots(d, [snapshot([r], 5)], 5);
    const row = (await d.dossiers.get(r.dossierId))!;
    expect(row.serverSeq).toBe(8);
    expect(row.status).toBe('withCourier');
    expect((await d.syncState.get('main'))?.pullCursor).toBe(8);
  });
});
