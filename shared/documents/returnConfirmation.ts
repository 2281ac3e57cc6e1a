// Phiếu xác nhận trả kết quả: what the desk hands over with the result (or gives the post) when the
// counter is set to print it. Not a numbered form of either circular, so it names no legal basis;
// the recipient and the officer sign it, and the Center keeps the signed copy.
import { formatVnDateline, maskIdNumber } from './format';
import { formatVietnamDateTime } from '../domain/time';
import { DEFAULT_FORM_SET, isThermal, makeDocument, officialHeader, titleBlock } from './forms';
import type { AgencyHeader, Block, DocumentOptions, PrintDocument } from './model';
import { statusQrContent } from './qrContent';

export const RETURN_CONFIRMATION_TITLE = 'PHIẾU XÁC NHẬN TRẢ KẾT QUẢ';

export interface ReturnConfirmationData {
  agency: AgencyHeader;
  /** Dateline place, e.g. "Nghệ An". */
  place: string;
  dossierCode: string;
  /** The 12-digit numeric key printed as CODE128 set C on rolls; absent when the code cannot be keyed. */
  barcodeKey?: string;
  /** Base URL of the public status page, for the QR on rolls (the bare code without it). */
  statusPageUrl?: string;
  /** The dossier's status-page secret (recorded at reception), so the QR opens its page; absent for a dossier received before secrets. */
  statusSecret?: string;
  procedureName: string;
  applicantName: string;
  /** At the desk: who took the result, with the ID checked; by post: the item handed to the courier. */
  handover:
    | { method: 'desk'; place: string; recipientName: string; recipientIdNumber?: string; authorised: boolean; authorisationNote?: string }
    | { method: 'post'; postalItemNumber: string; address?: string };
  /** ISO instant of the hand-over. */
  returnedAt: string;
  /** The receipt of fees collected at the hand-over, e.g. "26TAA số 0000701 – 50.000 ₫". */
  feeReceipt?: string;
  counterName: string;
  officerName: string;
}

function handoverRows(d: ReturnConfirmationData, mask: boolean): { label: string; value: string }[] {
  const h = d.handover;
  if (h.method === 'post') {
    const rows = [
      { label: 'Hình thức trả', value: 'Qua dịch vụ bưu chính công ích' },
      { label: 'Số hiệu bưu gửi', value: h.postalItemNumber },
    ];
    if (h.address) rows.push({ label: 'Địa chỉ nhận', value: h.address });
    return rows;
  }
  // Who took the result, whether on their own behalf, and the ID checked, in one row: a signed A5 page must fit.
  const who = `${h.recipientName} (${h.authorised ? 'người được ủy quyền' : 'người nộp hồ sơ'})`;
  const id = h.recipientIdNumber ? `, số định danh ${mask ? maskIdNumber(h.recipientIdNumber) : h.recipientIdNumber}` : '';
  const rows = [
    { label: 'Hình thức trả', value: `Trực tiếp tại ${h.place}` },
    { label: 'Người nhận kết quả', value: who + id },
  ];
  if (h.authorised) rows.push({ label: 'Giấy ủy quyền', value: h.authorisationNote?.trim() || 'Chưa ghi' });
  return rows;
}

export function returnConfirmation(d: ReturnConfirmationData, options: DocumentOptions): PrintDocument {
  const formSet = options.formSet ?? DEFAULT_FORM_SET;
  const thermal = isThermal(options.layout);
  // Handed to the citizen like the receipt slip, so the ID number is masked unless asked otherwise.
  const mask = options.maskPersonalData ?? true;
  const blocks: Block[] = [
    officialHeader(d.agency),
    { type: 'text', text: `${d.place}, ${formatVnDateline(d.returnedAt)}`, style: { italic: true, align: 'right', size: 'small' } },
    titleBlock(RETURN_CONFIRMATION_TITLE),
    { type: 'text', text: `Mã hồ sơ: ${d.dossierCode}`, style: { bold: true, align: 'center', size: 'large' } },
  ];
  // Same symbols as the receipt slip: the numeric key on rolls (the full code is too wide), the full code on sheets.
  if (thermal) {
    if (d.barcodeKey) blocks.push({ type: 'barcode', format: 'CODE128', value: d.barcodeKey });
  } else {
    blocks.push({ type: 'barcode', format: 'CODE128', value: d.dossierCode });
  }
  const fields = [
    { label: 'Thủ tục', value: d.procedureName },
    { label: 'Người nộp hồ sơ', value: d.applicantName },
    ...handoverRows(d, mask),
    { label: 'Thời gian trả kết quả', value: formatVietnamDateTime(d.returnedAt) },
  ];
  if (d.feeReceipt) fields.push({ label: 'Biên lai phí, lệ phí', value: d.feeReceipt });
  fields.push({ label: 'Cán bộ trả kết quả', value: `${d.officerName} (${d.counterName})` });
  blocks.push({ type: 'fields', rows: fields });
  const byPost = d.handover.method === 'post';
  blocks.push(
    {
      type: 'text',
      text: byPost
        ? 'Kết quả giải quyết hồ sơ đã được giao cho nhân viên bưu chính để chuyển đến địa chỉ của người nộp hồ sơ.'
        : 'Người nhận đã nhận đủ kết quả giải quyết hồ sơ nêu trên và đã kiểm tra giấy tờ tùy thân.',
    },
    {
      type: 'signatures',
      parties: [
        byPost
          ? { title: 'NHÂN VIÊN BƯU CHÍNH', note: '(Ký và ghi rõ họ tên)' }
          : { title: 'NGƯỜI NHẬN KẾT QUẢ', note: '(Ký và ghi rõ họ tên)', name: d.handover.method === 'desk' ? d.handover.recipientName : undefined },
        { title: 'CÁN BỘ TRẢ KẾT QUẢ', note: '(Ký và ghi rõ họ tên)', name: d.officerName },
      ],
    },
  );
  if (thermal) {
    blocks.push({ type: 'rule', dashed: true }, { type: 'qr', value: statusQrContent(d.dossierCode, d.statusPageUrl, d.statusSecret), caption: 'Quét mã QR để tra cứu hồ sơ' });
  }
  return makeDocument('returnConfirmation', `Phiếu xác nhận trả kết quả ${d.dossierCode}`, { ...options, formSet }, blocks);
}
