// What the counter knows about the digitised copies of a dossier's documents: one PDF per checklist
// line, or an exemption of Thông tư 03/2025 (Điều 5) recorded with its reason.
import type { AttachmentMediaType } from './protocol';

export type CaptureSource = 'camera' | 'scanner' | 'file';

export const CAPTURE_SOURCE_LABELS: Record<CaptureSource, string> = {
  camera: 'Máy ảnh tài liệu',
  scanner: 'Máy quét (thư mục theo dõi)',
  file: 'Tệp người nộp mang đến',
};

/** The four exemptions of TT 03/2025; everything else received on paper must be digitised. */
export type DigitisationExemption = 'submittedOnline' | 'shownOnly' | 'otherAgencyOpinion' | 'classified';

export const EXEMPTION_LABELS: Record<DigitisationExemption, string> = {
  submittedOnline: 'Hồ sơ đã nộp trực tuyến',
  shownOnly: 'Giấy tờ chỉ xuất trình để đối chiếu',
  otherAgencyOpinion: 'Ý kiến của cơ quan, đơn vị khác',
  classified: 'Tài liệu mật',
};

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

export type LineDigitisation =
  | { line: number; state: 'digitised'; attachment: AttachmentRecord }
  | { line: number; state: 'exempt'; exemption: ExemptionRecord }
  | { line: number; state: 'paperOnly' };

export interface DossierDigitisation {
  lines: LineDigitisation[];
  /** Every ticked line is digitised or exempt: the dossier counts as fully digitised. */
  complete: boolean;
  digitised: number;
  exempt: number;
  paperOnly: number;
}

/** The state of each ticked checklist line; the latest capture of a line wins over an older one. */
export function dossierDigitisation(
  tickedLines: readonly number[],
  attachments: readonly AttachmentRecord[],
  exemptions: readonly ExemptionRecord[],
): DossierDigitisation {
  const lines = [...new Set(tickedLines)].sort((a, b) => a - b).map((line): LineDigitisation => {
    const captured = attachments.filter((a) => a.checklistLine === line).sort((a, b) => b.capturedAt.localeCompare(a.capturedAt))[0];
    if (captured) return { line, state: 'digitised', attachment: captured };
    const exempt = exemptions.filter((e) => e.checklistLine === line).sort((a, b) => b.recordedAt.localeCompare(a.recordedAt))[0];
    if (exempt) return { line, state: 'exempt', exemption: exempt };
    return { line, state: 'paperOnly' };
  });
  const count = (s: LineDigitisation['state']) => lines.filter((l) => l.state === s).length;
  return { lines, complete: count('paperOnly') === 0, digitised: count('digitised'), exempt: count('exempt'), paperOnly: count('paperOnly') };
}

/** Why an exemption cannot be recorded, in Vietnamese, or undefined when it can. */
export function exemptionProblem(exemption: string, reason: string): string | undefined {
  if (!Object.hasOwn(EXEMPTION_LABELS, exemption)) return 'Chọn một trường hợp không phải số hóa theo Thông tư 03/2025.';
  if (reason.trim().length < 5) return 'Ghi rõ lý do không số hóa (ít nhất 5 ký tự), ví dụ số văn bản hoặc nơi nộp trực tuyến.';
  return undefined;
}
