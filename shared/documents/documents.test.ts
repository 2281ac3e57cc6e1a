import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appointmentSlip } from './appointmentSlip';
import { base64ToBytes, bytesToBase64, maskIdNumber, maskPhone } from './format';
import { formatVietnamDateTime } from '../domain/time';
import { legalBasis, markReprint } from './forms';
import { renderDocumentHtml } from './html';
import type { AppointmentSlipData, BarcodeBlock, FieldsBlock, PrintDocument } from './index';
import { statusQrContent } from './qrContent';
import { code128Modules, qrMatrix } from './symbols';
import { VIETNAMESE_LETTERS } from './testPage';
import { wrapText } from './thermalLayout';
import { rasterToRgba, thresholdRgba } from './thermalRender';

const SLIP: AppointmentSlipData = {
  agency: { parent: 'UBND tỉnh Nghệ An', name: 'Trung tâm Phục vụ Hành chính công' },
  dossierCode: '000.00.15.H41-260112-0001',
  barcodeKey: '012601120001',
  applicant: { name: 'Nguyễn Thị Hồng Nhung', phone: '0912345678', idNumber: '040301000123', representative: 'Lê Văn Tâm' },
  procedureName: 'Cấp Giấy chứng nhận quyền sử dụng đất',
  documents: [{ name: 'Đơn đăng ký <Mẫu 04a>', originals: 1, certifiedCopies: 0, copies: 0 }],
  setCount: 1,
  processingDays: 15,
  receivedAt: '2026-01-12T01:05:00.000Z',
  appointmentAt: '2026-02-02T02:00:00.000Z',
  collect: { method: 'desk', place: 'Quầy trả kết quả' },
  counterName: 'Quầy 3',
  officerName: 'Trần Văn Đức',
};

const fieldValues = (doc: PrintDocument): string[] => doc.blocks.filter((b): b is FieldsBlock => b.type === 'fields').flatMap((b) => b.rows.map((r) => `${r.label}=${r.value}`));

describe('Vietnamese letters of the test page', () => {
  it('are the 146 distinct precomposed letters', () => {
    expect(VIETNAMESE_LETTERS).toHaveLength(146);
    expect(new Set(VIETNAMESE_LETTERS).size).toBe(146);
    for (const letter of VIETNAMESE_LETTERS) expect([...letter]).toHaveLength(1);
    expect(VIETNAMESE_LETTERS).toContain('ệ');
    expect(VIETNAMESE_LETTERS).toContain('Ữ');
  });
});

describe('formatting and masking', () => {
  it('prints Vietnam time whatever the machine zone', () => {
    expect(formatVietnamDateTime('2026-01-12T17:30:00.000Z')).toBe('00:30 13/01/2026');
  });

  it('masks ID numbers and phones as the public slip shows them', () => {
    expect(maskIdNumber('040301000123')).toBe('040******123');
    expect(maskPhone('0912345678')).toBe('0912***678');
  });

  it('keeps length and the visible ends of any ID', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{7,16}$/), (id) => {
        const masked = maskIdNumber(id);
        expect(masked).toHaveLength(id.length);
        expect(masked.slice(0, 3)).toBe(id.slice(0, 3));
        expect(masked.slice(-3)).toBe(id.slice(-3));
        expect(masked.slice(3, -3)).toMatch(/^\*+$/);
      }),
    );
  });

  it('base64 round-trips and matches Node', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = bytesToBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect([...base64ToBytes(text)]).toEqual([...bytes]);
      }),
    );
  });
});

describe('wrapText', () => {
  it('never exceeds the width unless a single character does, and keeps every word', () => {
    const measure = (t: string): number => t.length * 10;
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-zăâđêôơư]{1,15}$/), { maxLength: 30 }), fc.integer({ min: 10, max: 300 }), (words, width) => {
        const lines = wrapText(words.join(' '), width, measure);
        for (const line of lines) expect(measure(line) <= width || line.length === 1).toBe(true);
        expect(lines.join('').replace(/ /g, '')).toBe(words.join(''));
      }),
    );
  });
});

describe('wrapText and codes', () => {
  const measure = (t: string): number => t.length * 10;

  it('never breaks a dossier or batch code: too wide, it stands alone for the caller to shrink', () => {
    expect(wrapText('Mã hồ sơ: 000.00.15.H41-261207-1234 đã nhận', 200, measure)).toEqual(['Mã hồ sơ:', '000.00.15.H41-261207-1234', 'đã nhận']);
    expect(wrapText('Lô BG-261207-03-12', 100, measure)).toEqual(['Lô', 'BG-261207-03-12']);
  });

  it('as the last resort breaks a code at its hyphens, never inside a number', () => {
    expect(wrapText('000.00.15.H41-261207-123456', 210, measure, { splitCodes: true })).toEqual(['000.00.15.H41-261207-', '123456']);
  });
});

describe('symbols', () => {
  it('encodes the 12-digit key in set C (101 modules) and the full code in about 290', () => {
    expect(code128Modules('012601120001')).toHaveLength(101);
    expect(code128Modules('000.00.15.H41-260112-0001').length).toBeGreaterThan(250);
  });

  it('fits the bare dossier code in a version-2 QR', () => {
    expect(qrMatrix('000.00.15.H41-260112-0001').size).toBe(25);
  });

  it('appends the code to the status page URL', () => {
    expect(statusQrContent('000.00.15.H41-260112-0001', 'https://dvc.vn/tra-cuu/')).toBe('https://dvc.vn/tra-cuu/000.00.15.H41-260112-0001');
    expect(statusQrContent('000.00.15.H41-260112-0001')).toBe('000.00.15.H41-260112-0001');
  });
});

describe('appointment slip', () => {
  it('carries the numeric key on rolls and the full code on sheets', () => {
    const roll = appointmentSlip(SLIP, { layout: 'thermal' });
    const sheet = appointmentSlip(SLIP, { layout: 'sheet' });
    const barcode = (d: PrintDocument) => d.blocks.find((b): b is BarcodeBlock => b.type === 'barcode')?.value;
    expect(barcode(roll)).toBe('012601120001');
    expect(barcode(sheet)).toBe(SLIP.dossierCode);
    expect(roll.blocks.some((b) => b.type === 'qr')).toBe(true);
  });

  it('masks the phone by default and shows it when asked', () => {
    expect(fieldValues(appointmentSlip(SLIP, { layout: 'thermal' }))).toContain('Điện thoại=0912***678');
    expect(fieldValues(appointmentSlip(SLIP, { layout: 'sheet', maskPersonalData: false }))).toContain('Điện thoại=0912345678');
  });

  it('shows the ID number and representative only on the 2025 form', () => {
    const y2018 = fieldValues(appointmentSlip(SLIP, { layout: 'thermal', formSet: '2018' }));
    const y2025 = fieldValues(appointmentSlip(SLIP, { layout: 'thermal', formSet: '2025' }));
    expect(y2018.some((f) => f.startsWith('Số định danh'))).toBe(false);
    expect(y2025).toContain('Số định danh=040******123');
    expect(y2025).toContain('Người được ủy quyền=Lê Văn Tâm');
    expect(legalBasis('2025', 'receipt')).toBe('Mẫu số 01 – Thông tư số 03/2025/TT-VPCP, hướng dẫn Nghị định số 118/2025/NĐ-CP');
    expect(legalBasis('2018', 'receipt')).toBe('Mẫu số 01 – Thông tư số 01/2018/TT-VPCP');
  });

  it('says the register number comes later when printed offline', () => {
    expect(fieldValues(appointmentSlip(SLIP, { layout: 'thermal' })).join('|')).toContain('được cấp khi đồng bộ');
    expect(fieldValues(appointmentSlip({ ...SLIP, register: { year: 2026, number: 7 } }, { layout: 'thermal' }))).toContain('Vào Sổ theo dõi hồ sơ=Số thứ tự 7, sổ năm 2026');
  });
});

describe('sheet HTML', () => {
  it('is one escaped page with the paper size, the reprint mark and an SVG barcode', () => {
    const html = renderDocumentHtml(markReprint(appointmentSlip(SLIP, { layout: 'sheet' })), 'A5');
    expect(html).toContain('@page{size:A5');
    expect(html).toContain('BẢN IN LẠI');
    expect(html).toContain('Đơn đăng ký &lt;Mẫu 04a&gt;');
    expect(html).toContain(`data-barcode="${SLIP.dossierCode}"`);
    expect(html).not.toContain('<Mẫu 04a>');
  });
});

describe('1-bit raster', () => {
  it('thresholds black/white RGBA and back without loss', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 10 }), fc.infiniteStream(fc.boolean()), (w, h, stream) => {
        const dots = [...stream.take(w * h)];
        const rgba = new Uint8ClampedArray(w * h * 4);
        dots.forEach((black, i) => rgba.set(black ? [0, 0, 0, 255] : [255, 255, 255, 255], i * 4));
        const raster = thresholdRgba(rgba, w, h);
        expect(raster.bits).toHaveLength(Math.ceil(w / 8) * h);
        expect([...rasterToRgba(raster)]).toEqual([...rgba]);
      }),
    );
  });
});
