import { describe, expect, it } from 'vitest';
import { classifyScan, formatDossierCode } from '../codes';
import { formatVietnamWeekdayDate } from '../domain/time';
import { appointmentSlip, type AppointmentSlipData } from './appointmentSlip';
import type { PrintDocument } from './model';

const SLIP: AppointmentSlipData = {
  agency: { parent: 'UBND tỉnh Nghệ An', name: 'Trung tâm Phục vụ Hành chính công' },
  dossierCode: '000.00.15.H41-261207-0001',
  barcodeKey: '012612070001',
  applicant: { name: 'Nguyễn Thị Hồng Nhung', phone: '0912345678' },
  procedureName: 'Cấp Giấy chứng nhận quyền sử dụng đất',
  documents: [{ name: 'Đơn đăng ký', originals: 1, certifiedCopies: 0, copies: 0 }],
  setCount: 1,
  processingDays: 15,
  receivedAt: '2026-11-16T01:05:00.000Z',
  // Monday 07/12/2026, 16:30 in Vietnam.
  appointmentAt: '2026-12-07T09:30:00.000Z',
  collect: { method: 'desk', place: 'Quầy trả kết quả' },
  statusPageUrl: 'https://dichvucong.nghean.gov.vn/tra-cuu/',
  statusSecret: 'K7QW2MXR4TZB',
  center: {
    address: 'Số 16 đường Trường Thi, phường Trường Vinh, Nghệ An',
    hotline: '0238 3 555 666',
    website: 'https://hcc.nghean.gov.vn',
    openingHours: 'Thứ Hai – Thứ Sáu: 07:30–11:30, 13:30–17:00 (trừ ngày nghỉ lễ)',
  },
  counterName: 'Quầy 3',
  officerName: 'Trần Văn Đức',
};

const fields = (doc: PrintDocument): Record<string, string> => Object.fromEntries(doc.blocks.flatMap((b) => (b.type === 'fields' ? b.rows.map((r) => [r.label, r.value]) : [])));
const texts = (doc: PrintDocument): string[] => doc.blocks.flatMap((b) => (b.type === 'text' ? [b.text] : []));

describe('the citizen’s appointment slip', () => {
  it('names the weekday of the appointment', () => {
    expect(formatVietnamWeekdayDate('2026-12-07T09:30:00.000Z')).toBe('Thứ Hai, 07/12/2026');
    expect(formatVietnamWeekdayDate('2026-12-06T17:30:00.000Z')).toBe('Thứ Hai, 07/12/2026');
    expect(fields(appointmentSlip(SLIP, { layout: 'thermal' }))['Thời gian trả kết quả']).toBe('16:30 Thứ Hai, 07/12/2026');
  });

  it('has a QR that opens the status page with the code and the status secret (never the printed key), and a caption that says so', () => {
    const qr = appointmentSlip(SLIP, { layout: 'thermal' }).blocks.find((b) => b.type === 'qr');
    expect(qr?.type === 'qr' && qr.value).toBe('https://dichvucong.nghean.gov.vn/tra-cuu/000.00.15.H41-261207-0001?k=K7QW2MXR4TZB');
    expect(qr?.type === 'qr' && qr.caption).toBe('Quét mã QR để xem tình trạng hồ sơ trên trang tra cứu');
    // The counter's own scanner still reads the dossier from it.
    const scanned = classifyScan(qr?.type === 'qr' ? qr.value : '');
    expect(scanned.kind === 'dossierCode' && formatDossierCode(scanned.parts)).toBe(SLIP.dossierCode);
    const bare = appointmentSlip({ ...SLIP, statusPageUrl: undefined }, { layout: 'thermal' }).blocks.find((b) => b.type === 'qr');
    expect(bare?.type === 'qr' && [bare.value, bare.caption]).toEqual([SLIP.dossierCode, 'Mã QR chứa mã hồ sơ, để quét tại quầy']);
  });

  it('prints where and when to come back and where to look the dossier up', () => {
    const f = fields(appointmentSlip(SLIP, { layout: 'thermal' }));
    expect(f['Trung tâm']).toBe(SLIP.center!.address);
    expect(f['Giờ làm việc']).toBe(SLIP.center!.openingHours);
    expect(f['Đường dây nóng']).toBe('0238 3 555 666');
    expect(f['Trang thông tin']).toBe('https://hcc.nghean.gov.vn');
    expect(f['Tra cứu hồ sơ']).toBe('https://dichvucong.nghean.gov.vn/tra-cuu/');
  });

  it('labels the key under the bars', () => {
    const bar = appointmentSlip(SLIP, { layout: 'thermal' }).blocks.find((b) => b.type === 'barcode');
    expect(bar?.type === 'barcode' && [bar.value, bar.caption]).toEqual(['012612070001', 'Mã rút gọn của hồ sơ: 012612070001']);
  });

  it('marks a slip issued again after a correction, signed by the officer who issues it', () => {
    const doc = appointmentSlip({ ...SLIP, officerName: 'Lê Thị Mai', counterName: 'Quầy 5', reissue: { reason: 'correction', issuedAt: '2026-12-01T02:00:00.000Z' } }, { layout: 'thermal' });
    expect(texts(doc)).toContain('CẤP LẠI – ĐÍNH CHÍNH KẾT QUẢ');
    expect(texts(doc).join('\n')).toContain('cán bộ cấp lại: Lê Thị Mai');
    expect(texts(doc).join('\n')).not.toContain('Cán bộ tiếp nhận');
    const sig = doc.blocks.find((b) => b.type === 'signatures');
    expect(sig?.type === 'signatures' && sig.parties[1]).toMatchObject({ title: 'NGƯỜI CẤP LẠI GIẤY HẸN', name: 'Lê Thị Mai' });
    expect(fields(doc)['Thời gian trả kết quả mới']).toBe('16:30 Thứ Hai, 07/12/2026');
    expect(texts(appointmentSlip({ ...SLIP, reissue: { reason: 'apology', issuedAt: '2026-12-01T02:00:00.000Z' } }, { layout: 'thermal' }))).toContain('CẤP LẠI – HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(texts(appointmentSlip(SLIP, { layout: 'thermal' })).some((t) => t.startsWith('CẤP LẠI'))).toBe(false);
  });
});
