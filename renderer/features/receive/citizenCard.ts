// The citizen's card scanned at reception: what of it goes into the applicant's fields, and what the
// officer is told. The card is the State's own record (NĐ 309/2026: reuse it rather than retype), so
// it replaces what was typed in the fields it fills.
import { looksLikeCitizenCard, type CalendarDate, type CitizenCard, type ScanClassification } from '../../../shared/codes';
import type { ApplicantForm } from './form';

const pad = (n: number) => String(n).padStart(2, '0');
export const cardDate = (d: CalendarDate) => `${pad(d.day)}/${pad(d.month)}/${d.year}`;

export type CardReading = { ok: true; applicant: ApplicantForm; message: string } | { ok: false; message: string };

/** The applicant once `card` is read into it; an organisation's form takes the card as its representative's. */
export function applicantFromCard(applicant: ApplicantForm, card: CitizenCard): { applicant: ApplicantForm; message: string } {
  const who = `${card.fullName}, sinh ngày ${cardDate(card.birthDate)}, ${card.sex === 'male' ? 'Nam' : 'Nữ'}, thẻ cấp ngày ${cardDate(card.issuedOn)}${card.oldIdNumber ? `, CMND cũ ${card.oldIdNumber}` : ''}`;
  if (applicant.kind === 'organisation') {
    return { applicant: { ...applicant, representative: card.fullName }, message: `Đã điền người đại diện từ thẻ căn cước: ${who}.` };
  }
  return {
    applicant: { ...applicant, idNumber: card.idNumber, name: card.fullName, address: card.address },
    message: `Đã điền số định danh, họ và tên, địa chỉ từ thẻ căn cước: ${who}. Hãy đối chiếu với người nộp.`,
  };
}

/** What a scan at reception says about a card: a reading, a refusal, or undefined when it is no card at all. */
export function readCardScan(applicant: ApplicantForm, classification: ScanClassification): CardReading | undefined {
  if (classification.kind === 'citizenCard') return { ok: true, ...applicantFromCard(applicant, classification.card) };
  if (classification.kind === 'unknown' && looksLikeCitizenCard(classification.text)) {
    return { ok: false, message: `${classification.error?.message ?? 'Mã QR trên thẻ căn cước không đọc được.'} Thông tin đã nhập không thay đổi.` };
  }
  return undefined;
}
