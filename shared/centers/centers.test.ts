import { describe, expect, it } from 'vitest';
import type { CenterInfo } from '../sync/protocol';
import { asCenterScope, centerSheetRows, pastedCodes, planCenterImport, readCenterLevel, scopeProblems } from '.';

const PROVINCIAL: CenterInfo = { id: '', agencyCode: '000.00.15.H41', name: 'Trung tâm Phục vụ hành chính công tỉnh Nghệ An', level: 'tinh', province: 'H41' };
const DIEN_CHAU: CenterInfo = { id: 'xa-dien-chau', agencyCode: '000.22.41.H41', name: 'Trung tâm PVHCC xã Diễn Châu', level: 'xa', province: 'H41', parentId: '' };
const RULES = { province: 'H41', defaultAgencyCode: PROVINCIAL.agencyCode };
const HEADER = ['id', 'agency_code', 'name', 'address', 'level', 'parent'];
const plan = (rows: string[][], existing: CenterInfo[] = [PROVINCIAL, DIEN_CHAU]) => planCenterImport([HEADER, ...rows], existing, RULES);

describe('planCenterImport', () => {
  it('adds, changes and keeps centers; a commune center without a parent hangs under the provincial Center; a parent is named by id or agency code', () => {
    const p = plan([
      ['xa-dien-chau', '000.22.41.H41', 'Trung tâm PVHCC xã Diễn Châu', '', 'xã', ''],
      ['phuong-vinh-hung', '000.23.41.H41', 'Trung tâm PVHCC phường Vinh Hưng', 'Số 1 Lê Lợi', 'Phường', ''],
      ['', '000.24.41.H41', 'Trung tâm PVHCC xã Quỳnh Lưu', '', 'cấp xã', '000.23.41.H41'],
      ['xa-a', '000.25.41.H41', 'Trung tâm PVHCC xã Yên Thành (mới)', '', 'XA', 'xa-dien-chau'],
    ]);
    expect(plan([['xa-dien-chau', '000.22.41.H41', 'Tên mới', '', 'xã', '']]).changed).toEqual([{ id: 'xa-dien-chau', agencyCode: '000.22.41.H41', name: 'Tên mới' }]);
    expect(p.errors).toEqual([]);
    expect(p.unchanged).toBe(1);
    expect(p.added.map((c) => c.id)).toEqual(['phuong-vinh-hung', '000.24.41.H41', 'xa-a']);
    expect(p.centers.find((c) => c.id === 'phuong-vinh-hung')).toEqual({
      id: 'phuong-vinh-hung',
      agencyCode: '000.23.41.H41',
      name: 'Trung tâm PVHCC phường Vinh Hưng',
      address: 'Số 1 Lê Lợi',
      level: 'xa',
      parentId: '',
    });
    expect(p.centers.find((c) => c.id === '000.24.41.H41')?.parentId).toBe('phuong-vinh-hung');
  });

  it('names every row error with its row, column and a Vietnamese message', () => {
    const p = plan([
      ['xa-1', '000.22.41', 'Xã Một', '', 'xã', ''],
      ['xa-2', '000.30.41.H40', 'Xã Hai', '', 'xã', ''],
      ['xa-3', '000.22.41.H41', 'Xã Ba', '', 'xã', ''],
      ['xa-4', '000.00.15.H41', 'Xã Bốn', '', 'xã', ''],
      ['xa-5', '000.31.41.H41', '', '', 'xã', ''],
      ['xa-6', '000.32.41.H41', 'Xã Sáu', '', 'huyện', ''],
      ['xa-7', '000.33.41.H41', 'Xã Bảy', '', 'xã', 'khong-co'],
      ['xa 8', '000.34.41.H41', 'Xã Tám', '', 'xã', ''],
      ['xa-9', '000.35.41.H41', 'Xã Chín', '', 'xã', ''],
      ['xa-9', '000.36.41.H41', 'Xã Chín lặp', '', 'xã', ''],
      ['xa-10', '000.35.41.H41', 'Xã Mười', '', 'xã', ''],
      ['xa-11', '000.37.41.H41', 'Xã Mười Một', '', '', ''],
    ]);
    expect(p.errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'agency_code'],
      [3, 'agency_code'],
      [4, 'agency_code'],
      [5, 'agency_code'],
      [6, 'name'],
      [7, 'level'],
      [8, 'parent'],
      [9, 'id'],
      [11, 'id'],
      [12, 'agency_code'],
      [13, 'level'],
    ]);
    const text = p.errors.map((e) => e.message);
    expect(text[0]).toBe('Dòng 2, cột agency_code: Mã cơ quan 000.22.41 không đúng dạng QCVN 102:2016 (ví dụ 000.22.41.H41).');
    expect(text[1]).toContain('không thuộc tỉnh H41');
    expect(text[2]).toBe('Dòng 4, cột agency_code: Mã cơ quan 000.22.41.H41 đã là của trung tâm xa-dien-chau.');
    expect(text[3]).toContain('trung tâm mặc định');
    expect(text[4]).toContain('Hãy nhập tên trung tâm');
    expect(text[5]).toBe('Dòng 7, cột level: «huyện» không phải cấp của trung tâm: ghi «tỉnh» hoặc «xã».');
    expect(text[6]).toBe('Dòng 8, cột parent: Không có trung tâm cấp trên khong-co.');
    expect(text[7]).toContain('Mã trung tâm cần từ 1 đến 100 ký tự');
    expect(text[8]).toBe('Dòng 11, cột id: trung tâm xa-9 đã có ở dòng 10; mỗi trung tâm một dòng.');
    expect(text[9]).toBe('Dòng 12, cột agency_code: mã cơ quan 000.35.41.H41 đã có ở dòng 10.');
    expect(text[10]).toBe('Dòng 13, cột level: Hãy ghi cấp của trung tâm: «tỉnh» hoặc «xã».');
    expect(p.added.map((c) => c.id)).toEqual(['xa-9']);
  });

  it('refuses a sheet without its required columns, naming them, and an empty sheet', () => {
    const missing = planCenterImport([['ten', 'ma']], [PROVINCIAL], RULES);
    expect(missing.errors).toHaveLength(1);
    expect(missing.errors[0]).toMatchObject({ row: 1, column: 'agency_code, name, level' });
    expect(missing.errors[0]!.message).toContain('thiếu cột agency_code, name, level');
    expect(plan([]).errors[0]!.message).toContain('không có trung tâm nào');
  });

  it('reads the header whatever its case and the export back as the same centers', () => {
    const rows = centerSheetRows([PROVINCIAL, DIEN_CHAU]);
    expect(rows).toEqual([HEADER, ['xa-dien-chau', '000.22.41.H41', 'Trung tâm PVHCC xã Diễn Châu', '', 'xã', '']]);
    const again = planCenterImport([rows[0]!.map((h) => h.toUpperCase()), ...rows.slice(1)], [PROVINCIAL, DIEN_CHAU], RULES);
    expect(again).toMatchObject({ errors: [], added: [], changed: [], unchanged: 1 });
  });
});

describe('levels, pasted codes and scope', () => {
  it('reads levels as typed', () => {
    expect(['tỉnh', 'Cấp tỉnh', 'TINH'].map(readCenterLevel)).toEqual(['tinh', 'tinh', 'tinh']);
    expect(['xã', 'Phường', 'đặc khu', 'cap xa'].map(readCenterLevel)).toEqual(['xa', 'xa', 'xa', 'xa']);
    expect(readCenterLevel('huyện')).toBeUndefined();
  });

  it('splits a pasted list of codes, each once', () => {
    expect(pastedCodes('1.001234\n2.000001, 1.001234;3.000348  \n')).toEqual(['1.001234', '2.000001', '3.000348']);
  });

  it('reads a stored scope only in the shape counters read', () => {
    expect(asCenterScope({ procedures: [{ code: '1.001234', level: 'xa' }], phiDiaGioi: ['3.000348'] })).toBeDefined();
    expect(asCenterScope({})).toEqual({});
    expect(asCenterScope({ procedures: ['1.001234'] })).toBeUndefined();
    expect(asCenterScope({ procedures: [{ code: '1.001234', level: 'huyen' }] })).toBeUndefined();
    expect(asCenterScope({ phiDiaGioi: '3.000348' })).toBeUndefined();
    expect(asCenterScope({ phiDiaGioi: [], other: 1 })).toBeUndefined();
  });

  it('names unknown codes and a phi-địa-giới procedure the center does not receive', () => {
    const known = new Set(['1.001234', '3.000348']);
    expect(scopeProblems({ phiDiaGioi: ['3.000348'] }, known)).toEqual([]);
    expect(scopeProblems({ procedures: [{ code: '9.9', level: 'xa' }], phiDiaGioi: ['8.8'] }, known)).toEqual([
      'Thủ tục tiếp nhận: không có trong danh mục các mã 9.9.',
      'Danh sách phi địa giới: không có trong danh mục các mã 8.8.',
    ]);
    expect(scopeProblems({ procedures: [{ code: '1.001234', level: 'xa' }], phiDiaGioi: ['3.000348'] }, known)[0]).toContain('trung tâm không tiếp nhận: 3.000348');
  });
});
