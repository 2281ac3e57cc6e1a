import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateCitizenId } from './citizenId';
import { CCCD_PROVINCES } from './provinces';

describe('CCCD province table', () => {
  it('has the 63 pre-2025 provinces, with gaps in the numbering', () => {
    expect(CCCD_PROVINCES.size).toBe(63);
    expect(new Set(CCCD_PROVINCES.values()).size).toBe(63);
    expect(CCCD_PROVINCES.get('001')).toBe('Hà Nội');
    expect(CCCD_PROVINCES.get('040')).toBe('Nghệ An');
    expect(CCCD_PROVINCES.get('079')).toBe('TP Hồ Chí Minh');
    expect(CCCD_PROVINCES.get('096')).toBe('Cà Mau');
    for (const missing of ['000', '003', '005', '039', '041', '097', '099']) expect(CCCD_PROVINCES.has(missing)).toBe(false);
    for (const code of CCCD_PROVINCES.keys()) expect(code).toMatch(/^0\d\d$/);
  });
});

describe('validateCitizenId: CCCD', () => {
  it.each<[string, Record<string, unknown>]>([
    ['040085001234', { provinceCode: '040', provinceName: 'Nghệ An', gender: 'male', century: 1900, birthYear2: 85, birthYear: 1985 }],
    ['001185001234', { provinceCode: '001', provinceName: 'Hà Nội', gender: 'female', century: 1900, birthYear2: 85 }],
    ['079203000001', { provinceName: 'TP Hồ Chí Minh', gender: 'male', century: 2000, birthYear: 2003 }],
    ['096310000001', { provinceName: 'Cà Mau', gender: 'female', century: 2000, birthYear: 2010 }],
    ['040400000001', { gender: 'male', century: 2100 }],
    ['040500000001', { gender: 'female', century: 2100 }],
    ['040600000001', { gender: 'male', century: 2200 }],
    ['040700000001', { gender: 'female', century: 2200 }],
    ['040899000001', { gender: 'male', century: 1800, birthYear: 1899 }],
    ['040999000001', { gender: 'female', century: 1800 }],
    ['040 085 001 234', { number: '040085001234' }],
    ['040.085.001.234', { number: '040085001234' }],
    [' 040085001234 ', { number: '040085001234' }],
  ])('%s', (text, expected) => {
    const result = validateCitizenId(text);
    expect(result).toMatchObject({ ok: true, value: { kind: 'cccd', ...expected } });
  });

  it('checks the century digit and birth year against the entered year of birth', () => {
    expect(validateCitizenId('040085001234', { birthYear: 1985 }).ok).toBe(true);
    expect(validateCitizenId('040285001234', { birthYear: 1985 })).toEqual({
      ok: false,
      error: {
        code: 'centuryMismatch',
        birthYear: 1985,
        message: 'Chữ số thế kỷ – giới tính (số thứ 4) không khớp với năm sinh 1985.',
      },
    });
    expect(validateCitizenId('040086001234', { birthYear: 1985 })).toMatchObject({
      ok: false,
      error: { code: 'birthYearMismatch', message: expect.stringMatching(/86.*1985/) },
    });
    expect(validateCitizenId('040203001234', { birthYear: 2003 }).ok).toBe(true);
  });

  it('refuses a birth year after the current year when told the year', () => {
    expect(validateCitizenId('040430001234', { currentYear: 2026 })).toMatchObject({
      ok: false,
      error: { code: 'birthYearInFuture', birthYear: 2130 },
    });
    expect(validateCitizenId('040226001234', { currentYear: 2026 }).ok).toBe(true);
  });

  it.each<[string, string, string]>([
    ['', 'empty', 'Chưa nhập số giấy tờ tùy thân (CCCD, CMND hoặc hộ chiếu).'],
    ['04008500123', 'wrongLength', 'Số CCCD phải gồm đúng 12 chữ số (đang có 11).'],
    ['0400850012345', 'wrongLength', 'Số CCCD phải gồm đúng 12 chữ số (đang có 13).'],
    ['099085001234', 'unknownProvince', 'Mã tỉnh 099 không có trong danh mục mã tỉnh nơi đăng ký khai sinh.'],
    ['003085001234', 'unknownProvince', 'Mã tỉnh 003 không có trong danh mục mã tỉnh nơi đăng ký khai sinh.'],
    ['04008500123O', 'invalidCharacter', 'Số CCCD chỉ gồm chữ số, không có chữ «O».'],
    ['040/085/001234', 'invalidCharacter', 'Số giấy tờ có ký tự không hợp lệ «/». Số CCCD và CMND chỉ gồm chữ số; hộ chiếu gồm chữ cái không dấu và chữ số.'],
  ])('%j → %s', (text, code, message) => {
    expect(validateCitizenId(text)).toMatchObject({ ok: false, error: { code, message } });
  });

  it('reads the century, gender and birth year of any well-formed number', () => {
    const provinceCodes = [...CCCD_PROVINCES.keys()];
    fc.assert(
      fc.property(
        fc.constantFrom(...provinceCodes),
        fc.integer({ min: 1800, max: 2299 }),
        fc.constantFrom<'male' | 'female'>('male', 'female'),
        fc.stringMatching(/^\d{6}$/),
        (province, birthYear, gender, serial) => {
          const centuryIndex = [1900, 2000, 2100, 2200, 1800].indexOf(Math.floor(birthYear / 100) * 100);
          const digit = centuryIndex * 2 + (gender === 'female' ? 1 : 0);
          const number = `${province}${digit}${String(birthYear % 100).padStart(2, '0')}${serial}`;
          expect(validateCitizenId(number, { birthYear })).toMatchObject({
            ok: true,
            value: { kind: 'cccd', provinceCode: province, gender, birthYear },
          });
          const otherYear = birthYear === 2299 ? 1800 : birthYear + 1;
          expect(validateCitizenId(number, { birthYear: otherYear }).ok).toBe(false);
        },
      ),
    );
  });
});

describe('validateCitizenId: CMND and passports', () => {
  it('accepts a 9-digit CMND', () => {
    expect(validateCitizenId('186 123 456')).toEqual({ ok: true, value: { kind: 'cmnd', number: '186123456' } });
  });

  it.each<[string, string, boolean]>([
    ['C1234567', 'C1234567', true],
    ['b 1234567', 'B1234567', true],
    ['N1234567', 'N1234567', true],
    ['X12345678', 'X12345678', false],
    ['AB123456', 'AB123456', false],
    ['PA1234', 'PA1234', false],
  ])('%j is a passport', (text, number, vietnameseFormat) => {
    expect(validateCitizenId(text)).toEqual({ ok: true, value: { kind: 'passport', number, vietnameseFormat } });
  });

  it('takes digit-first numbers as passports only when the form allows it', () => {
    expect(validateCitizenId('12AB3456')).toMatchObject({ ok: false, error: { code: 'invalidCharacter' } });
    expect(validateCitizenId('12AB3456', { allowPassport: true })).toEqual({
      ok: true,
      value: { kind: 'passport', number: '12AB3456', vietnameseFormat: false },
    });
    expect(validateCitizenId('1234567')).toMatchObject({ ok: false, error: { code: 'wrongLength' } });
    expect(validateCitizenId('1234567', { allowPassport: true })).toMatchObject({ ok: true, value: { kind: 'passport' } });
  });

  it.each(['C1234', 'C1234567890', 'ABCDE'])('refuses the passport number %j', (text) => {
    expect(validateCitizenId(text)).toMatchObject({ ok: false, error: { code: 'badPassport' } });
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.boolean(), (text, allowPassport) => {
        const result = validateCitizenId(text, { allowPassport });
        if (!result.ok) expect(result.error.message.length).toBeGreaterThan(10);
      }),
    );
  });
});
