import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseDemoCatalogue } from './demo';
import { documentNeed } from './documentNeed';

describe('documentNeed', () => {
  test.each([
    ['Danh sách chủ sở hữu hưởng lợi của doanh nghiệp (nếu có)', 'optional'],
    ['Các giấy tờ để chứng minh đối tượng miễn, hoặc giảm phí (Nếu có)', 'optional'],
    ['Hộ chiếu còn thời hạn sử dụng (đối với người nước ngoài, người Việt Nam định cư ở nước ngoài)', 'conditional'],
    ['Đối với người nước ngoài: giấy phép lao động', 'conditional'],
    ['Tờ khai (Dùng cho cá nhân trong trường hợp ủy quyền yêu cầu cấp Phiếu Lý lịch tư pháp số 1)', 'conditional'],
    ['Trường hợp tổ chức: văn bản cử người đại diện', 'conditional'],
    ['Đơn đề nghị đăng ký hành nghề luật sư', 'required'],
    // A fallback inside a required line is no condition on the line.
    ['Bản sao Thẻ Căn cước (Xuất trình bản chính để đối chiếu. Trường hợp không có bản chính thì nộp bản sao có chứng thực)', 'required'],
    ['Bản sao các giấy tờ sau đây: - Giấy tờ pháp lý của cá nhân đối với thành viên là cá nhân', 'required'],
  ] as const)('%s → %s', (name, need) => {
    expect(documentNeed({ name })).toBe(need);
  });

  test('the catalogue’s own flag wins over the wording', () => {
    expect(documentNeed({ name: 'Giấy tờ khác (nếu có)', need: 'required' })).toBe('required');
    expect(documentNeed({ name: 'Bản sao hợp đồng', need: 'optional' })).toBe('optional');
  });

  test('the demo catalogue has optional and conditional lines where its wording says so', () => {
    const lines = parseDemoCatalogue(readFileSync(new URL('../../assets/catalogue/catalogue-demo.csv', import.meta.url), 'utf8')).procedures.flatMap((p) => p.documents);
    expect(lines.filter((d) => documentNeed(d) === 'optional').length).toBeGreaterThan(5);
    expect(lines.filter((d) => documentNeed(d) === 'conditional').length).toBeGreaterThan(3);
  });
});
