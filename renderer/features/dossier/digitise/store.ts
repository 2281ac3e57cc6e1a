// The counter's copy of each digitised document, kept in IndexedDB (table `attachments`) until the
// server confirms it, so a capture survives a closed app or a lost network. Exemptions are kept
// beside them (table `attachmentExemptions`). These tables are only the upload queue: the durable,
// synced link between a checklist line and its copy or exemption is the dossier fact
// `documentDigitised`, recorded right after the row is saved.
import { recordCommand, type MotCuaDb, type CommandResult } from '../../../db';
import { copyFact, exemptionFact, type AttachmentRecord, type ExemptionRecord } from '../../../../shared/attachments/model';
import type { DossierState, EventMeta, PayloadOf } from '../../../../shared/domain';
import { CHUNK_SIZE, type AttachmentManifest, type Sha256 } from '../../../../shared/attachments/protocol';
import { uploadAttachment, type AttachmentTransport, type UploadReport } from '../../../../shared/attachments/upload';

const attachmentId = (dossierId: string, line: number, sha: string) => `attachment:${dossierId}:${line}:${sha}`;
const exemptionId = (dossierId: string, line: number) => `exemption:${dossierId}:${line}`;

export type NewCapture = Omit<AttachmentRecord, 'sha256' | 'size' | 'upload'>;

/** Saves a captured PDF durably before anything is shown as done; the same bytes on the same line are one row. */
export async function saveCapture(db: MotCuaDb, sha256: Sha256, bytes: Uint8Array, capture: NewCapture): Promise<AttachmentRecord> {
  const sha = await sha256(bytes);
  const id = attachmentId(capture.dossierId, capture.checklistLine, sha);
  const record: AttachmentRecord = { ...capture, sha256: sha, size: bytes.length, upload: 'local' };
  await db.transaction('rw', db.attachments, async () => {
    const existing = await db.attachments.get(id);
    if (existing) return;
    await db.attachments.put({ id, record, bytes });
  });
  return (await db.attachments.get(id))!.record;
}

export async function recordExemption(db: MotCuaDb, exemption: ExemptionRecord): Promise<void> {
  await db.attachmentExemptions.put({ id: exemptionId(exemption.dossierId, exemption.checklistLine), record: exemption });
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
    const same =
      held &&
      held.kind === fact.kind &&
      (fact.kind === 'copy' ? held.kind === 'copy' && held.sha256 === fact.sha256 : held.kind === 'exempt' && held.exemption === fact.exemption && held.reason === fact.reason);
    if (!same) missing.push(fact);
  }
  return missing;
}

export async function dossierAttachments(db: MotCuaDb, dossierId: string): Promise<{ attachments: AttachmentRecord[]; exemptions: ExemptionRecord[] }> {
  // One read transaction: the two lists as of the same moment.
  const [attachments, exemptions] = await db.transaction('r', [db.attachments, db.attachmentExemptions], () =>
    Promise.all([db.attachments.where('record.dossierId').equals(dossierId).toArray(), db.attachmentExemptions.where('record.dossierId').equals(dossierId).toArray()]),
  );
  return { attachments: attachments.map((r) => r.record), exemptions: exemptions.map((r) => r.record) };
}

export async function attachmentBytes(db: MotCuaDb, record: AttachmentRecord): Promise<Uint8Array | undefined> {
  return (await db.attachments.get(attachmentId(record.dossierId, record.checklistLine, record.sha256)))?.bytes;
}

/**
 * Sends every unconfirmed attachment; one that fails stays local and is tried again next time.
 * Returns what was confirmed. Never throws: the counter keeps working whatever the network does.
 */
export async function pumpUploads(db: MotCuaDb, transport: AttachmentTransport): Promise<{ confirmed: UploadReport[]; failed: { sha256: string; message: string }[] }> {
  const rows = await db.attachments.where('record.upload').notEqual('confirmed').toArray();
  const confirmed: UploadReport[] = [];
  const failed: { sha256: string; message: string }[] = [];
  for (const { id, record, bytes } of rows) {
    if (!bytes) continue;
    const manifest: AttachmentManifest = { sha256: record.sha256, size: record.size, mediaType: record.mediaType, chunkSize: CHUNK_SIZE };
    try {
      const report = await uploadAttachment(bytes, manifest, transport);
      await db.attachments.update(id, { record: { ...record, upload: 'confirmed' } });
      confirmed.push(report);
    } catch (err) {
      failed.push({ sha256: record.sha256, message: err instanceof Error ? err.message : String(err) });
    }
  }
  return { confirmed, failed };
}

/** Frees local bytes of confirmed attachments captured before `before` (the retention rule); the record stays. */
export async function evictConfirmed(db: MotCuaDb, before: string): Promise<number> {
  const rows = await db.attachments.where('record.upload').equals('confirmed').toArray();
  let evicted = 0;
  for (const { id, record, bytes } of rows) {
    if (!bytes || record.capturedAt >= before) continue;
    await db.attachments.put({ id, record });
    evicted++;
  }
  return evicted;
}
