// Biên lai thu phí, lệ phí with the fields Nghị định 254/2026 and Thông tư 91/2026 require:
// form and series symbols, ascending number, the unit and its tax code, amount in figures and words.
import { amountInWords, formatVnd } from '../codes';
import { formatVnDateline } from './format';
import { formatVietnamDateTime } from '../domain/time';
import { makeDocument } from './forms';
import type { Block, DocumentOptions, PrintDocument } from './model';

export interface FeeReceiptData {
  unitName: string;
  unitTaxCode: string;
  unitAddress?: string;
  /** `EBL01` (no face value) or `EBL02` (with face value). */
  formSymbol: string;
  /** 2-digit year + `T` + 2 letters, e.g. `26TAA`. */
  series: string;
  /** Up to 8 digits, ascending, restarting at 1 each 1 January. */
  number: number;
  payerName: string;
  payerAddress?: string;
  dossierCode?: string;
  feeName: string;
  /** Whole đồng. */
  amount: number;
  issuedAt: string;
  collectorName: string;
  /** Where the payer looks the electronic receipt up, when the unit publishes one. */
  lookupUrl?: string;
}

export function feeReceiptNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99_999_999) throw new RangeError(`Số biên lai phải từ 1 đến 99999999, nhận được ${n}.`);
  return String(n).padStart(7, '0');
}

export function feeReceipt(d: FeeReceiptData, options: DocumentOptions): PrintDocument {
  const number = feeReceiptNumber(d.number);
  const unitRows = [{ label: 'Mã số thuế', value: d.unitTaxCode }];
  if (d.unitAddress) unitRows.push({ label: 'Địa chỉ', value: d.unitAddress });
  const payerRows = [{ label: 'Người nộp', value: d.payerName }];
  if (d.payerAddress) payerRows.push({ label: 'Địa chỉ', value: d.payerAddress });
  if (d.dossierCode) payerRows.push({ label: 'Mã hồ sơ', value: d.dossierCode });
  const blocks: Block[] = [
    { type: 'text', text: d.unitName.toUpperCase(), style: { bold: true, align: 'center' } },
    { type: 'fields', rows: unitRows, style: { size: 'small' } },
    { type: 'text', text: 'BIÊN LAI THU PHÍ, LỆ PHÍ', style: { size: 'title', bold: true, align: 'center' } },
    { type: 'text', text: formatVnDateline(d.issuedAt), style: { italic: true, align: 'center', size: 'small' } },
    {
      type: 'fields',
      rows: [
        { label: 'Mẫu số', value: d.formSymbol },
        { label: 'Ký hiệu', value: d.series },
        { label: 'Số', value: number },
      ],
      style: { size: 'small' },
    },
    { type: 'rule' },
    { type: 'fields', rows: payerRows },
    {
      type: 'table',
      columns: [
        { title: 'Tên loại phí, lệ phí', width: 3 },
        { title: 'Số tiền', width: 2, align: 'right' },
      ],
      rows: [[d.feeName, formatVnd(d.amount)]],
    },
    { type: 'fields', rows: [{ label: 'Tổng số tiền', value: formatVnd(d.amount) }], style: { bold: true } },
    { type: 'fields', rows: [{ label: 'Số tiền bằng chữ', value: amountInWords(d.amount) }] },
    { type: 'text', text: `Thu lúc ${formatVietnamDateTime(d.issuedAt)}`, style: { size: 'small' } },
    {
      type: 'signatures',
      parties: [
        { title: 'NGƯỜI NỘP TIỀN', note: '(Ký, ghi rõ họ tên)', name: d.payerName },
        { title: 'NGƯỜI THU TIỀN', note: '(Ký số)', name: d.collectorName },
      ],
    },
  ];
  if (d.lookupUrl) blocks.push({ type: 'qr', value: d.lookupUrl, caption: 'Tra cứu biên lai điện tử' });
  return makeDocument('feeReceipt', `Biên lai ${d.series} số ${number}`, options, blocks);
}
