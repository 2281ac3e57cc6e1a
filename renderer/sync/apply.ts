// Applying the server's answers to the local database: push acknowledgements and pulled snapshots.
// Both are idempotent, so a duplicated or replayed answer changes nothing.
import type { DossierEvent } from '../../shared/domain';
import { isNewerSnapshot, reproject } from '../../shared/sync/merge';
import type { DossierSnapshot, PushEventResult } from '../../shared/sync/protocol';
import type { MotCuaDb, OutboxRow } from '../db/schema';
import { projectionRow } from '../db/schema';

export async function applyPushResults(db: MotCuaDb, results: readonly PushEventResult[]): Promise<void> {
  await db.transaction('rw', [db.outbox, db.events, db.dossiers], async () => {
    for (const r of results) {
      const rows = await db.outbox.where('eventId').equals(r.id).toArray();
      for (const row of rows) {
        if (row.status === 'acked') continue;
        await db.outbox.update(row.ord!, { status: 'acked', seq: r.seq, result: r.status, conflict: r.conflict });
      }
      await db.events.update(r.id, { seq: r.seq });
      if (r.registerNumber !== undefined && rows[0]) {
        await db.dossiers.update(rows[0].dossierId, { registerNumber: r.registerNumber, registerYear: r.registerYear });
      }
    }
  });
}

/**
 * A snapshot newer than what the counter has replaces its base; the counter's own events the
 * snapshot does not yet include are re-applied on top. Acknowledged events the snapshot covers
 * leave the outbox.
 */
export async function applySnapshots(db: MotCuaDb, snapshots: readonly DossierSnapshot[], cursor: number): Promise<void> {
  await db.transaction('rw', [db.dossiers, db.outbox, db.syncState], async () => {
    for (const snap of snapshots) {
      const row = await db.dossiers.get(snap.id);
      if (!isNewerSnapshot(row?.serverSeq, snap.lastSeq)) continue;
      const outbox = await db.outbox.where('dossierId').equals(snap.id).sortBy('ord');
      const covered: OutboxRow[] = [];
      const onTop: DossierEvent[] = [];
      for (const o of outbox) {
        if (o.status === 'acked' && o.seq !== undefined && o.seq <= snap.lastSeq) covered.push(o);
        else onTop.push(o.event);
      }
      if (covered.length > 0) await db.outbox.bulkDelete(covered.map((o) => o.ord!));
      const { state } = reproject(snap.state, onTop);
      await db.dossiers.put({
        ...projectionRow(state ?? snap.state, row),
        serverState: snap.state,
        serverSeq: snap.lastSeq,
        registerYear: snap.registerYear ?? row?.registerYear,
        registerNumber: snap.registerNumber ?? row?.registerNumber,
        openConflicts: snap.openConflicts,
      });
    }
    const s = await db.syncState.get('main');
    if (!s || cursor > s.pullCursor) {
      await db.syncState.put({ ...(s ?? { key: 'main', catalogueVersion: 0, staffVersion: 0 }), key: 'main', pullCursor: cursor });
    }
  });
}
