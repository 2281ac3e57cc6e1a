// Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả, the slip every citizen leaves the counter with.
import { maskIdNumber, maskPhone } from './format';
import { formatVietnamDateTime, formatVietnamWeekdayDateTime } from '../domain/time';
import type { TransferMethod } from '../domain/types';
import { DEFAULT_FORM_SET, formEntry, isThermal, legalBasisBlock, makeDocument, officialHeader, titleBlock } from './forms';
import type { AgencyHeader, Block, DocumentOptions, PrintDocument } from './model';
import { statusQrContent } from './qrContent';

export interface Applicant {
  name: string;
  address?: string;
  phone?: string;
  email?: string;
  /** CCCD / số định danh or an organisation's code: printed on the 2025 receipt. */
  idNumber?: string;
  /** Authorised representative, when someone submits on the applicant's behalf (2025 receipt). */
  representative?: string;
}

export interface ReceivedDocument {
  name: string;
  originals: number;
  certifiedCopies: number;
  copies: number;
}

/** The Center's contact details printed at the foot of the slip, so the citizen can come back and ask. */
export interface CenterContact {
  address?: string;
  hotline?: string;
  website?: string;
  /** "Thứ Hai – Thứ Sáu: 07:30–11:30, 13:30–17:00", from the working calendar. */
  openingHours?: string;
}

/** The line of the Center's register (Sổ theo dõi hồ sơ) the dossier was entered on: numbered by the server through the year. */
export interface SlipRegister {
  year: number;
  number: number;
}

/** Why a new slip replaces the citizen's earlier one: the result was corrected, or the date was re-set after an apology. */
export type SlipReissueReason = 'correction' | 'apology';

export interface AppointmentSlipData {
  agency: AgencyHeader;
  dossierCode: string;
  /** The numeric key (shared/codes `barcodeKeyForCode`) printed as CODE128 set C on rolls; absent, the roll has only the QR. */
  barcodeKey?: string;
  applicant: Applicant;
  procedureName: string;
  documents: ReceivedDocument[];
  setCount: number;
  processingDays: number;
  /** ISO instants; printed in Vietnam time. */
  receivedAt: string;
  appointmentAt: string;
  collect: { method: 'desk'; place: string } | { method: 'post'; address: string };
  /**
   * Received across boundaries (NĐ 309/2026): how it goes to the competent agency, and whether the
   * appointment is only expected (by post, until the agency signs for it).
   */
  acrossBoundaries?: { transfer: TransferMethod; dueExpected: boolean };
  /** The register line; absent when it is not known yet at printing (offline: the server numbers it on sync). */
  register?: SlipRegister;
  /** Base URL of the public status page; the QR holds it with the code (and the status secret) appended. */
  statusPageUrl?: string;
  /** The dossier's status-page secret from its reception; without it the page shows nothing for the code. */
  statusSecret?: string;
  center?: CenterContact;
  /** A new slip after a correction or an apology: marked as such, and signed by the officer who issues it. */
  reissue?: { reason: SlipReissueReason; issuedAt: string };
  /** The counter that issues the slip; empty when not known (a reprint of another counter's slip). */
  counterName: string;
  /** The officer who hands this slip over: the receiving officer, or on a reissue the one who issues it. */
  officerName: string;
}

const BRING_THIS = 'Vui lòng mang theo giấy này khi đến nhận kết quả.';

const REISSUE_MARKS: Record<SlipReissueReason, string> = {
  correction: 'CẤP LẠI – ĐÍNH CHÍNH KẾT QUẢ',
  apology: 'CẤP LẠI – HẸN LẠI NGÀY TRẢ KẾT QUẢ',
};

const REISSUE_REASONS: Record<SlipReissueReason, string> = {
  correction: 'kết quả được đính chính',
  apology: 'cơ quan giải quyết xin lỗi và hẹn lại ngày trả kết quả',
};

/** "Số thứ tự 37, sổ năm 2026", or what the slip says while the server has not numbered it yet. */
export function registerLine(register: SlipRegister | undefined): string {
  return register ? `Số thứ tự ${register.number}, sổ năm ${register.year}` : 'Số thứ tự trong sổ được cấp khi đồng bộ; tra cứu theo mã hồ sơ';
}

/** The applicant: names and address at full width, the short identity and contact rows paired on a sheet. */
function applicantBlocks(data: AppointmentSlipData, mask: boolean, showIdentity: boolean): Block[] {
  const a = data.applicant;
  const rows = [{ label: 'Người nộp', value: a.name }];
  if (showIdentity && a.representative) rows.push({ label: 'Người được ủy quyền', value: a.representative });
  if (a.address) rows.push({ label: 'Địa chỉ', value: a.address });
  const short: { label: string; value: string }[] = [];
  if (showIdentity && a.idNumber) short.push({ label: 'Số định danh', value: mask ? maskIdNumber(a.idNumber) : a.idNumber });
  if (a.phone) short.push({ label: 'Điện thoại', value: mask ? maskPhone(a.phone) : a.phone });
  if (a.email) short.push({ label: 'Email', value: a.email });
  const blocks: Block[] = [{ type: 'fields', rows }];
  if (short.length > 0) blocks.push({ type: 'fields', rows: short, columns: 2 });
  return blocks;
}

function collectText(collect: AppointmentSlipData['collect']): string {
  return collect.method === 'desk' ? `Nhận trực tiếp tại ${collect.place}` : `Gửi qua bưu chính công ích đến: ${collect.address}`;
}

function appointmentText(data: AppointmentSlipData): string {
  const at = formatVietnamWeekdayDateTime(data.appointmentAt);
  return data.acrossBoundaries?.dueExpected ? `${at} (dự kiến)` : at;
}

/** How a dossier received across boundaries goes to the competent agency, as a sentence says it after «chuyển đến …»: the slip, the confirmation step and the dossier card. */
export const TRANSFER_HOW: Record<TransferMethod, string> = {
  courier: 'qua dịch vụ bưu chính công ích',
  electronic: 'bằng phương thức điện tử',
};

/** What the slip tells the citizen of a dossier received across boundaries: where it goes, and from when its time runs. */
function acrossBoundariesBlocks(data: AppointmentSlipData): Block[] {
  const across = data.acrossBoundaries;
  if (!across) return [];
  const how = TRANSFER_HOW[across.transfer];
  const when = across.dueExpected
    ? 'Thời gian giải quyết tính từ khi cơ quan có thẩm quyền nhận được hồ sơ; ngày trả kết quả ghi trên giấy này là dự kiến và được báo lại khi cơ quan nhận hồ sơ.'
    : 'Thời gian giải quyết tính từ khi cơ quan có thẩm quyền nhận được hồ sơ điện tử, được chuyển ngay khi tiếp nhận.';
  return [{ type: 'text', text: `Hồ sơ tiếp nhận không phụ thuộc địa giới hành chính (Nghị định 309/2026/NĐ-CP), chuyển đến cơ quan có thẩm quyền ${how}. ${when}`, style: { size: 'small' } }];
}

function contactRows(data: AppointmentSlipData): { label: string; value: string }[] {
  const c = data.center ?? {};
  const rows: { label: string; value: string }[] = [];
  if (c.address) rows.push({ label: 'Trung tâm', value: c.address });
  if (c.openingHours) rows.push({ label: 'Giờ làm việc', value: c.openingHours });
  if (c.hotline) rows.push({ label: 'Đường dây nóng', value: c.hotline });
  if (c.website) rows.push({ label: 'Trang thông tin', value: c.website });
  return rows;
}

export function appointmentSlip(data: AppointmentSlipData, options: DocumentOptions): PrintDocument {
  const formSet = options.formSet ?? DEFAULT_FORM_SET;
  const thermal = isThermal(options.layout);
  // The citizen's slip leaves the building, so personal data is masked unless asked otherwise.
  const mask = options.maskPersonalData ?? true;
  const form = formEntry(formSet, 'receipt');
  const reissue = data.reissue;

  const blocks: Block[] = [officialHeader(data.agency), legalBasisBlock(formSet, 'receipt'), titleBlock(form.title)];
  if (reissue) blocks.push({ type: 'text', text: REISSUE_MARKS[reissue.reason], style: { bold: true, align: 'center', size: 'large' } });
  // With a status page the QR opens it; without one it holds the bare code, for the desk's scanner only.
  const qr: Block = data.statusPageUrl
    ? { type: 'qr', value: statusQrContent(data.dossierCode, data.statusPageUrl, data.statusSecret), caption: 'Quét mã QR để xem tình trạng hồ sơ trên trang tra cứu' }
    : { type: 'qr', value: statusQrContent(data.dossierCode), caption: 'Mã QR chứa mã hồ sơ, để quét tại quầy' };
  // Rolls carry the numeric key for 1D scanners and the QR (at the foot) for 2D ones; a sheet has room
  // for the full code in CODE128, captioned as the form's «Mã hồ sơ», with the QR beside it.
  if (thermal) {
    blocks.push({ type: 'text', text: `Mã hồ sơ: ${data.dossierCode}`, style: { bold: true, align: 'center', size: 'large' } });
    if (data.barcodeKey) blocks.push({ type: 'barcode', format: 'CODE128', value: data.barcodeKey, caption: `Mã rút gọn của hồ sơ: ${data.barcodeKey}` });
  } else {
    blocks.push({ type: 'barcode', format: 'CODE128', value: data.dossierCode, caption: `Mã hồ sơ: ${data.dossierCode}` }, qr);
  }
  blocks.push(
    ...applicantBlocks(data, mask, formSet === '2025'),
    { type: 'fields', rows: [{ label: 'Nội dung yêu cầu giải quyết', value: data.procedureName }] },
    {
      type: 'fields',
      rows: [
        { label: 'Số lượng hồ sơ', value: `${data.setCount} bộ` },
        { label: 'Thời gian nhận hồ sơ', value: formatVietnamDateTime(data.receivedAt) },
      ],
      columns: 2,
    },
    {
      type: 'fields',
      rows: [
        { label: 'Thời gian giải quyết theo quy định', value: `${data.processingDays} ngày làm việc` },
        { label: reissue ? 'Thời gian trả kết quả mới' : 'Thời gian trả kết quả', value: appointmentText(data) },
        { label: 'Nơi nhận kết quả', value: collectText(data.collect) },
        { label: 'Vào Sổ theo dõi hồ sơ', value: registerLine(data.register) },
      ],
    },
    ...acrossBoundariesBlocks(data),
    { type: 'text', text: 'Giấy tờ đã nhận:', style: { bold: true } },
    {
      type: 'table',
      columns: [
        { title: 'TT', width: 1, align: 'center' },
        { title: 'Tên giấy tờ', width: thermal ? 5 : 7.5 },
        // On a sheet the count columns are wide enough for their titles on one line.
        { title: 'Bản chính', width: thermal ? 2 : 2.5, align: 'center' },
        { title: 'Bản sao CT', width: thermal ? 2 : 2.75, align: 'center' },
        { title: 'Bản sao', width: thermal ? 2 : 2.25, align: 'center' },
      ],
      rows: data.documents.map((d, i) => [String(i + 1), d.name, String(d.originals), String(d.certifiedCopies), String(d.copies)]),
      style: { size: 'small' },
    },
  );
  if (reissue) {
    blocks.push({
      type: 'text',
      text: `Giấy này cấp lại lúc ${formatVietnamDateTime(reissue.issuedAt)} vì ${REISSUE_REASONS[reissue.reason]}, thay cho giấy hẹn đã cấp trước; ${data.counterName} – cán bộ cấp lại: ${data.officerName}.`,
      style: { size: 'small' },
    });
  } else if (thermal) {
    // A sheet names the officer under the signature only; the roll's signature space is narrow, so it says it once more.
    blocks.push({ type: 'text', text: `${data.counterName ? `${data.counterName} – ` : ''}Cán bộ tiếp nhận: ${data.officerName}`, style: { size: 'small' } });
  }
  blocks.push({
    type: 'signatures',
    parties: [
      { title: 'NGƯỜI NỘP HỒ SƠ', note: '(Ký và ghi rõ họ tên)', name: data.applicant.representative ?? data.applicant.name },
      { title: reissue ? 'NGƯỜI CẤP LẠI GIẤY HẸN' : 'NGƯỜI TIẾP NHẬN HỒ SƠ', note: '(Ký và ghi rõ họ tên)', name: data.officerName },
    ],
  });
  blocks.push({ type: 'rule', dashed: true });
  const contact = contactRows(data);
  if (data.statusPageUrl) contact.push({ label: 'Tra cứu hồ sơ', value: data.statusPageUrl });
  // On a roll each on its line; an A5 form keeps them to one small paragraph so the form stays on one page.
  if (contact.length > 0) {
    blocks.push(
      thermal
        ? { type: 'fields', rows: contact, style: { size: 'small' } }
        : { type: 'text', text: [BRING_THIS, ...contact.map((r) => `${r.label}: ${r.value}.`)].join(' '), style: { size: 'small' } },
    );
  }
  if (thermal || contact.length === 0) {
    if (thermal) blocks.push(qr);
    blocks.push({ type: 'text', text: BRING_THIS, style: { size: 'small', italic: true, align: 'center' } });
  }
  return makeDocument('appointmentSlip', `${reissue ? 'Giấy hẹn cấp lại' : 'Giấy tiếp nhận'} ${data.dossierCode}`, { ...options, formSet }, blocks);
}
