import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_CATALOGUE_NOTICE, parseDemoCatalogue } from './demo';
import { hasUnknownFee, isProcedureComplete } from './model';

const demoCsv = readFileSync(new URL('../../assets/catalogue/catalogue-demo.csv', import.meta.url), 'utf8');
const { procedures, departments, errors } = parseDemoCatalogue(demoCsv);
const byCode = (code: string) => procedures.find((p) => p.code === code);

describe('the demo catalogue (assets/catalogue/catalogue-demo.csv)', () => {
  it('imports all 41 rows without errors, marked as demo', () => {
    expect(errors).toEqual([]);
    expect(procedures).toHaveLength(41);
    expect(procedures.every((p) => p.demo)).toBe(true);
    expect(new Set(procedures.map((p) => p.code)).size).toBe(41);
  });

  it('has 31 complete and 10 partial rows, as its data README says', () => {
    expect(procedures.filter(isProcedureComplete)).toHaveLength(31);
    const partial = procedures.filter((p) => !isProcedureComplete(p));
    expect(Object.fromEntries(partial.map((p) => [p.code, p.incomplete]))).toEqual({
      '3.000333': ['Thời hạn giải quyết'],
      '1.013236': ['Thời hạn giải quyết'],
      '1.014087': ['Thời hạn giải quyết'],
      '1.004623': ['Thành phần hồ sơ'],
      '1.000562': ['Thành phần hồ sơ'],
      '1.014199': ['Thành phần hồ sơ'],
      '2.002755': ['Thành phần hồ sơ'],
      '3.000001': ['Số bản chính, bản sao của thành phần hồ sơ'],
      '2.000591': ['Thành phần hồ sơ'],
      '1.012944': ['Thời hạn giải quyết', 'Thành phần hồ sơ'],
    });
  });

  it('leaves blank fees unknown instead of zero', () => {
    expect(byCode('3.000489')?.fees).toEqual([{ name: 'Phí, lệ phí', amount: null }]);
    expect(byCode('1.002153')?.fees).toEqual([]);
    expect(byCode('2.001395')?.fees).toEqual([{ name: 'Phí, lệ phí', amount: 1000000 }]);
    expect(procedures.filter(hasUnknownFee)).toHaveLength(16);
  });

  it('reads documents, counts and the localised codes', () => {
    expect(byCode('2.001610')?.documents).toEqual([
      { name: 'Giấy đề nghị đăng ký doanh nghiệp', originals: 1, copies: 0 },
      { name: 'Bản sao giấy tờ pháp lý của cá nhân đối với chủ doanh nghiệp tư nhân', originals: 0, copies: 1 },
    ]);
    expect(byCode('1.014087')?.documents[0]?.originals).toBe(3);
    expect(byCode('1.004623')?.localCode).toBe('1.004623.000.00.00.H41');
    expect(byCode('1.012790')?.localCode).toBe('1.012790.000.00.00.H41');
  });

  it('yields 15 departments, routing "(thực hiện)" rows to the handling department', () => {
    expect(departments.map((d) => d.id)).toEqual([
      'so-tai-chinh',
      'so-tu-phap',
      'cong-an-tinh',
      'so-xay-dung',
      'van-phong-dang-ky-dat-dai',
      'chu-tich-ubnd-tinh',
      'co-quan-chuc-nang-do-ubnd-tinh-chi-dinh',
      'co-quan-duoc-ubnd-tinh-phan-cap-uy-quyen',
      'so-nong-nghiep-va-moi-truong',
      'so-noi-vu',
      'so-y-te',
      'so-du-lich',
      'dien-luc',
      'so-cong-thuong',
      'ubnd-tinh',
    ]);
    expect(byCode('1.013834')?.departmentId).toBe('so-tu-phap');
    expect(byCode('1.013834')?.agencyNote).toBe('Chủ tịch UBND tỉnh (thẩm quyền); Sở Tư pháp (thực hiện)');
    expect(byCode('1.000562')?.departmentId).toBe('so-y-te');
    const counts = new Map<string, number>();
    for (const p of procedures) counts.set(p.departmentId, (counts.get(p.departmentId) ?? 0) + 1);
    expect(counts.get('so-xay-dung')).toBe(9);
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(41);
  });

  it('has a Vietnamese notice saying it is sample data to be replaced', () => {
    expect(DEMO_CATALOGUE_NOTICE).toMatch(/^Dữ liệu mẫu/);
    expect(DEMO_CATALOGUE_NOTICE).toContain('thay bằng danh mục');
  });
});
