// The counter's local records that are not dossier facts, each kind in a table of its own (schema
// version 4): handover batches, refused inbound results, the audit log, attachments awaiting upload
// with their exemptions, and half-filled forms. Until version 4 they shared one table, `drafts`,
// under a `kind`, and every reader cast its `data`; moveDrafts is the upgrade that split it.
import type { Transaction } from 'dexie';
import type { AttachmentRecord, ExemptionRecord } from '../../shared/attachments/model';
import type { CenterCargo } from '../../shared/domain';
import type { AuditEntry } from '../../shared/sync/protocol';

export type BatchDirection = 'toDepartment' | 'toCenter';
export type BatchState = 'open' | 'closed' | 'delivered';

/** A dossier the reducer refused when the batch was closed or confirmed: kept for the screen. */
export interface BatchRefusal {
  dossierId: string;
  dossierCode: string;
  message: string;
}

/** A courier batch (one "Biên bản giao nhận hồ sơ"): table `batches`, keyed by its code. */
export interface HandoffBatch {
  /** The batch code `BG-YYMMDD-CC-NN`, printed as the record's barcode. */
  id: string;
  direction: BatchDirection;
  /** The department the batch goes to or comes from; '' for a batch between centers. */
  departmentId: string;
  /**
   * A batch between centers (NĐ 309/2026 routes): the agency code of the other center, which the
   * batch goes to (`toDepartment`: outgoing) or comes from (`toCenter`: incoming). Absent for a department's batch.
   */
  centerCode?: string;
  /** Of an outgoing batch between centers: whether it carries the dossiers' papers or their results. */
  carried?: CenterCargo;
  courierName: string;
  /** Vehicle or bag seal number written on the record. */
  sealNumber: string;
  counterId: string;
  officerId: string;
  openedAt: string;
  closedAt?: string;
  deliveredAt?: string;
  /** In scan order. */
  dossierIds: string[];
  state: BatchState;
  refusals: BatchRefusal[];
}

/** A result the Center would not take off the courier's bag, kept for a supervisor: table `inboundRejects`. */
export interface InboundReject {
  id: string;
  /** The scanned dossier code, or the raw scan when it maps to none. */
  code: string;
  reason: string;
  batchId: string;
  departmentId: string;
  /** Refused off a batch from another center: that center's agency code. */
  centerCode?: string;
  at: string;
  officerId: string;
}

/** One access to personal data, kept until the server acknowledges it: table `auditLog`, keyed by the entry's id. */
export interface AuditRow {
  id: string;
  entry: AuditEntry;
  /** 1 once the server acknowledged the entry: a number, because IndexedDB cannot index a boolean. */
  acked: 0 | 1;
  /** When this counter recorded it: the order entries are pushed and listed in. */
  recordedAt: string;
}

/** A digitised copy in the upload queue: table `attachments`. */
export interface AttachmentRow {
  /** `attachment:<dossierId>:<line>:<sha256>`: the same bytes on the same line are one row. */
  id: string;
  record: AttachmentRecord;
  /** Dropped once confirmed and evicted under the retention rule; the server holds the bytes. */
  bytes?: Uint8Array;
}

/** A checklist line recorded as exempt from digitising: table `attachmentExemptions`. */
export interface ExemptionRow {
  /** `exemption:<dossierId>:<line>`: the last choice for a line replaces the one before. */
  id: string;
  record: ExemptionRecord;
}

/** A half-filled form, saved as the officer types: table `formDrafts`, one row per form. */
export interface FormDraftRow {
  /** The form's name, e.g. 'receive'. */
  form: string;
  savedAt: string;
  /** Not typed here: a form's fields change between releases, so its reader checks what it loads (receive/drafts.ts). */
  draft: unknown;
}

/** The local tables, with their rows. */
export interface LocalRows {
  batches: HandoffBatch;
  inboundRejects: InboundReject;
  auditLog: AuditRow;
  attachments: AttachmentRow;
  attachmentExemptions: ExemptionRow;
  formDrafts: FormDraftRow;
}

/** The tables and indexes of version 4: an index only where a reader queries by it. */
export const LOCAL_STORES: Record<keyof LocalRows, string> = {
  // Each panel reopens its direction's open batch.
  batches: 'id, [direction+state]',
  inboundRejects: 'id',
  // The push reads what is not acknowledged, oldest first; the settings screen the newest.
  auditLog: 'id, [acked+recordedAt], recordedAt',
  // The digitising panel reads one dossier's; the upload pump what is not confirmed.
  attachments: 'id, record.dossierId, record.upload',
  attachmentExemptions: 'id, record.dossierId',
  formDrafts: 'form',
};

/** A row of version 2's `drafts` table. */
interface DraftRow {
  id: string;
  kind: string;
  updatedAt: string;
  data: unknown;
}

/**
 * Version 4's upgrade: every row of `drafts` into the table of its kind, keyed by the record's own
 * id (batch code, audit entry id, reject id) or by its draft id (attachments, exemptions).
 */
export async function moveDrafts(tx: Transaction): Promise<void> {
  const moved: { [T in keyof LocalRows]: LocalRows[T][] } = { batches: [], inboundRejects: [], auditLog: [], attachments: [], attachmentExemptions: [], formDrafts: [] };
  for (const row of await tx.table<DraftRow, string>('drafts').toArray()) {
    if (row.kind === 'batch') moved.batches.push(row.data as HandoffBatch);
    else if (row.kind === 'inboundRejects') moved.inboundRejects.push(row.data as InboundReject);
    else if (row.kind === 'audit') {
      const { entry, acked } = row.data as { entry: AuditEntry; acked: boolean };
      moved.auditLog.push({ id: entry.id, entry, acked: acked ? 1 : 0, recordedAt: row.updatedAt });
    } else if (row.kind === 'attachment') moved.attachments.push({ id: row.id, ...(row.data as Omit<AttachmentRow, 'id'>) });
    else if (row.kind === 'attachmentExemption') moved.attachmentExemptions.push({ id: row.id, record: row.data as ExemptionRecord });
    else if (row.kind === 'receive') moved.formDrafts.push({ form: 'receive', savedAt: row.updatedAt, draft: row.data });
    // No release wrote another kind; one would be kept under its draft id rather than dropped.
    else moved.formDrafts.push({ form: row.id, savedAt: row.updatedAt, draft: row.data });
  }
  // put, not add: a row met twice must not abort the upgrade and leave the counter without its database.
  await Promise.all(Object.entries(moved).map(([table, rows]) => tx.table(table).bulkPut(rows)));
}
