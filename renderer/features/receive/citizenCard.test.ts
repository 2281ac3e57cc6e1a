import { describe, expect, test } from 'vitest';
import { classifyScan } from '../../../shared/codes';
import { readCardScan } from './citizenCard';
import { emptyForm } from './form';

// Fake data: well-formed numbers that belong to no one.
const CARD = '040195012346|186123456|Trần Thị Bình|02111995|Nữ|Xóm 5, xã Diễn Châu, tỉnh Nghệ An|15082021';

describe('the citizen’s card at reception', () => {
  test('fills the ID number, name and address, replacing what was typed, and tells the rest of the card', () => {
    const typed = { ...emptyForm().applicant, name: 'Tran Thi Binh', phone: '0912345678' };
    const reading = readCardScan(typed, classifyScan(CARD));
    expect(reading).toMatchObject({ ok: true, applicant: { kind: 'individual', idNumber: '040195012346', name: 'Trần Thị Bình', address: 'Xóm 5, xã Diễn Châu, tỉnh Nghệ An', phone: '0912345678' } });
    expect(reading?.message).toContain('sinh ngày 02/11/1995, Nữ, thẻ cấp ngày 15/08/2021, CMND cũ 186123456');
  });

  test('for an organisation the card is its representative’s', () => {
    const organisation = { ...emptyForm().applicant, kind: 'organisation' as const, name: 'Công ty TNHH Sen Vàng' };
    const reading = readCardScan(organisation, classifyScan(CARD));
    expect(reading?.ok && reading.applicant).toMatchObject({ name: 'Công ty TNHH Sen Vàng', representative: 'Trần Thị Bình', idNumber: '' });
  });

  test('a bad card says why and changes nothing; a scan that is no card is not its business', () => {
    const reading = readCardScan(emptyForm().applicant, classifyScan(CARD.replace('02111995', '31021995')));
    expect(reading).toEqual({ ok: false, message: expect.stringContaining('ngày sinh không hợp lệ «31021995»') });
    expect(reading?.message).toContain('không thay đổi');
    expect(readCardScan(emptyForm().applicant, classifyScan('000.00.15.H41-260112-0001'))).toBeUndefined();
    expect(readCardScan(emptyForm().applicant, classifyScan('HELLO'))).toBeUndefined();
  });
});
