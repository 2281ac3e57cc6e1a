// The counter's copy of each digitised document, kept in IndexedDB (db.drafts, kind 'attachment')
// until the server confirms it, so a capture survives a closed app or a lost network. Exemptions
// are kept beside them (kind 'attachmentExemption'). No schema change: drafts already hold any data.
// The drafts are only the upload queue: the durable, synced link between a checklist line and its
// copy or exemption is the dossier fact `documentDigitised`, recorded right after the draft is saved.
import { recordCommand, type MotCuaDb, type CommandResult } from '../../../db';
import { copyFact, exemptionFact, type AttachmentRecord, type ExemptionRecord } from '../../../../shared/attachments/model';
import type { DossierState, EventMeta, PayloadOf } from '../../../../shared/domain';
import { CHUNK_SIZE, type AttachmentManifest, type Sha256 } from '../../../../shared/attachments/protocol';
import { uploadAttachment, type AttachmentTransport, type UploadReport } from '../../../../shared/attachments/upload';

export const ATTACHMENT_KIND = 'attachment';
export const EXEMPTION_KIND = 'attachmentExemption';

interface AttachmentDraft {
  record: AttachmentRecord;
  /** Dropped once confirmed and evicted under the retention rule; the server holds the bytes. */
  bytes?: Uint8Array;
}

const attachmentId = (dossierId: string, line: number, sha: string) => `attachment:${dossierId}:${line}:${sha}`;

export type NewCapture = Omit<AttachmentRecord, 'sha256' | 'size' | 'upload'>;

/** Saves a captured PDF durably before anything is shown as done; the same bytes on the same line are one row. */
export async function saveCapture(db: MotCuaDb, sha256: Sha256, bytes: Uint8Array, capture: NewCapture): Promise<AttachmentRecord> {
  const sha = await sha256(bytes);
  const id = attachmentId(capture.dossierId, capture.checklistLine, sha);
  const record: AttachmentRecord = { ...capture, sha256: sha, size: bytes.length, upload: 'local' };
  await db.transaction('rw', db.drafts, async () => {
    const existing = await db.drafts.get(id);
    if (existing) return;
    await db.drafts.put({ id, kind: ATTACHMENT_KIND, updatedAt: capture.capturedAt, data: { record, bytes } satisfies AttachmentDraft });
  });
  return ((await db.drafts.get(id))!.data as AttachmentDraft).record;
}

export async function recordExemption(db: MotCuaDb, exemption: ExemptionRecord): Promise<void> {
  await db.drafts.put({
    id: `exemption:${exemption.dossierId}:${exemption.checklistLine}`,
    kind: EXEMPTION_KIND,
    updatedAt: exemption.recordedAt,
    data: exemption,
  });
}

/** Records the fact that links a checklist line to its copy or exemption, through the one write path. */
export function recordDigitised(db: MotCuaDb, meta: EventMeta, payload: PayloadOf<'documentDigitised'>): Promise<CommandResult> {
  return recordCommand(db, [{ ...meta, type: 'documentDigitised', payload }]);
}

/**
 * Drafts saved on this counter whose fact never reached the dossier (the app closed between the two
 * writes, or the reducer refused it then): the newest draft per line, when it is newer than what the
 * state holds for the line and says something else. Recording these repairs the link.
 */
export function unrecordedFacts(
  state: Pick<DossierState, 'digitisation' | 'documentCount'>,
  attachments: readonly AttachmentRecord[],
  exemptions: readonly ExemptionRecord[],
  documentName: (line: number) => string,
): PayloadOf<'documentDigitised'>[] {
  const newest = new Map<number, { at: string; fact: PayloadOf<'documentDigitised'> }>();
  const offer = (line: number, at: string, fact: () => PayloadOf<'documentDigitised'>) => {
    const current = newest.get(line);
    if (!current || at > current.at) newest.set(line, { at, fact: fact() });
  };
  for (const a of attachments) offer(a.checklistLine, a.capturedAt, () => copyFact(a));
  for (const e of exemptions) offer(e.checklistLine, e.recordedAt, () => exemptionFact(e, documentName(e.checklistLine)));
  const missing: PayloadOf<'documentDigitised'>[] = [];
  for (const [line, { at, fact }] of [...newest].sort(([a], [b]) => a - b)) {
    if (state.documentCount !== undefined && line >= state.documentCount) continue;
    const held = state.digitisation?.[line];
    if (held && held.at >= at) continue;
    const same = held && held.kind === fact.kind && (fact.kind === 'copy' ? held.kind === 'copy' && held.sha256 === fact.sha256 : held.kind === 'exempt' && held.exemption === fact.exemption && held.reason === fact.reason);
    if (!same) missing.push(fact);
  }
  return missing;
}

export async function dossierAttachments(db: MotCuaDb, dossierId: string): Promise<{ attachments: AttachmentRecord[]; exemptions: ExemptionRecord[] }> {
  const rows = await db.drafts.where('kind').anyOf(ATTACHMENT_KIND, EXEMPTION_KIND).toArray();
  const attachments = rows.filter((r) => r.kind === ATTACHMENT_KIND).map((r) => (r.data as AttachmentDraft).record).filter((a) => a.dossierId === dossierId);
  const exemptions = rows.filter((r) => r.kind === EXEMPTION_KIND).map((r) => r.data as ExemptionRecord).filter((e) => e.dossierId === dossierId);
  return { attachments, exemptions };
}

/** Every dossier's attachment records and exemptions in one read, for reports (bytes are not kept in the result). */
export async function allDossierAttachments(db: MotCuaDb): Promise<Map<string, { attachments: AttachmentRecord[]; exemptions: ExemptionRecord[] }>> {
  const byDossier = new Map<string, { attachments: AttachmentRecord[]; exemptions: ExemptionRecord[] }>();
  const entry = (id: string) => byDossier.get(id) ?? byDossier.set(id, { attachments: [], exemptions: [] }).get(id)!;
  await db.drafts.where('kind').anyOf(ATTACHMENT_KIND, EXEMPTION_KIND).each((r) => {
    if (r.kind === ATTACHMENT_KIND) {
      const record = (r.data as AttachmentDraft).record;
      entry(record.dossierId).attachments.push(record);
    } else {
      const exemption = r.data as ExemptionRecord;
      entry(exemption.dossierId).exemptions.push(exemption);
    }
  });
  return byDossier;
}

export async function attachmentBytes(db: MotCuaDb, record: AttachmentRecord): Promise<Uint8Array | undefined> {
  const row = await db.drafts.get(attachmentId(record.dossierId, record.checklistLine, record.sha256));
  return (row?.data as AttachmentDraft | undefined)?.bytes;
}

/**
 * Sends every unconfirmed attachment; one that fails stays local and is tried again next time.
 * Returns what was confirmed. Never throws: the counter keeps working whatever the network does.
 */
export async function pumpUploads(db: MotCuaDb, transport: AttachmentTransport): Promise<{ confirmed: UploadReport[]; failed: { sha256: string; message: string }[] }> {
  const rows = await db.drafts.where('kind').equals(ATTACHMENT_KIND).toArray();
  const confirmed: UploadReport[] = [];
  const failed: { sha256: string; message: string }[] = [];
  for (const row of rows) {
    const draft = row.data as AttachmentDraft;
    if (draft.record.upload === 'confirmed' || !draft.bytes) continue;
    const manifest: AttachmentManifest = { sha256: draft.record.sha256, size: draft.record.size, mediaType: draft.record.mediaType, chunkSize: CHUNK_SIZE };
    try {
      const report = await uploadAttachment(draft.bytes, manifest, transport);
      await db.drafts.update(row.id, { data: { ...draft, record: { ...draft.record, upload: 'confirmed' } } satisfies AttachmentDraft });
      confirmed.push(report);
    } catch (err) {
      failed.push({ sha256: draft.record.sha256, message: err instanceof Error ? err.message : String(err) });
    }
  }
  return { confirmed, failed };
}

/** Frees local bytes of confirmed attachments captured before `before` (the retention rule); the record stays. */
export async function evictConfirmed(db: MotCuaDb, before: string): Promise<number> {
  const rows = await db.drafts.where('kind').equals(ATTACHMENT_KIND).toArray();
  let evicted = 0;
  for (const row of rows) {
    const draft = row.data as AttachmentDraft;
    if (draft.record.upload !== 'confirmed' || !draft.bytes || draft.record.capturedAt >= before) continue;
    await db.drafts.update(row.id, { data: { record: draft.record } satisfies AttachmentDraft });
    evicted++;
  }
  return evicted;
}
