// How the server reads dossier snapshots and stored events back out of its tables: one column list
// and one row mapping for pull, the events trail and the lookup of dossiers pruned from counters.
import type { DossierEvent } from '../shared/domain';
import type { DossierSnapshot, StoredEvent } from '../shared/sync/protocol';

export const SNAPSHOT_COLUMNS = 'id::text AS id, code, status, state, last_seq, register_year, register_number, open_conflicts';

export interface SnapshotRow {
  id: string;
  code: string | null;
  status: string;
  state: DossierSnapshot['state'];
  last_seq: number;
  register_year: number | null;
  register_number: number | null;
  open_conflicts: number;
}

export function toSnapshot(r: SnapshotRow): DossierSnapshot {
  return {
    id: r.id,
    code: r.code,
    status: r.status as DossierSnapshot['status'],
    state: r.state,
    lastSeq: Number(r.last_seq),
    registerYear: r.register_year,
    registerNumber: r.register_number,
    openConflicts: r.open_conflicts,
  };
}

export const STORED_EVENT_COLUMNS = 'seq, body, conflict, received_at';

export interface StoredEventRow {
  seq: number;
  body: DossierEvent;
  conflict: unknown;
  received_at: Date;
}

export function toStoredEvent(r: StoredEventRow): StoredEvent {
  return { seq: Number(r.seq), event: r.body, conflict: r.conflict, receivedAt: new Date(r.received_at).toISOString() };
}
