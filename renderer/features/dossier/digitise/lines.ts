// What the digitising panel says per checklist line. The dossier's state decides what is digitised
// (it holds the synced documentDigitised facts, so this works on any counter and after the local
// bytes were evicted); this counter's drafts only add how far the upload got.
import { EXEMPTION_LABELS, type AttachmentRecord } from '../../../../shared/attachments/model';
import { digitisationProgress, type DigitisationProgress, type DossierState } from '../../../../shared/domain';

export const UPLOAD_LABELS: Record<AttachmentRecord['upload'], string> = {
  local: 'đã lưu trên máy quầy, chờ gửi',
  uploading: 'đang gửi',
  confirmed: 'máy chủ đã nhận',
};

/** A copy made at another counter: its bytes were never on this machine. */
export const CAPTURED_ELSEWHERE = 'bản chụp tại quầy khác';

export interface LineView {
  line: number;
  state: 'digitised' | 'exempt' | 'paperOnly';
  text: string;
}

export function lineViews(
  state: Pick<DossierState, 'documentCount' | 'digitisation'> | undefined,
  checklistLength: number,
  drafts: readonly AttachmentRecord[],
): { progress: DigitisationProgress; lines: LineView[] } {
  // Before the reception reached this machine's store, the checklist on screen is the count.
  const progress = digitisationProgress({ documentCount: state?.documentCount ?? checklistLength, digitisation: state?.digitisation });
  const lines = progress.lines.map((l): LineView => {
    if (l.state === 'digitised') {
      const draft = drafts.find((d) => d.checklistLine === l.line && d.sha256 === l.entry.sha256);
      return { line: l.line, state: l.state, text: `Đã số hóa (${l.entry.pages} trang, ${draft ? UPLOAD_LABELS[draft.upload] : CAPTURED_ELSEWHERE})` };
    }
    if (l.state === 'exempt') return { line: l.line, state: l.state, text: `Không số hóa: ${EXEMPTION_LABELS[l.entry.exemption]} (lý do: ${l.entry.reason})` };
    return { line: l.line, state: l.state, text: 'Chỉ có bản giấy' };
  });
  return { progress, lines };
}
