// The write unit of a counter: one desk command (receive and collect the fee, return and collect
// what is left, close a batch) records all its facts in ONE strict transaction. Each fact is
// checked by the shared reducer against the dossier as the facts before it left it; when any is
// refused nothing is written, and the caller beeps, shows success or prints only after this
// resolves ok. The outbox rows it writes wake the sync client (schema.ts), so no screen has to.
import { applyEvent } from '../../shared/domain';
import type { DossierEvent, DossierState, TransitionError } from '../../shared/domain';
import type { DossierRow, EventRow, MotCuaDb, OutboxRow } from './schema';
import { projectionRow, type LocalTable, type LocalRow } from './schema';

export type CommandResult = { ok: true; state: DossierState; states: DossierState[] } | { ok: false; error: TransitionError; event: DossierEvent };

/** One row to write, decided before it is written: applied through Dexie (applyWrites) or in a batch scan's own transaction (writeIfUnchanged). */
export type RowWrite =
  | { table: 'events'; op: 'add'; row: EventRow }
  | { table: 'dossiers'; op: 'put'; row: DossierRow }
  | { table: 'outbox'; op: 'add'; row: OutboxRow }
  | { [T in LocalTable]: { table: T; op: 'add' | 'put'; row: LocalRow<T> } | { table: T; op: 'delete'; key: string } }[LocalTable];

export type WrittenTable = RowWrite['table'];

class Refused extends Error {
  constructor(
    readonly error: TransitionError,
    readonly event: DossierEvent,
  ) {
    super(error.message);
  }
}

/**
 * Records `events` in order, with `also` (rows of the command that are not facts, such as the batch
 * a scan filled), in one strict transaction. `state` is the last event's dossier as recorded;
 * `states` each event's, in order.
 */
export async function recordCommand(db: MotCuaDb, events: readonly DossierEvent[], also: readonly RowWrite[] = []): Promise<CommandResult> {
  if (events.length === 0 && also.length === 0) throw new Error('recordCommand: lệnh không có gì để ghi.');
  const tables = [...new Set<WrittenTable>(['dossiers', 'events', 'outbox', ...also.map((w) => w.table)])].map((t) => db.table(t));
  try {
    const states = await db.transaction('rw', tables, async () => {
      const rows = new Map<string, DossierRow | undefined>();
      const writes: RowWrite[] = [];
      const states: DossierState[] = [];
      for (const event of events) {
        const prior = rows.has(event.dossierId) ? rows.get(event.dossierId) : await db.dossiers.get(event.dossierId);
        const checked = eventWrites(event, prior);
        if (!checked.ok) throw new Refused(checked.error, event);
        rows.set(event.dossierId, checked.row);
        writes.push(...checked.writes);
        states.push(checked.state);
      }
      // A dossier written twice in one command keeps its last projection only.
      const lastPut = new Map<string, number>();
      writes.forEach((w, i) => w.table === 'dossiers' && lastPut.set(w.row.id, i));
      await applyWrites(db, [...writes.filter((w, i) => w.table !== 'dossiers' || lastPut.get(w.row.id) === i), ...also]);
      return states;
    });
    return { ok: true, state: states[states.length - 1]!, states };
  } catch (err) {
    if (err instanceof Refused) return { ok: false, error: err.error, event: err.event };
    throw err;
  }
}

/**
 * What recording `event` writes — the event, the dossier's new projection, the outbox row — checked
 * by the reducer against `row`, the dossier as the caller read it (or knows it). Nothing to write
 * when refused. recordCommand applies these in its own transaction; a batch scan adds its batch row
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
  return Promise.all(writes.map((w) => (w.op === 'delete' ? db.table(w.table).delete(w.key) : w.op === 'add' ? db.table(w.table).add(w.row) : db.table(w.table).put(w.row))));
}
