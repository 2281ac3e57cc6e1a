import { describe, expect, it } from 'vitest';
import { actionLabel, fieldChanges, targetLabel } from './changes';

describe('a recorded change as the administrator reads it', () => {
  it('lists only the fields that differ, in Vietnamese, roles and times as staff read them', () => {
    expect(fieldChanges({ username: 'lan', roles: ['receiving'], disabled: false }, { username: 'lan', roles: ['receiving', 'returnDesk'], disabled: true })).toEqual([
      { field: 'Vai trò', before: 'Tiếp nhận', after: 'Tiếp nhận, Trả kết quả' },
      { field: 'Đã khoá', before: 'không', after: 'có' },
    ]);
    expect(fieldChanges(null, { counterId: 'quay-2', expiresAt: '2026-12-07T15:03:10.107Z' })).toEqual([
      { field: 'Mã quầy', before: '(trống)', after: 'quay-2' },
      { field: 'Hết hạn', before: '(trống)', after: '22:03 07/12/2026' },
    ]);
    expect(fieldChanges({ a: 1, site: '' }, { a: 1, site: null })).toEqual([]);
    expect(fieldChanges(null, { agency: { parent: 'UBND TỈNH NGHỆ AN', name: 'TRUNG TÂM' } })).toEqual([
      { field: 'Cơ quan chủ quản / tên Trung tâm', before: '(trống)', after: 'UBND TỈNH NGHỆ AN / TRUNG TÂM' },
    ]);
  });

  it('names the action and what it was done to', () => {
    expect(actionLabel('staff.passwordReset')).toBe('Đặt lại mật khẩu');
    expect(targetLabel({ targetKind: 'catalogue/setting', targetKey: 'receive' })).toBe('Cấu hình receive');
    expect(targetLabel({ targetKind: 'staff', targetKey: 'lan' })).toBe('Tài khoản lan');
    expect(targetLabel({ targetKind: 'center/xa-a/setting', targetKey: 'scope' })).toBe('Trung tâm xa-a: Cấu hình scope');
    expect(targetLabel({ targetKind: 'center', targetKey: 'xa-a' })).toBe('Trung tâm xa-a');
  });

  it('reads a center and its scope', () => {
    expect(fieldChanges(null, { agencyCode: '000.22.41.H41', level: 'xa' })).toEqual([
      { field: 'Mã cơ quan', before: '(trống)', after: '000.22.41.H41' },
      { field: 'Cấp', before: '(trống)', after: 'xa' },
    ]);
    expect(fieldChanges({ phiDiaGioi: [] }, { procedures: [{ code: '1.001234', level: 'xa' }], phiDiaGioi: ['3.000348'] })).toEqual([
      { field: 'Danh sách phi địa giới', before: '(trống)', after: '3.000348' },
      { field: 'procedures', before: '(trống)', after: '1.001234 (cấp xã)' },
    ]);
  });

  it('reads a procedure and a calendar year as staff write them', () => {
    expect(
      fieldChanges(
        { processingDays: null, fees: [{ name: 'Phí, lệ phí', amount: null }], documents: [] },
        { processingDays: 10, fees: [{ name: 'Lệ phí', amount: 20000 }], documents: [{ name: 'Tờ khai', originals: 1, copies: 0 }] },
      ),
    ).toEqual([
      { field: 'Thời hạn (ngày làm việc)', before: '(trống)', after: '10' },
      { field: 'Phí, lệ phí', before: 'Phí, lệ phí: chưa rõ mức', after: 'Lệ phí: 20.000 ₫' },
      { field: 'Thành phần hồ sơ', before: '(trống)', after: 'Tờ khai (bản chính 1, bản sao 0)' },
    ]);
    expect(fieldChanges({ holidays: [], workingDays: [] }, { holidays: [{ date: '2026-12-09', name: 'Nghỉ đột xuất' }], workingDays: [] })).toEqual([
      { field: 'Ngày nghỉ công bố thêm', before: '(trống)', after: '09/12/2026 Nghỉ đột xuất' },
    ]);
  });
});
