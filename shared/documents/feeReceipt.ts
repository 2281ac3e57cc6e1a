// Biên lai thu phí, lệ phí with the fields Nghị định 254/2026 and Thông tư 91/2026 require:
// form and series symbols, ascending number, the unit and its tax code, each fee and its amount,
// the total in figures and words, and where the payer looks the electronic receipt up.
import { amountInWords, formatReceiptNumber, formatVnd, vietQrPayload, type BankAccount } from '../codes';
import { PAYMENT_METHOD_LABELS } from '../domain/labels';
import { formatVnDateline } from './format';
import { formatVietnamDateTime } from '../domain/time';
import { makeDocument } from './forms';
import type { Block, DocumentOptions, PrintDocument } from './model';

export interface FeeReceiptLine {
  name: string;
  /** Whole đồng. */
  amount: number;
}

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
  /** Each fee or charge on its own line; the total is their sum. */
  lines: FeeReceiptLine[];
  issuedAt: string;
  collectorName: string;
  /** The unit's receipt lookup page; the receipt's QR opens it with the lookup code. */
  lookupUrl?: string;
  /** How the fee was paid, printed as «Hình thức thanh toán». */
  paymentMethod?: PaymentMethod;
  /** The Center's account: a transfer's receipt carries the VietQR the payer transferred through (amount, dossier code). */
  transferTo?: BankAccount;
}

export type PaymentMethod = keyof typeof PAYMENT_METHOD_LABELS;

/** The number as printed and shown: all 8 digits (shared/codes). */
export const feeReceiptNumber = formatReceiptNumber;

/**
 * What the payer types on the lookup page (or the QR carries): form symbol, series and number, the
 * three facts that name one receipt of the unit, so any copy of the receipt finds it again.
 */
export function receiptLookupCode(r: { formSymbol: string; series: string; number: number }): string {
  return `${r.formSymbol}-${r.series}-${feeReceiptNumber(r.number)}`;
}

/** The lookup page with the code as the `ma` parameter. */
export function receiptLookupUrl(lookupUrl: string, r: { formSymbol: string; series: string; number: number }): string {
  return `${lookupUrl.trim()}${lookupUrl.includes('?') ? '&' : '?'}ma=${receiptLookupCode(r)}`;
}

/**
 * Why a receipt cannot be issued with this tax code, in Vietnamese for the desk, or undefined. A
 * receipt without the unit's tax code (10 digits, or 10-3 for a dependent unit) is not a receipt.
 */
/** A unit's tax code: 10 digits, or 10-3 for a dependent unit. */
export const UNIT_TAX_CODE_PATTERN = /^\d{10}(-\d{3})?$/;

export function receiptTaxCodeProblem(taxCode: string): string | undefined {
  const t = taxCode.trim();
  if (t === '')
    return 'Chưa thu được phí tại quầy: mã số thuế của đơn vị thu chưa được khai báo, nên không lập được biên lai. Hãy báo quản trị khai báo mã số thuế trong cấu hình Trung tâm; chưa có gì được ghi nhận.';
  if (!UNIT_TAX_CODE_PATTERN.test(t))
    return `Chưa thu được phí tại quầy: mã số thuế «${t}» trong cấu hình không hợp lệ (10 chữ số, hoặc 10 chữ số - 3 chữ số). Hãy báo quản trị sửa lại; chưa có gì được ghi nhận.`;
  return undefined;
}

/** «Hình thức thanh toán», and for a transfer the account, the transfer content and the VietQR it went through. */
function paymentBlocks(d: FeeReceiptData, total: number): Block[] {
  if (!d.paymentMethod) return [];
  const label = PAYMENT_METHOD_LABELS[d.paymentMethod];
  const blocks: Block[] = [{ type: 'fields', rows: [{ label: 'Hình thức thanh toán', value: label[0]!.toUpperCase() + label.slice(1) }] }];
  if (d.paymentMethod !== 'transfer' || !d.transferTo || !d.dossierCode) return blocks;
  const payload = vietQrPayload({ account: d.transferTo, amount: total, reference: d.dossierCode });
  if (!payload.ok) return blocks;
  blocks.push(
    {
      type: 'fields',
      rows: [
        { label: 'Tài khoản nhận', value: `${d.transferTo.accountNumber} – ${d.transferTo.accountName}` },
        { label: 'Nội dung chuyển khoản', value: d.dossierCode },
      ],
      style: { size: 'small' },
    },
    { type: 'qr', value: payload.value, caption: 'VietQR của khoản đã chuyển: đã thu, không chuyển lại' },
  );
  return blocks;
}

export function feeReceipt(d: FeeReceiptData, options: DocumentOptions): PrintDocument {
  const taxProblem = receiptTaxCodeProblem(d.unitTaxCode);
  if (taxProblem) throw new RangeError(taxProblem);
  if (d.lines.length === 0) throw new RangeError('Biên lai phải có ít nhất một khoản phí, lệ phí.');
  const number = feeReceiptNumber(d.number);
  const total = d.lines.reduce((sum, l) => sum + l.amount, 0);
  const unitRows = [{ label: 'Mã số thuế', value: d.unitTaxCode.trim() }];
  if (d.unitAddress) unitRows.push({ label: 'Địa chỉ', value: d.unitAddress });
  const payerRows = [{ label: 'Người nộp', value: d.payerName }];
  if (d.payerAddress) payerRows.push({ label: 'Địa chỉ', value: d.payerAddress });
  if (d.dossierCode) payerRows.push({ label: 'Mã hồ sơ', value: d.dossierCode });
  const lookupCode = receiptLookupCode(d);
  const lookupRows = [{ label: 'Mã tra cứu', value: lookupCode }];
  if (d.lookupUrl) lookupRows.push({ label: 'Tra cứu tại', value: d.lookupUrl.trim() });
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
        { title: 'TT', width: 1, align: 'center' },
        { title: 'Tên loại phí, lệ phí', width: 6 },
        { title: 'Số tiền', width: 3, align: 'right' },
      ],
      rows: d.lines.map((l, i) => [String(i + 1), l.name, formatVnd(l.amount)]),
    },
    { type: 'fields', rows: [{ label: 'Tổng số tiền', value: formatVnd(total) }], style: { bold: true } },
    { type: 'fields', rows: [{ label: 'Số tiền bằng chữ', value: amountInWords(total) }] },
    ...paymentBlocks(d, total),
    { type: 'text', text: `Thu lúc ${formatVietnamDateTime(d.issuedAt)}`, style: { size: 'small' } },
    {
      type: 'signatures',
      parties: [
        { title: 'NGƯỜI NỘP TIỀN', note: '(Ký, ghi rõ họ tên)', name: d.payerName },
        { title: 'NGƯỜI THU TIỀN', note: '(Ký số)', name: d.collectorName },
      ],
    },
    { type: 'rule', dashed: true },
    { type: 'fields', rows: lookupRows, style: { size: 'small' } },
  ];
  if (d.lookupUrl) blocks.push({ type: 'qr', value: receiptLookupUrl(d.lookupUrl, d), caption: 'Quét mã QR để tra cứu biên lai điện tử' });
  return makeDocument('feeReceipt', `Biên lai ${d.series} số ${number}`, options, blocks);
}
