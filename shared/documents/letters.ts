// The counter's and departments' letters to the applicant: supplement request (Mẫu 02), refusal
// (Mẫu 03), apology with a new date (Mẫu 04) and, in the 2025 set only, the stop notice (Mẫu 05).
import type { Applicant } from './appointmentSlip';
import { formatVnDateline, maskIdNumber } from './format';
import { formatVietnamDateTime } from '../domain/time';
import { BLANK_REFERENCE, DEFAULT_FORM_SET, formEntry, isThermal, legalBasisBlock, makeDocument, officialHeader, titleBlock } from './forms';
import type { AgencyHeader, Block, DocumentOptions, FormSet, PrintDocument } from './model';

interface LetterBase {
  agency: AgencyHeader;
  /** The letter's number from the issuing office's register of outgoing letters; absent, "Số: ……/……" to fill in. */
  reference?: string;
  /** Place of the dateline, e.g. "Nghệ An". */
  place: string;
  /** ISO instant the letter is issued. */
  issuedAt: string;
  dossierCode: string;
  applicant: Applicant;
  procedureName: string;
}

export interface SupplementRequestData extends LetterBase {
  receivedAt: string;
  /** Everything to add or correct, asked for at once (DOMAIN.md, Mẫu 02). */
  items: { document: string; requirement: string }[];
  reason: string;
  contact: { officerName: string; phone: string };
}

export interface RefusalData extends LetterBase {
  receivedAt: string;
  reasons: string[];
  officerName: string;
}

export interface ApologyData extends LetterBase {
  receivedAt: string;
  /** The original appointment, kept apart from the new one: an apology does not make a late dossier on time. */
  originalAppointmentAt: string;
  newAppointmentAt: string;
  reason: string;
  /**
   * The deciding agency: the letter is its own (its name heads the letter, under `agency.parent`),
   * signed by its head (`signerTitle`, e.g. "Giám đốc"), not the Center's.
   */
  decidingAgency: string;
  signerTitle: string;
  signerName: string;
}

export interface StopProcessingData extends LetterBase {
  receivedAt: string;
  /** The applicant's request to stop, or the agency's ground for stopping. */
  reason: string;
  /** Who asked at the desk (the applicant or an authorised person), and when. */
  requestedBy?: string;
  requestedAt?: string;
  /** What happens to fees paid, as the catalogue says (refundable or not). */
  feeNote?: string;
  /** Where and how the paper dossier comes back to the applicant: said once, in its row. */
  papersReturn?: string;
  /** The receiving agency's head, or whoever signs for them ("KT. GIÁM ĐỐC" …): the notice is the agency's; the name may be left to write by hand. */
  signerTitle: string;
  signerName?: string;
}

function letterOpening(d: LetterBase, formSet: FormSet, form: 'supplement' | 'refusal' | 'apology' | 'stopProcessing', agency: AgencyHeader = d.agency): Block[] {
  return [
    officialHeader(agency, d.reference ?? BLANK_REFERENCE),
    { type: 'text', text: `${d.place}, ${formatVnDateline(d.issuedAt)}`, style: { italic: true, align: 'right', size: 'small' } },
    legalBasisBlock(formSet, form),
    titleBlock(formEntry(formSet, form).title),
  ];
}

function dossierRows(d: LetterBase & { receivedAt: string }): Block {
  return {
    type: 'fields',
    rows: [
      { label: 'Kính gửi', value: d.applicant.name },
      { label: 'Mã hồ sơ', value: d.dossierCode },
      { label: 'Nội dung yêu cầu giải quyết', value: d.procedureName },
      { label: 'Ngày tiếp nhận', value: formatVietnamDateTime(d.receivedAt) },
    ],
  };
}

function numbered(lines: string[]): Block[] {
  return lines.map((line, i) => ({ type: 'text', text: `${i + 1}. ${line}` }));
}

/** Thermal copies carry the dossier's numeric key so the return desk can scan them too. */
function codeMark(d: LetterBase, options: DocumentOptions, barcodeKey?: string): Block[] {
  if (isThermal(options.layout)) return barcodeKey ? [{ type: 'barcode', format: 'CODE128', value: barcodeKey }] : [];
  return [{ type: 'barcode', format: 'CODE128', value: d.dossierCode }];
}

export function supplementRequest(d: SupplementRequestData, options: DocumentOptions, barcodeKey?: string): PrintDocument {
  const formSet = options.formSet ?? DEFAULT_FORM_SET;
  const blocks: Block[] = [
    ...letterOpening(d, formSet, 'supplement'),
    ...codeMark(d, options, barcodeKey),
    dossierRows(d),
    { type: 'text', text: 'Hồ sơ cần bổ sung, hoàn thiện những nội dung sau:', style: { bold: true } },
    {
      type: 'table',
      columns: [
        { title: 'TT', width: 1, align: 'center' },
        { title: 'Giấy tờ', width: 4 },
        { title: 'Nội dung cần bổ sung, sửa đổi', width: 6 },
      ],
      rows: d.items.map((item, i) => [String(i + 1), item.document, item.requirement]),
      style: { size: 'small' },
    },
    { type: 'fields', rows: [{ label: 'Lý do', value: d.reason }] },
    {
      type: 'text',
      text: `Mọi vướng mắc xin liên hệ ${d.contact.officerName}, điện thoại ${d.contact.phone}.`,
    },
    { type: 'signatures', parties: [{ title: 'NGƯỜI HƯỚNG DẪN', note: '(Ký và ghi rõ họ tên)', name: d.contact.officerName }] },
  ];
  return makeDocument('supplementRequest', `Phiếu yêu cầu bổ sung ${d.dossierCode}`, { ...options, formSet }, blocks);
}

export function refusal(d: RefusalData, options: DocumentOptions): PrintDocument {
  const formSet = options.formSet ?? DEFAULT_FORM_SET;
  const blocks: Block[] = [
    ...letterOpening(d, formSet, 'refusal'),
    dossierRows(d),
    { type: 'text', text: 'Cơ quan tiếp nhận từ chối tiếp nhận giải quyết hồ sơ vì các lý do sau:', style: { bold: true } },
    ...numbered(d.reasons),
    { type: 'text', text: 'Xin thông báo để Ông/Bà được biết và thực hiện.', style: { italic: true } },
    { type: 'signatures', parties: [{ title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', note: '(Ký và ghi rõ họ tên)', name: d.officerName }] },
  ];
  return makeDocument('refusal', `Phiếu từ chối ${d.dossierCode}`, { ...options, formSet }, blocks);
}

export function apology(d: ApologyData, options: DocumentOptions, barcodeKey?: string): PrintDocument {
  const formSet = options.formSet ?? DEFAULT_FORM_SET;
  // 2025 (Mẫu 04): the department apologises AND asks to extend the time; 2018: apology with a new date.
  const body: Block[] =
    formSet === '2025'
      ? [
          {
            type: 'fields',
            rows: [
              { label: 'Thời hạn giải quyết đã hẹn', value: formatVietnamDateTime(d.originalAppointmentAt) },
              { label: 'Lý do chậm giải quyết', value: d.reason },
              { label: 'Đề nghị gia hạn đến', value: formatVietnamDateTime(d.newAppointmentAt) },
            ],
          },
          {
            type: 'text',
            text: `${d.decidingAgency} trân trọng xin lỗi Ông/Bà vì chưa giải quyết hồ sơ đúng thời hạn đã hẹn và đề nghị Ông/Bà đồng ý gia hạn thời gian giải quyết đến ${formatVietnamDateTime(d.newAppointmentAt)}.`,
          },
        ]
      : [
          { type: 'fields', rows: [{ label: 'Thời hạn trả kết quả đã hẹn', value: formatVietnamDateTime(d.originalAppointmentAt) }] },
          { type: 'text', text: `Lý do chậm trả kết quả: ${d.reason}` },
          {
            type: 'text',
            text: `${d.decidingAgency} xin lỗi Ông/Bà vì sự chậm trễ này và hẹn trả kết quả vào ${formatVietnamDateTime(d.newAppointmentAt)}.`,
          },
        ];
  const blocks: Block[] = [
    ...letterOpening(d, formSet, 'apology', { parent: d.agency.parent, name: d.decidingAgency }),
    ...codeMark(d, options, barcodeKey),
    dossierRows(d),
    ...body,
    { type: 'text', text: 'Mong nhận được sự thông cảm của Ông/Bà.', style: { italic: true } },
    { type: 'signatures', parties: [{ title: d.signerTitle.toUpperCase(), note: '(Ký, ghi rõ họ tên và đóng dấu)', name: d.signerName }] },
  ];
  const title = formSet === '2025' ? `Văn bản xin lỗi, đề nghị gia hạn ${d.dossierCode}` : `Phiếu xin lỗi ${d.dossierCode}`;
  return makeDocument('apology', title, { ...options, formSet }, blocks);
}

function stopRows(d: StopProcessingData, mask: boolean): { label: string; value: string }[] {
  const rows: { label: string; value: string }[] = [];
  if (d.applicant.idNumber) rows.push({ label: 'Số định danh', value: mask ? maskIdNumber(d.applicant.idNumber) : d.applicant.idNumber });
  if (d.requestedBy) rows.push({ label: 'Người đề nghị dừng', value: d.requestedBy });
  if (d.requestedAt) rows.push({ label: 'Thời gian đề nghị', value: formatVietnamDateTime(d.requestedAt) });
  rows.push({ label: 'Lý do dừng giải quyết', value: d.reason });
  if (d.feeNote) rows.push({ label: 'Phí, lệ phí', value: d.feeNote });
  if (d.papersReturn) rows.push({ label: 'Nhận lại hồ sơ giấy', value: d.papersReturn });
  return rows;
}

/** Only the 2025 set has this form (TT 03/2025, Mẫu 05): the applicant asked to stop the dossier. */
export function stopProcessing(d: StopProcessingData, options: DocumentOptions): PrintDocument {
  const formSet = options.formSet ?? '2025';
  // Handed to the applicant, so the ID number is masked like on the receipt.
  const mask = options.maskPersonalData ?? true;
  const blocks: Block[] = [
    ...letterOpening(d, formSet, 'stopProcessing'),
    ...(isThermal(options.layout) ? [] : [{ type: 'barcode', format: 'CODE128', value: d.dossierCode } as Block]),
    dossierRows(d),
    { type: 'fields', rows: stopRows(d, mask) },
    // Where the papers come back is said once, in its row above.
    { type: 'text', text: 'Theo đề nghị của Ông/Bà, cơ quan tiếp nhận thông báo dừng giải quyết hồ sơ nêu trên.' },
    {
      type: 'signatures',
      parties: [
        { title: 'NGƯỜI ĐỀ NGHỊ', note: '(Ký và ghi rõ họ tên)', name: d.requestedBy ?? d.applicant.name },
        { title: d.signerTitle.toUpperCase(), note: '(Ký, ghi rõ họ tên và đóng dấu)', name: d.signerName },
      ],
    },
  ];
  return makeDocument('stopProcessing', `Thông báo dừng giải quyết ${d.dossierCode}`, { ...options, formSet }, blocks);
}
