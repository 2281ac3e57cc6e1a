import { describe, expect, it } from 'vitest';
import { collectDepartments, departmentShortName, departmentSlug, readAgencyCell } from './departments';

describe('departmentSlug', () => {
  it('is a stable ASCII slug of the agency name', () => {
    expect(departmentSlug('Sở Tài chính')).toBe('so-tai-chinh');
    expect(departmentSlug('Văn phòng Đăng ký đất đai')).toBe('van-phong-dang-ky-dat-dai');
    expect(departmentSlug('Sở Tư Pháp')).toBe(departmentSlug('Sở Tư pháp'));
    expect(departmentSlug('Sở Tài chính'.normalize('NFD'))).toBe('so-tai-chinh');
    expect(departmentSlug(' — ')).toBe('');
  });
});

describe('departmentShortName', () => {
  it('keeps short names and abbreviates long ones the way offices write them', () => {
    expect(departmentShortName('Sở Tư pháp')).toBe('Sở Tư pháp');
    expect(departmentShortName('Sở Nông nghiệp và Môi trường')).toBe('Sở NN&MT');
    expect(departmentShortName('Sở Văn hóa, Thể thao và Du lịch')).toBe('Sở VHTT&DL');
    expect(departmentShortName('Văn phòng Đăng ký đất đai')).toBe('VPĐKĐĐ');
    expect(departmentShortName('Ban Quản lý các Khu công nghiệp')).toBe('Ban QLCKCN');
  });
});

describe('readAgencyCell', () => {
  const read = (cell: string) => readAgencyCell(cell, 'Nghệ An');

  it('returns null for a blank cell', () => {
    expect(read('  ')).toBeNull();
  });

  it('keeps a plain name with no note', () => {
    expect(read('Sở Công Thương')).toEqual({ name: 'Sở Công Thương', note: '' });
  });

  it('drops remarks in parentheses and after an em dash, keeping the cell as the note', () => {
    const cell = 'Sở Tài chính (cơ quan đăng ký đầu tư) — nguồn DVC ghi CQTH: Ban quản lý KCN/KKT; QĐ 3851';
    expect(read(cell)).toEqual({ name: 'Sở Tài chính', note: cell });
  });

  it('ignores ";" inside parentheses', () => {
    expect(read('Sở Nội vụ (nguồn DVC: cơ quan chuyên môn; QĐ 3783/QĐ-UBND)')?.name).toBe('Sở Nội vụ');
  });

  it('sends the dossier to the agency marked "(thực hiện)", else the first', () => {
    expect(read('Chủ tịch UBND tỉnh (thẩm quyền); Sở Tư pháp (thực hiện)')?.name).toBe('Sở Tư pháp');
    expect(read('Công an tỉnh (thực hiện); Cục Cảnh sát giao thông (thẩm quyền theo nguồn)')?.name).toBe('Công an tỉnh');
    expect(read('Sở Xây dựng; UBND cấp xã (theo nguồn)')?.name).toBe('Sở Xây dựng');
  });

  it('takes the first of alternatives written "A / B"', () => {
    expect(read('Văn phòng Đăng ký đất đai / Chi nhánh Văn phòng Đăng ký đất đai')?.name).toBe('Văn phòng Đăng ký đất đai');
  });

  it('drops the province from "Sở X tỉnh Nghệ An" but keeps "tỉnh" for provincial bodies', () => {
    expect(read('Sở Y tế tỉnh Nghệ An')?.name).toBe('Sở Y tế');
    expect(read('Chủ tịch UBND tỉnh Nghệ An (Sở Nội vụ tham mưu)')?.name).toBe('Chủ tịch UBND tỉnh');
    expect(readAgencyCell('Sở Y tế tỉnh Hà Tĩnh', 'Nghệ An')?.name).toBe('Sở Y tế tỉnh Hà Tĩnh');
  });
});

describe('collectDepartments', () => {
  it('lists each department once, first name seen', () => {
    expect(
      collectDepartments([
        { departmentId: 'so-tu-phap', departmentName: 'Sở Tư pháp' },
        { departmentId: '', departmentName: '' },
        { departmentId: 'so-tu-phap', departmentName: 'Sở Tư Pháp' },
      ]),
    ).toEqual([{ id: 'so-tu-phap', name: 'Sở Tư pháp', shortName: 'Sở Tư pháp' }]);
  });
});
