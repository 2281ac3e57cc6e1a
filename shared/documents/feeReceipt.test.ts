import { describe, expect, it } from 'vitest';
import { receiptLabel } from '../codes';
import { feeReceipt, feeReceiptNumber, receiptLookupCode, receiptLookupUrl, receiptTaxCodeProblem, type FeeReceiptData } from './feeReceipt';
import type { PrintDocument } from './model';

const DATA: FeeReceiptData = {
  unitName: 'Trung tâm Phục vụ Hành chính công tỉnh Nghệ An',
  unitTaxCode: '2901234567',
  formSymbol: 'EBL01',
  series: '26TAA',
  number: 125,
  payerName: 'Nguyễn Thị Hồng Nhung',
  lines: [
    { name: 'Lệ phí cấp Giấy chứng nhận', amount: 100_000 },
    { name: 'Phí thẩm định hồ sơ', amount: 1_150_000 },
  ],
  issuedAt: '2026-01-12T01:10:00.000Z',
  collectorName: 'Phạm Thị Lý',
  lookupUrl: 'https://hoadon.nghean.gov.vn/tra-cuu',
};

const fields = (doc: PrintDocument): string[] => doc.blocks.flatMap((b) => (b.type === 'fields' ? b.rows.map((r) => `${r.label}=${r.value}`) : []));

describe('fee receipt', () => {
  it('says how it was paid, and a transfer carries the VietQR of the total and the dossier code', () => {
    const account = { bin: '970415', accountNumber: '113366668888', accountName: 'TRUNG TAM PVHCC TINH NGHE AN' };
    const code = '000.00.15.H41-260112-0001';
    const qrs = (doc: PrintDocument) => doc.blocks.flatMap((b) => (b.type === 'qr' ? [b.value] : []));
    const cash = feeReceipt({ ...DATA, dossierCode: code, paymentMethod: 'cash', transferTo: account }, { layout: 'thermal' });
    expect(fields(cash)).toContain('Hình thức thanh toán=Tiền mặt');
    expect(qrs(cash).some((v) => v.includes('A000000727'))).toBe(false);
    const transfer = feeReceipt({ ...DATA, dossierCode: code, paymentMethod: 'transfer', transferTo: account }, { layout: 'thermal' });
    expect(fields(transfer)).toEqual(expect.arrayContaining(['Hình thức thanh toán=Chuyển khoản', `Nội dung chuyển khoản=${code}`]));
    const vietQr = qrs(transfer).find((v) => v.includes('A000000727'));
    expect(vietQr).toContain('54071250000');
    expect(vietQr).toContain(`0125${code}`);
  });

  it('is numbered with all 8 digits on paper, as on screen', () => {
    expect(feeReceiptNumber(1)).toBe('00000001');
    expect(fields(feeReceipt(DATA, { layout: 'thermal' }))).toContain('Số=00000125');
    expect(receiptLabel(DATA)).toBe('EBL01/26TAA số 00000125');
  });

  it('prints each fee and its amount, then their total in figures and words', () => {
    const doc = feeReceipt(DATA, { layout: 'sheet' });
    const table = doc.blocks.find((b) => b.type === 'table');
    expect(table?.type === 'table' && table.rows).toEqual([
      ['1', 'Lệ phí cấp Giấy chứng nhận', '100.000 ₫'],
      ['2', 'Phí thẩm định hồ sơ', '1.150.000 ₫'],
    ]);
    expect(fields(doc)).toContain('Tổng số tiền=1.250.000 ₫');
    expect(fields(doc).find((f) => f.startsWith('Số tiền bằng chữ='))).toMatch(/^Số tiền bằng chữ=Một triệu hai trăm năm mươi nghìn đồng/);
  });

  it('carries its lookup code, and the lookup page in a QR when the unit has one', () => {
    expect(receiptLookupCode(DATA)).toBe('EBL01-26TAA-00000125');
    const doc = feeReceipt(DATA, { layout: 'thermal' });
    expect(fields(doc)).toEqual(expect.arrayContaining(['Mã tra cứu=EBL01-26TAA-00000125', 'Tra cứu tại=https://hoadon.nghean.gov.vn/tra-cuu']));
    const qr = doc.blocks.find((b) => b.type === 'qr');
    expect(qr?.type === 'qr' && qr.value).toBe('https://hoadon.nghean.gov.vn/tra-cuu?ma=EBL01-26TAA-00000125');
    expect(receiptLookupUrl('https://x.vn/tra-cuu?dv=1', DATA)).toBe('https://x.vn/tra-cuu?dv=1&ma=EBL01-26TAA-00000125');
    const withoutPage = feeReceipt({ ...DATA, lookupUrl: undefined }, { layout: 'thermal' });
    expect(fields(withoutPage)).toContain('Mã tra cứu=EBL01-26TAA-00000125');
    expect(withoutPage.blocks.some((b) => b.type === 'qr')).toBe(false);
  });

  it('is never issued without the unit’s tax code', () => {
    expect(receiptTaxCodeProblem('')).toContain('mã số thuế của đơn vị thu chưa được khai báo');
    expect(receiptTaxCodeProblem('29012')).toContain('không hợp lệ');
    expect(receiptTaxCodeProblem('2901234567')).toBeUndefined();
    expect(receiptTaxCodeProblem('2901234567-001')).toBeUndefined();
    expect(() => feeReceipt({ ...DATA, unitTaxCode: ' ' }, { layout: 'thermal' })).toThrow(/mã số thuế/);
  });
});
