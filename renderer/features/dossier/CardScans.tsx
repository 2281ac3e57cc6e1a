// The citizen's card scanned where a desk checks who stands at it (the return desk, Dừng hồ sơ):
// the card's number goes into the ID field instead of being typed, and the officer is told whose
// card it was, or why it could not be read. Every other scan goes on to the screen below.
import { useState } from 'react';
import { looksLikeCitizenCard, type CitizenCard } from '../../../shared/codes';
import { foldVietnamese } from '../../../shared/text/fold';
import { useScans } from '../../scan/useScans';

export type CardNote = { ok: boolean; message: string };

/** Takes card scans while mounted; `onCard` fills the fields and answers what to tell the officer. */
export function useCitizenCardScans(onCard: (card: CitizenCard) => string): CardNote | undefined {
  const [note, setNote] = useState<CardNote>();
  useScans((scan) => {
    const { classification } = scan;
    if (classification.kind === 'citizenCard') return void setNote({ ok: true, message: onCard(classification.card) });
    if (classification.kind !== 'unknown' || !looksLikeCitizenCard(scan.code)) return 'pass';
    setNote({ ok: false, message: `${classification.error?.message ?? 'Mã QR trên thẻ căn cước không đọc được.'} Thông tin đã nhập không thay đổi.` });
  });
  return note;
}

/** What to say once a card filled the ID: whose it is, and a warning when it is not the applicant's. */
export function cardFilledMessage(card: CitizenCard, applicantName: string | undefined): string {
  const filled = `Đã điền số định danh ${card.idNumber} từ thẻ căn cước của ${card.fullName}.`;
  if (!applicantName || foldVietnamese(applicantName) === foldVietnamese(card.fullName)) return filled;
  return `${filled} Tên trên thẻ khác tên người nộp (${applicantName}): nếu là người được ủy quyền, hãy chọn «Người được ủy quyền».`;
}

export function CardNoteBanner({ note }: { note: CardNote | undefined }) {
  if (!note) return null;
  return (
    <p className={note.ok ? 'banner ok wide' : 'banner error wide'} role={note.ok ? 'status' : 'alert'} data-testid="card-reading">
      {note.message}
    </p>
  );
}
