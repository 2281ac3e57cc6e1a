// The one way a counter records a fact: validated by the shared reducer, then the event, the
// projection and the outbox row written in ONE strict transaction. Nothing is written when the
// reducer refuses; the caller beeps, shows success or prints only after this resolves ok.
import { applyEvent } from '../../shared/domain';
import type { DossierEvent, DossierState, TransitionError } from '../../shared/domain';
import type { DossierRow, DraftRow, EventRow, MotCuaDb, OutboxRow } from './schema';
import { projectionRow } from './schema';

export type RecordResult = { ok: true; state: DossierState } | { ok: false; error: TransitionError };

/** One row to write, decided before it is written: applied through Dexie (applyWrites) or in a batch scan's own transaction (writeIfUnchanged). */
export type RowWrite = { table: 'events'; op: 'add'; row: EventRow } | { table: 'dossiers'; op: 'put'; row: DossierRow } | { table: 'outbox'; op: 'add'; row: OutboxRow } | { table: 'drafts'; op: 'add' | 'put'; row: DraftRow };

export type WrittenTable = RowWrite['table'];

class Refused extends Error {
  constructor(readonly error: TransitionError) {
    super(error.message);
  }
}

export async function recordEvent(db: MotCuaDb, event: DossierEvent): Promise<RecordResult> {
  try {
    const state = await db.transaction('rw', [db.dossiers, db.events, db.outbox], async () => {
      const checked = eventWrites(event, await db.dossiers.get(event.dossierId));
      if (!checked.ok) throw new Refused(checked.error);
      await applyWrites(db, checked.writes);
      return checked.state;
    });
    return { ok: true, state };
  } catch (err) {
    if (err instanceof Refused) return { ok: false, error: err.error };
    throw err;
  }
}

/**
 * What recording `event` writes — the event, the dossier's new projection, the outbox row — checked
 * by the reducer against `row`, the dossier as the caller read it (or knows it). Nothing to write
 * when refused. recordEvent applies these in its own transaction; a batch scan adds its batch row
 * and writes them all in one (features/handoff/scanTransaction.ts).
 */
export function eventWrites(event: DossierEvent, row: DossierRow | undefined): { ok: true; state: DossierState; row: DossierRow; writes: RowWrite[] } | { ok: false; error: TransitionError } {
  const result = applyEvent(row?.state, event);
  if (!result.ok) return result;
  const projection = projectionRow(result.state, row);
  return {
    ok: true,
    state: result.state,
    row: projection,
    writes: [
      { table: 'events', op: 'add', row: { id: event.id, dossierId: event.dossierId, event } },
      { table: 'dossiers', op: 'put', row: projection },
      { table: 'outbox', op: 'add', row: { eventId: event.id, dossierId: event.dossierId, event, status: 'pending', recordedAt: new Date().toISOString() } },
    ],
  };
}

/** Issues `writes` at once through Dexie, inside the caller's transaction over their tables: one round trip to the database. */
export function applyWrites(db: MotCuaDb, writes: readonly RowWrite[]): Promise<unknown> {
  return Promise.all(writes.map((w) => (w.op === 'add' ? db.table(w.table).add(w.row) : db.table(w.table).put(w.row))));
}
