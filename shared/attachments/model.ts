// What the counter knows about the digitised copies of a dossier's documents: one PDF per checklist
// line, or an exemption of Thông tư 03/2025 (Điều 5) recorded with its reason.
// The vocabulary (sources, exemptions, their labels, the exemption check) is the domain's, since
// the link between a line and its copy is a dossier fact (`documentDigitised`) that syncs.
import type { CaptureSource, DigitisationExemption, PayloadOf } from '../domain/types';
import type { AttachmentMediaType } from './protocol';

export type { CaptureSource, DigitisationExemption } from '../domain/types';
export { CAPTURE_SOURCE_LABELS, EXEMPTION_LABELS } from '../domain/labels';
/** Why an exemption cannot be recorded, in Vietnamese, or undefined when it can. */
export { checkDigitisationExemption as exemptionProblem } from '../domain/validate';

export type UploadState = 'local' | 'uploading' | 'confirmed';

export interface AttachmentRecord {
  sha256: string;
  dossierId: string;
  /** Index of the checklist line (the procedure's document list) this PDF copies. */
  checklistLine: number;
  documentName: string;
  mediaType: AttachmentMediaType;
  size: number;
  pages: number;
  source: CaptureSource;
  capturedAt: string;
  capturedBy: string;
  upload: UploadState;
}

export interface ExemptionRecord {
  dossierId: string;
  checklistLine: number;
  exemption: DigitisationExemption;
  /** The officer's words; required so the choice can be checked later. */
  reason: string;
  recordedAt: string;
  recordedBy: string;
}

/** The dossier fact that links a checklist line to this copy; the bytes stay in the upload queue. */
export function copyFact(record: AttachmentRecord): PayloadOf<'documentDigitised'> {
  const { checklistLine: line, documentName, sha256, pages, size, mediaType, source } = record;
  return { line, documentName, kind: 'copy', sha256, pages, size, mediaType, source };
}

/** The dossier fact that records a line as exempt from digitising, with the officer's reason. */
export function exemptionFact(record: ExemptionRecord, documentName: string): PayloadOf<'documentDigitised'> {
  return { line: record.checklistLine, documentName, kind: 'exempt', exemption: record.exemption, reason: record.reason.trim() };
}
