// Applying the server's answers to the local database: push acknowledgements and pulled snapshots.
// Both are idempotent, so a duplicated or replayed answer changes nothing.
import type { DossierEvent } from '../../shared/domain';
import { isNewerSnapshot, reproject } from '../../shared/sync/merge';
import type { DossierSnapshot, PushEventRefused, PushEventResult } from '../../shared/sync/protocol';
import type { DossierRow, MotCuaDb, OutboxRow } from '../db/schema';
import { projectionRow } from '../db/schema';

/**
 * An acknowledged event is marked acked with its sequence; a refused one (the server will never
 * store it as sent) is set aside, kept with the server's reason for a supervisor and no longer
 * sent, so the events behind it keep flowing.
 */
export async function applyPushResults(db: MotCuaDb, results: readonly (PushEventResult | PushEventRefused)[]): Promise<void> {
  const at = new Date().toISOString();
  await db.transaction('rw', [db.outbox, db.events, db.dossiers], async () => {
    for (const r of results) {
      const rows = await db.outbox.where('eventId').equals(r.id).toArray();
      if (r.status === 'refused') {
        for (const row of rows) if (row.status === 'pending') await db.outbox.update(row.ord!, { status: 'refused', refusal: { ...r.refusal, at } });
        continue;
      }
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
 * leave the outbox. One transaction per page, no read per row (one outbox query, a bulkGet of the
 * few rows that need merging, one bulkPut): a new counter bootstraps 100,000 dossiers this way.
 */
export async function applySnapshots(db: MotCuaDb, snapshots: readonly DossierSnapshot[], cursor: number): Promise<void> {
  await db.transaction('rw', [db.dossiers, db.outbox, db.syncState], async () => {
    const ids = snapshots.map((s) => s.id);
    const [outbox, s] = await Promise.all([ids.length > 0 ? db.outbox.where('dossierId').anyOf(ids).toArray() : Promise.resolve([] as OutboxRow[]), db.syncState.get('main')]);
    const outboxOf = new Map<string, OutboxRow[]>();
    for (const o of outbox.sort((a, b) => a.ord! - b.ord!)) {
      const list = outboxOf.get(o.dossierId);
      if (list) list.push(o);
      else outboxOf.set(o.dossierId, [o]);
    }
    // Only this function sets serverSeq, in the transaction that moves the cursor past it, so no
    // local row is newer than the cursor. A snapshot past the cursor for a dossier without local
    // events replaces the row outright; only the others need the row read (a new counter reads none).
    const cursorBefore = s?.pullCursor ?? 0;
    const mustRead = snapshots.filter((x) => x.lastSeq <= cursorBefore || outboxOf.has(x.id)).map((x) => x.id);
    const rows = mustRead.length > 0 ? await db.dossiers.bulkGet(mustRead) : [];
    // A page may carry a dossier only once, but the latest row written wins if it ever does not.
    const current = new Map<string, DossierRow | undefined>(mustRead.map((id, i) => [id, rows[i]]));
    const puts = new Map<string, DossierRow>();
    const covered: number[] = [];
    for (const snap of snapshots) {
      const row = current.get(snap.id);
      if (!isNewerSnapshot(row?.serverSeq, snap.lastSeq)) continue;
      const remaining: OutboxRow[] = [];
      for (const o of outboxOf.get(snap.id) ?? []) {
        if (o.status === 'acked' && o.seq !== undefined && o.seq <= snap.lastSeq) covered.push(o.ord!);
        else remaining.push(o);
      }
      outboxOf.set(snap.id, remaining);
      const onTop: DossierEvent[] = remaining.map((o) => o.event);
      const { state } = reproject(snap.state, onTop);
      const next: DossierRow = {
        ...projectionRow(state ?? snap.state, row),
        serverState: snap.state,
        serverSeq: snap.lastSeq,
        registerYear: snap.registerYear ?? row?.registerYear,
        registerNumber: snap.registerNumber ?? row?.registerNumber,
        openConflicts: snap.openConflicts,
      };
      current.set(snap.id, next);
      puts.set(snap.id, next);
    }
    if (covered.length > 0) await db.outbox.bulkDelete(covered);
    if (puts.size > 0) await db.dossiers.bulkPut([...puts.values()]);
    if (!s || cursor > s.pullCursor) {
      await db.syncState.put({ ...(s ?? { key: 'main', catalogueVersion: 0, staffVersion: 0 }), key: 'main', pullCursor: cursor });
    }
  });
}
