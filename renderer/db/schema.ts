// The counter's local database (IndexedDB through Dexie). Numbered schema versions; each has a test.
// Dossiers hold projections (searchable, listable), events are kept for open dossiers, and the
// outbox holds what has not reached the server yet.
import { Dexie } from 'dexie';
import type { Collection, EntityTable, InsertType, Transaction } from 'dexie';
import { codeSearchKeys, nameSearchKeys } from '../../shared/text/searchKeys';
import type { PrintJobRecord } from '../print/queue';
import { applicantIdNumber, type DossierEvent, type DossierState, type DossierStatus } from '../../shared/domain';
import type { CatalogueKind, ConflictInfo, EventRefusal, LeaseKind, PushEventStatus, StaffRecord } from '../../shared/sync/protocol';
import { LOCAL_STORES, moveDrafts, type AttachmentRow, type AuditRow, type ExemptionRow, type FormDraftRow, type HandoffBatch, type InboundReject, type LocalRows } from './localRecords';

export interface DossierRow {
  id: string;
  code?: string;
  status: DossierStatus;
  /** The current appointment; '' for a dossier that has none (a letter given before reception), so [status+dueAt] lists every dossier. */
  dueAt?: string;
  departmentId?: string;
  applicantIdNumber?: string;
  applicantPhone?: string;
  /**
   * The applicant's name without diacritics, lower case, from each word on (nameSearchKeys): what
   * staff type in search, found at the full name's start or any word's. Before version 5, `foldedName`.
   */
  nameKeys?: string[];
  /** What part of the code is found by (codeSearchKeys): its date and sequence, without the year, and the sequence's tails. */
  codeParts?: string[];
  /** The procedure's national code: dossiers found through a procedure's name or abbreviation. */
  procedureCode?: string;
  /** What the counter shows: the server snapshot with this counter's unsynced events on top. */
  state: DossierState;
  /** The last snapshot from the server, and its sequence. */
  serverState?: DossierState;
  serverSeq?: number;
  registerYear?: number;
  registerNumber?: number;
  openConflicts: number;
}

export interface EventRow {
  id: string;
  dossierId: string;
  event: DossierEvent;
  /** Server sequence once acknowledged. */
  seq?: number;
}

export interface OutboxRow {
  ord?: number;
  eventId: string;
  dossierId: string;
  event: DossierEvent;
  /** `refused`: the server will never store it as sent (push answered `refused`); kept here, set aside for a supervisor, no longer sent. */
  status: 'pending' | 'acked' | 'refused';
  seq?: number;
  result?: PushEventStatus;
  conflict?: ConflictInfo;
  refusal?: EventRefusal & { at: string };
  recordedAt: string;
}

export interface SyncProblemRecord {
  code: string;
  message: string;
  at: string;
}

export interface SyncStateRow {
  key: 'main';
  pullCursor: number;
  catalogueVersion: number;
  staffVersion: number;
  lastSuccessAt?: string;
  lastAttemptAt?: string;
  lastError?: SyncProblemRecord;
  clockSkewMs?: number;
}

export interface LeaseRow {
  /** `kind|scope|first`, or `fallback|kind|scope` for the count of fallback numbers used. */
  id: string;
  kind: LeaseKind;
  scope: string;
  first: number;
  last: number;
  next: number;
}

export interface CatalogueRow {
  id: string;
  kind: CatalogueKind;
  key: string;
  body: unknown;
  version: number;
  /** A setting merged for this counter's center: the fields its center set (CatalogueItem.centerKeys). */
  centerKeys?: string[];
}

export interface HolidayRow {
  date: string;
  kind: 'holiday' | 'workingDaySwap';
  name: string;
}

/** A print job as the queue keeps it (renderer/print/queue.ts). */
export type PrintJobRow = PrintJobRecord;

export interface SettingRow {
  key: string;
  value: unknown;
}

export type StaffRow = StaffRecord;

/** The local tables (localRecords.ts), which a desk command may write beside its facts (RowWrite in command.ts). */
export type { LocalRows };
export type LocalTable = keyof LocalRows;
export type LocalRow<T extends LocalTable> = LocalRows[T];

/** Every write transaction's durability: 'strict', so a recorded event is on disk before the counter beeps, shows success or prints. */
export const DURABILITY = 'strict';

export class MotCuaDb extends Dexie {
  dossiers!: EntityTable<DossierRow, 'id'>;
  events!: EntityTable<EventRow, 'id'>;
  outbox!: EntityTable<OutboxRow, 'ord'>;
  syncState!: EntityTable<SyncStateRow, 'key'>;
  leases!: EntityTable<LeaseRow, 'id'>;
  catalogue!: EntityTable<CatalogueRow, 'id'>;
  holidays!: EntityTable<HolidayRow, 'date'>;
  printQueue!: EntityTable<PrintJobRow, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;
  staff!: EntityTable<StaffRow, 'id'>;
  batches!: EntityTable<HandoffBatch, 'id'>;
  inboundRejects!: EntityTable<InboundReject, 'id'>;
  auditLog!: EntityTable<AuditRow, 'id'>;
  attachments!: EntityTable<AttachmentRow, 'id'>;
  attachmentExemptions!: EntityTable<ExemptionRow, 'id'>;
  formDrafts!: EntityTable<FormDraftRow, 'form'>;

  constructor(name = 'motcua', options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}) {
    // No query cache: batch scans write around Dexie (writeIfUnchanged.ts) and announce it, and a
    // live query re-run after that must read the database, not a cached answer.
    super(name, { chromeTransactionDurability: DURABILITY, cache: 'disabled', ...options });
    for (const v of SCHEMA_VERSIONS) {
      const version = this.version(v.version).stores(v.stores);
      if (v.upgrade) version.upgrade(v.upgrade);
    }
    // An outbox row written through Dexie wakes the sync client once its transaction commits; the
    // batch scan's own transaction (writeIfUnchanged.ts) calls outboxWritten() itself.
    const announced = new WeakSet<object>();
    this.outbox.hook('creating', (_key, _row, tx) => {
      if (announced.has(tx)) return;
      announced.add(tx);
      tx.on('complete', () => this.outboxWritten());
    });
  }

  private readonly outboxListeners = new Set<() => void>();

  /** Calls `listener` after each committed transaction that added outbox rows; returns the unsubscribe. */
  onOutboxWritten(listener: () => void): () => void {
    this.outboxListeners.add(listener);
    return () => this.outboxListeners.delete(listener);
  }

  outboxWritten(): void {
    for (const listener of this.outboxListeners) listener();
  }
}

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void> | void;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      dossiers: 'id, code, applicantIdNumber, applicantPhone, foldedName, [status+dueAt], departmentId',
      events: 'id, dossierId',
      outbox: '++ord, eventId, dossierId, status',
      syncState: 'key',
      leases: 'id, [kind+scope]',
    },
  },
  {
    // Catalogue, printing, drafts and the staff list for offline login; projections gain serverSeq
    // and conflict counts, back-filled for rows written by version 1.
    version: 2,
    stores: {
      dossiers: 'id, code, applicantIdNumber, applicantPhone, foldedName, [status+dueAt], departmentId, openConflicts',
      catalogue: 'id, kind, version',
      holidays: 'date, kind',
      printJobs: '++id, status',
      settings: 'key',
      drafts: 'id, kind, updatedAt',
      staff: 'id, &username',
    },
    upgrade: async (tx) => {
      await tx
        .table('dossiers')
        .toCollection()
        .modify((d: Partial<DossierRow>) => {
          d.openConflicts ??= 0;
        });
    },
  },
  {
    // The print queue keys jobs by their own UUID (a job survives restarts and is cancelled by id);
    // version 2's auto-numbered table never held jobs, so it is dropped rather than copied.
    version: 3,
    stores: {
      printJobs: null,
      printQueue: 'id, state, createdAt',
    },
  },
  {
    // Each kind of local record in a table of its own, typed and indexed where a reader queries
    // (localRecords.ts); every drafts row moves to its kind's table, then drafts is dropped.
    version: 4,
    stores: { ...LOCAL_STORES, drafts: null },
    upgrade: moveDrafts,
  },
  {
    // A supplement request or refusal given before reception has no deadline, and a row without
    // one is missing from [status+dueAt]: such dossiers were left out of every status list
    // ("Chờ bổ sung" counted none of them). They are indexed under '' from now on.
    version: 5,
    stores: {},
    upgrade: async (tx) => {
      await tx
        .table('dossiers')
        .toCollection()
        .modify((d: Partial<DossierRow>) => {
          d.dueAt ??= '';
        });
    },
  },
  {
    // Search by any word of the name, any part of the code or slip key, and by procedure: three
    // indexes, back-filled from each projection; the full-name prefix index is one of nameKeys now.
    version: 6,
    stores: { dossiers: 'id, code, applicantIdNumber, applicantPhone, *nameKeys, *codeParts, procedureCode, [status+dueAt], departmentId, openConflicts' },
    upgrade: async (tx) => {
      await tx
        .table('dossiers')
        .toCollection()
        .modify((d: DossierRow & { foldedName?: string }) => {
          delete d.foldedName;
          Object.assign(d, searchColumns(d.state));
        });
    },
  },
];

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

/**
 * The dossiers in one status, through the [status+dueAt] index (by deadline): only that status is
 * read, not the whole table. A dossier without a deadline is indexed under '' (projectionRow), so none is left out.
 */
export function dossiersInStatus(db: MotCuaDb, status: DossierStatus): Collection<DossierRow, string, InsertType<DossierRow, 'id'>> {
  return db.dossiers.where('[status+dueAt]').between([status, Dexie.minKey], [status, Dexie.maxKey]);
}

/** The columns a dossier is searched by, all derived from its state. */
function searchColumns(state: DossierState): Pick<DossierRow, 'nameKeys' | 'codeParts' | 'procedureCode'> {
  return { nameKeys: nameSearchKeys(state.applicant?.name ?? ''), codeParts: codeSearchKeys(state.code), procedureCode: state.procedureCode };
}

export function projectionRow(state: DossierState, prior?: Partial<DossierRow>): DossierRow {
  const a = state.applicant;
  return {
    id: state.id,
    code: state.code,
    status: state.status,
    dueAt: state.newDueAt ?? state.dueAt ?? '',
    departmentId: state.departmentId,
    applicantIdNumber: applicantIdNumber(a),
    applicantPhone: a?.phone,
    ...searchColumns(state),
    state,
    serverState: prior?.serverState,
    serverSeq: prior?.serverSeq,
    registerYear: prior?.registerYear,
    registerNumber: prior?.registerNumber,
    openConflicts: prior?.openConflicts ?? 0,
  };
}
