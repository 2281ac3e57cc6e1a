import { describe, expect, it } from 'vitest';
import { apology } from './letters';
import { appointmentSlip } from './appointmentSlip';
import { controlSheet } from './controlSheet';
import { DEFAULT_FORM_SET, FORM_SETS, formEntry, legalBasis } from './forms';
import { FORM_SET_2025 } from './forms2025';
import type { FieldsBlock, PrintDocument, TextBlock } from './model';
import { registerBook } from './registerBook';
import { stopProcessing } from './letters';

const AGENCY = { parent: 'UBND tỉnh Nghệ An', name: 'Trung tâm Phục vụ Hành chính công' };
const BASE = {
  agency: AGENCY,
  place: 'Nghệ An',
  issuedAt: '2026-01-14T03:00:00.000Z',
  dossierCode: '000.00.15.H41-260112-0001',
  applicant: { name: 'Nguyễn Thị Hồng Nhung', idNumber: '040301000123', representative: 'Lê Văn Tâm' },
  procedureName: 'Cấp Giấy chứng nhận quyền sử dụng đất',
  receivedAt: '2026-01-12T01:05:00.000Z',
};
const texts = (doc: PrintDocument): string[] => doc.blocks.filter((b): b is TextBlock => b.type === 'text').map((b) => b.text);
const fields = (doc: PrintDocument): string[] => doc.blocks.filter((b): b is FieldsBlock => b.type === 'fields').flatMap((b) => b.rows.map((r) => `${r.label}=${r.value}`));

describe('the 2025 form set as data', () => {
  it('is the default, numbered 01–07, and still marked unconfirmed', () => {
    expect(DEFAULT_FORM_SET).toBe('2025');
    expect(FORM_SET_2025.confirmed).toBe(false);
    const numbers = Object.values(FORM_SET_2025.forms)
      .map((f) => f.number)
      .sort();
    expect(numbers).toEqual(['01', '02', '03', '04', '05', '06', '07']);
    expect(formEntry('2025', 'apology').title).toBe('VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT');
    expect(formEntry('2025', 'stopProcessing').title).toBe('THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ');
    expect(formEntry('2018', 'controlSheet').number).toBe('05');
    expect(FORM_SETS['2018'].forms.stopProcessing).toBeUndefined();
  });

  it('names the decree and the circular on every 2025 form', () => {
    for (const form of Object.keys(FORM_SET_2025.forms) as (keyof typeof FORM_SET_2025.forms)[]) {
      expect(legalBasis('2025', form)).toContain('Nghị định số 118/2025/NĐ-CP');
      expect(legalBasis('2025', form)).toContain('Thông tư số 03/2025/TT-VPCP');
    }
    expect(() => legalBasis('2018', 'stopProcessing')).toThrow(/không có mẫu/);
  });

  it('prints every field the receipt spec lists that the data carries', () => {
    const doc = appointmentSlip(
      {
        ...BASE,
        barcodeKey: '012601120001',
        applicant: { ...BASE.applicant, address: 'TP Vinh', phone: '0912345678', email: 'a@b.vn' },
        documents: [],
        setCount: 1,
        processingDays: 15,
        appointmentAt: '2026-02-02T02:00:00.000Z',
        collect: { method: 'desk', place: 'Quầy trả kết quả' },
        register: { year: 2026, number: 3 },
        counterName: 'Quầy 3',
        officerName: 'Trần Văn Đức',
      },
      { layout: 'sheet' },
    );
    const labels = new Set(fields(doc).map((f) => f.split('=')[0]));
    for (const label of FORM_SET_2025.forms.receipt.fields.filter((f) => f !== 'Mã hồ sơ')) expect(labels).toContain(label);
    expect(texts(doc)).toContain(legalBasis('2025', 'receipt'));
  });
});

describe('form 04 (2025): apology and request to extend', () => {
  const data = {
    ...BASE,
    originalAppointmentAt: '2026-02-02T02:00:00.000Z',
    newAppointmentAt: '2026-02-09T02:00:00.000Z',
    reason: 'Cần xác minh nguồn gốc đất.',
    decidingAgency: 'Sở Nông nghiệp và Môi trường',
    signerTitle: 'Giám đốc',
    signerName: 'Lê Văn Hải',
  };
  it('keeps the original date apart from the requested one and asks to extend', () => {
    const doc = apology(data, { layout: 'sheet' });
    expect(fields(doc)).toContain('Thời hạn giải quyết đã hẹn=09:00 02/02/2026');
    expect(fields(doc)).toContain('Đề nghị gia hạn đến=09:00 09/02/2026');
    expect(texts(doc).join(' ')).toContain('đề nghị Ông/Bà đồng ý gia hạn');
  });
  it('stays the 2018 apology with a new date when the 2018 set is chosen', () => {
    const doc = apology(data, { layout: 'sheet', formSet: '2018' });
    expect(texts(doc).join(' ')).toContain('hẹn trả kết quả vào 09:00 09/02/2026');
    expect(texts(doc)).toContain('Mẫu số 04 – Thông tư số 01/2018/TT-VPCP');
  });
});

describe('form 05 (2025): notice of stopping', () => {
  it('records who asked, why, the fees and where the papers come back; masks the ID by default', () => {
    const doc = stopProcessing(
      {
        ...BASE,
        reason: 'Điều chỉnh diện tích',
        requestedBy: 'Lê Văn Tâm (người được ủy quyền)',
        requestedAt: '2026-01-14T02:30:00.000Z',
        feeNote: 'Lệ phí đã nộp không được hoàn trả.',
        papersReturn: 'Tại quầy trả kết quả',
        signerTitle: 'Cán bộ tiếp nhận',
        signerName: 'Trần Văn Đức',
      },
      { layout: 'thermal' },
    );
    const f = fields(doc);
    expect(f).toContain('Số định danh=040******123');
    expect(f).toContain('Người đề nghị dừng=Lê Văn Tâm (người được ủy quyền)');
    expect(f).toContain('Thời gian đề nghị=09:30 14/01/2026');
    expect(f).toContain('Phí, lệ phí=Lệ phí đã nộp không được hoàn trả.');
    expect(f).toContain('Nhận lại hồ sơ giấy=Tại quầy trả kết quả');
  });
});

describe('forms 06 and 07 (2025)', () => {
  it('numbers the control sheet 06 in 2025 and 05 in 2018', () => {
    const data = { agency: AGENCY, dossierCode: BASE.dossierCode, applicantName: 'A', procedureName: 'B', receivedAt: BASE.receivedAt, appointmentAt: BASE.receivedAt, rows: [] };
    expect(texts(controlSheet(data, { layout: 'sheet' }))[0]).toMatch(/^Mẫu số 06/);
    expect(texts(controlSheet(data, { layout: 'sheet', formSet: '2018' }))[0]).toMatch(/^Mẫu số 05/);
  });
  it('prints the register per field with its 11 columns on sheets and one block per entry on rolls', () => {
    const row = {
      seq: 7,
      dossierCode: BASE.dossierCode,
      procedureName: 'Đăng ký khai sinh',
      applicantName: 'Võ Đình Ước',
      addressPhone: 'Nghi Lộc, 0912345678',
      decidingAgency: 'Sở Tư pháp',
      receivedAt: BASE.receivedAt,
      appointmentAt: '2026-01-15T02:00:00.000Z',
    };
    const data = { agency: AGENCY, field: 'Hộ tịch', year: 2026, book: '01/2026', rows: [row, { ...row, seq: 8, returnedAt: '2026-01-15T03:00:00.000Z', collectedHow: 'Tại quầy' }] };
    const sheet = registerBook(data, { layout: 'sheet' });
    const table = sheet.blocks.find((b) => b.type === 'table');
    expect(table?.type === 'table' && table.columns.length).toBe(FORM_SET_2025.forms.register.fields.length);
    expect(table?.type === 'table' && table.rows[1]).toEqual([
      '08',
      BASE.dossierCode,
      'Đăng ký khai sinh',
      'Võ Đình Ước',
      'Nghi Lộc, 0912345678',
      'Sở Tư pháp',
      '12/01/2026',
      '15/01/2026',
      '15/01/2026',
      'Tại quầy',
      '',
    ]);
    const roll = registerBook(data, { layout: 'thermal' });
    expect(roll.blocks.some((b) => b.type === 'table')).toBe(false);
    expect(fields(roll)).toContain('Đã trả=Chưa trả');
    expect(texts(registerBook(data, { layout: 'sheet', formSet: '2018' }))[0]).toBe('Mẫu số 06 – Thông tư số 01/2018/TT-VPCP');
  });
});
