// Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả, the slip every citizen leaves the counter with.
import { maskIdNumber, maskPhone } from './format';
import { formatVietnamDateTime } from '../domain/time';
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
  /** Register book and sequence number; absent when the slip is printed offline (assigned on sync). */
  register?: { book: string; seq: number };
  /** Base URL of the public status page; the QR holds it with the code appended. */
  statusPageUrl?: string;
  counterName: string;
  officerName: string;
}

function applicantRows(data: AppointmentSlipData, mask: boolean, showIdentity: boolean): { label: string; value: string }[] {
  const a = data.applicant;
  const rows = [{ label: 'Người nộp', value: a.name }];
  if (showIdentity && a.idNumber) rows.push({ label: 'Số định danh', value: mask ? maskIdNumber(a.idNumber) : a.idNumber });
  if (showIdentity && a.representative) rows.push({ label: 'Người được ủy quyền', value: a.representative });
  if (a.address) rows.push({ label: 'Địa chỉ', value: a.address });
  if (a.phone) rows.push({ label: 'Điện thoại', value: mask ? maskPhone(a.phone) : a.phone });
  if (a.email) rows.push({ label: 'Email', value: a.email });
  return rows;
}

function collectText(collect: AppointmentSlipData['collect']): string {
  return collect.method === 'desk' ? `Nhận trực tiếp tại ${collect.place}` : `Gửi qua bưu chính công ích đến: ${collect.address}`;
}

export function appointmentSlip(data: AppointmentSlipData, options: DocumentOptions): PrintDocument {
  const formSet = options.formSet ?? DEFAULT_FORM_SET;
  const thermal = isThermal(options.layout);
  // The citizen's slip leaves the building, so personal data is masked unless asked otherwise.
  const mask = options.maskPersonalData ?? true;
  const form = formEntry(formSet, 'receipt');
  const register = data.register ? `Quyển số ${data.register.book}, số thứ tự ${String(data.register.seq).padStart(2, '0')}` : 'Số thứ tự trong sổ theo dõi được cấp khi đồng bộ';

  const blocks: Block[] = [
    officialHeader(data.agency),
    legalBasisBlock(formSet, 'receipt'),
    titleBlock(form.title),
    { type: 'text', text: `Mã hồ sơ: ${data.dossierCode}`, style: { bold: true, align: 'center', size: 'large' } },
  ];
  // Rolls carry the numeric key for 1D scanners and the QR for 2D ones; sheets have room for the full code.
  if (thermal) {
    if (data.barcodeKey) blocks.push({ type: 'barcode', format: 'CODE128', value: data.barcodeKey });
  } else {
    blocks.push({ type: 'barcode', format: 'CODE128', value: data.dossierCode });
  }
  blocks.push(
    { type: 'fields', rows: applicantRows(data, mask, formSet === '2025') },
    {
      type: 'fields',
      rows: [
        { label: 'Nội dung yêu cầu giải quyết', value: data.procedureName },
        { label: 'Số lượng hồ sơ', value: `${data.setCount} bộ` },
        { label: 'Thời gian giải quyết theo quy định', value: `${data.processingDays} ngày làm việc` },
        { label: 'Thời gian nhận hồ sơ', value: formatVietnamDateTime(data.receivedAt) },
        { label: 'Thời gian trả kết quả', value: formatVietnamDateTime(data.appointmentAt) },
        { label: 'Nơi nhận kết quả', value: collectText(data.collect) },
        { label: 'Vào Sổ theo dõi hồ sơ', value: register },
      ],
    },
    { type: 'text', text: 'Giấy tờ đã nhận:', style: { bold: true } },
    {
      type: 'table',
      columns: [
        { title: 'TT', width: 1, align: 'center' },
        { title: 'Tên giấy tờ', width: thermal ? 5 : 8 },
        { title: 'Bản chính', width: 2, align: 'center' },
        { title: 'Bản sao CT', width: 2, align: 'center' },
        { title: 'Bản sao', width: 2, align: 'center' },
      ],
      rows: data.documents.map((d, i) => [String(i + 1), d.name, String(d.originals), String(d.certifiedCopies), String(d.copies)]),
      style: { size: 'small' },
    },
    { type: 'text', text: `${data.counterName} – Cán bộ tiếp nhận: ${data.officerName}`, style: { size: 'small' } },
    {
      type: 'signatures',
      parties: [
        { title: 'NGƯỜI NỘP HỒ SƠ', note: '(Ký và ghi rõ họ tên)', name: data.applicant.representative ?? data.applicant.name },
        { title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', note: '(Ký và ghi rõ họ tên)', name: data.officerName },
      ],
    },
    { type: 'rule', dashed: true },
    { type: 'qr', value: statusQrContent(data.dossierCode, data.statusPageUrl), caption: 'Quét mã QR để tra cứu tình trạng hồ sơ' },
    {
      type: 'text',
      text: 'Vui lòng mang theo giấy này khi đến nhận kết quả.',
      style: { size: 'small', italic: true, align: 'center' },
    },
  );
  return makeDocument('appointmentSlip', `Giấy tiếp nhận ${data.dossierCode}`, { ...options, formSet }, blocks);
}
