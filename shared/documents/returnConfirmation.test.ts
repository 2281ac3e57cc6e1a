import { describe, expect, it } from 'vitest';
import { renderDocumentHtml } from './html';
import type { BarcodeBlock, FieldsBlock, PrintDocument, QrBlock, SignatureBlock } from './index';
import { returnConfirmation, RETURN_CONFIRMATION_TITLE, type ReturnConfirmationData } from './returnConfirmation';

const BASE: ReturnConfirmationData = {
  agency: { parent: 'UBND tỉnh Nghệ An', name: 'Trung tâm Phục vụ Hành chính công' },
  place: 'Nghệ An',
  dossierCode: '000.00.15.H41-260112-0001',
  barcodeKey: '012601120001',
  statusPageUrl: 'https://dichvucong.nghean.gov.vn/tra-cuu/',
  procedureName: 'Cấp giấy phép xây dựng nhà ở riêng lẻ',
  applicantName: 'Nguyễn Thị Hồng Nhung',
  handover: {
    method: 'desk',
    place: 'Quầy trả kết quả',
    recipientName: 'Võ Thị Giang',
    recipientIdNumber: '040195006666',
    authorised: true,
    authorisationNote: 'Giấy ủy quyền số 15/UQ ngày 20/11/2026',
  },
  returnedAt: '2026-01-30T03:05:00.000Z',
  feeReceipt: '26TAA số 0000701 – 50.000 ₫',
  counterName: 'Quầy 5',
  officerName: 'Trần Văn Hùng',
};

const rows = (doc: PrintDocument): Record<string, string> => Object.fromEntries(doc.blocks.filter((b): b is FieldsBlock => b.type === 'fields').flatMap((b) => b.rows.map((r) => [r.label, r.value])));
const ofType = <T extends PrintDocument['blocks'][number]>(doc: PrintDocument, type: T['type']): T[] => doc.blocks.filter((b) => b.type === type) as T[];

describe('returnConfirmation', () => {
  it('its QR opens the dossier’s status page with the secret recorded at reception, as the slip’s does', () => {
    const doc = returnConfirmation({ ...BASE, statusSecret: 'ABCDEFGH2345' }, { layout: 'thermal' });
    expect(ofType<QrBlock>(doc, 'qr').map((b) => b.value)).toEqual(['https://dichvucong.nghean.gov.vn/tra-cuu/000.00.15.H41-260112-0001?k=ABCDEFGH2345']);
  });

  it('on a roll carries the numeric key as CODE128, the code in a QR, and the recipient with the ID masked', () => {
    const doc = returnConfirmation(BASE, { layout: 'thermal' });
    expect(doc.kind).toBe('returnConfirmation');
    expect(doc.title).toBe('Phiếu xác nhận trả kết quả 000.00.15.H41-260112-0001');
    expect(ofType<BarcodeBlock>(doc, 'barcode').map((b) => b.value)).toEqual(['012601120001']);
    expect(ofType<QrBlock>(doc, 'qr').map((b) => b.value)).toEqual(['https://dichvucong.nghean.gov.vn/tra-cuu/000.00.15.H41-260112-0001']);
    const r = rows(doc);
    expect(r['Người nhận kết quả']).toBe('Võ Thị Giang (người được ủy quyền), số định danh 040******666');
    expect(r['Giấy ủy quyền']).toBe('Giấy ủy quyền số 15/UQ ngày 20/11/2026');
    expect(r['Thời gian trả kết quả']).toBe('10:05 30/01/2026');
    expect(r['Biên lai phí, lệ phí']).toBe('26TAA số 0000701 – 50.000 ₫');
    expect(r['Cán bộ trả kết quả']).toBe('Trần Văn Hùng (Quầy 5)');
    expect(JSON.stringify(doc)).not.toContain('040195006666');
    const sign = ofType<SignatureBlock>(doc, 'signatures')[0]!;
    expect(sign.parties.map((p) => [p.title, p.name])).toEqual([
      ['NGƯỜI NHẬN KẾT QUẢ', 'Võ Thị Giang'],
      ['CÁN BỘ TRẢ KẾT QUẢ', 'Trần Văn Hùng'],
    ]);
  });

  it('on a sheet carries the full code as CODE128 and no QR; the ID is shown in full only when unmasked', () => {
    const doc = returnConfirmation(BASE, { layout: 'sheet', maskPersonalData: false });
    expect(ofType<BarcodeBlock>(doc, 'barcode').map((b) => b.value)).toEqual(['000.00.15.H41-260112-0001']);
    expect(ofType<QrBlock>(doc, 'qr')).toEqual([]);
    expect(rows(doc)['Người nhận kết quả']).toBe('Võ Thị Giang (người được ủy quyền), số định danh 040195006666');
    const html = renderDocumentHtml(doc, 'A5');
    expect(html).toContain(RETURN_CONFIRMATION_TITLE);
    expect(html).toContain('ngày 30 tháng 01 năm 2026');
  });

  it('for the applicant in person says not authorised and leaves out the letter', () => {
    const doc = returnConfirmation(
      {
        ...BASE,
        feeReceipt: undefined,
        handover: { method: 'desk', place: 'Quầy trả kết quả', recipientName: BASE.applicantName, recipientIdNumber: '040301000123', authorised: false, authorisationNote: 'bỏ qua' },
      },
      { layout: 'thermal' },
    );
    const r = rows(doc);
    expect(r['Người nhận kết quả']).toBe('Nguyễn Thị Hồng Nhung (người nộp hồ sơ), số định danh 040******123');
    expect(r['Giấy ủy quyền']).toBeUndefined();
    expect(r['Biên lai phí, lệ phí']).toBeUndefined();
  });

  it('by post names the postal item number and the postal worker signs instead of a recipient', () => {
    const doc = returnConfirmation({ ...BASE, handover: { method: 'post', postalItemNumber: 'EE123456789VN', address: '12 Lê Lợi, Vinh' } }, { layout: 'sheet' });
    const r = rows(doc);
    expect(r['Số hiệu bưu gửi']).toBe('EE123456789VN');
    expect(r['Hình thức trả']).toBe('Qua dịch vụ bưu chính công ích');
    expect(r['Người nhận kết quả']).toBeUndefined();
    expect(ofType<SignatureBlock>(doc, 'signatures')[0]!.parties[0]!.title).toBe('NHÂN VIÊN BƯU CHÍNH');
  });

  it('without a key prints no 1D barcode on a roll, but the QR still holds the code', () => {
    const doc = returnConfirmation({ ...BASE, barcodeKey: undefined, statusPageUrl: undefined }, { layout: 'thermal', reprint: true });
    expect(ofType<BarcodeBlock>(doc, 'barcode')).toEqual([]);
    expect(ofType<QrBlock>(doc, 'qr')[0]!.value).toBe(BASE.dossierCode);
    expect(doc.reprint).toBe(true);
  });
});
