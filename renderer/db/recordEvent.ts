// The one way a counter records a fact: validated by the shared reducer, then the event, the
// projection and the outbox row written in ONE strict transaction. Nothing is written when the
// reducer refuses; the caller beeps, shows success or prints only after this resolves ok.
import { applyEvent } from '../../shared/domain';
import type { DossierEvent, DossierState, TransitionError } from '../../shared/domain';
import type { DossierRow, MotCuaDb } from './schema';
import { projectionRow } from './schema';

export type RecordResult = { ok: true; state: DossierState } | { ok: false; error: TransitionError };

class Refused extends Error {
  constructor(readonly error: TransitionError) {
    super(error.message);
  }
}

export async function recordEvent(db: MotCuaDb, event: DossierEvent): Promise<RecordResult> {
  try {
    const state = await db.transaction('rw', [db.dossiers, db.events, db.outbox], async () => {
      const issued = issueEventWrites(db, event, await db.dossiers.get(event.dossierId));
      if (!issued.ok) throw new Refused(issued.error);
      await issued.written;
      return issued.state;
    });
    return { ok: true, state };
  } catch (err) {
    if (err instanceof Refused) return { ok: false, error: err.error };
    throw err;
  }
}

/**
 * recordEvent's writes for a caller that holds its own transaction over dossiers, events and outbox
 * and writes more in it (a batch scan): checked by the reducer against `row`, read in that
 * transaction, then issued at once, nothing written when refused. Not a nested recordEvent: a
 * nested Dexie transaction locks its parent until it completes, so the caller's other writes would
 * wait one more round trip to the database.
 */
export function issueEventWrites(db: MotCuaDb, event: DossierEvent, row: DossierRow | undefined): { ok: true; state: DossierState; row: DossierRow; written: Promise<unknown> } | { ok: false; error: TransitionError } {
  const result = applyEvent(row?.state, event);
  if (!result.ok) return result;
  const projection = projectionRow(result.state, row);
  // Issued together: one round trip to the database instead of three before the commit.
  const written = Promise.all([
    db.events.add({ id: event.id, dossierId: event.dossierId, event }),
    db.dossiers.put(projection),
    db.outbox.add({ eventId: event.id, dossierId: event.dossierId, event, status: 'pending', recordedAt: new Date().toISOString() }),
  ]);
  return { ok: true, state: result.state, row: projection, written };
}
