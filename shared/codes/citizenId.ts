import { CCCD_PROVINCES } from './provinces';
import type { Result } from './result';
import { err, ok } from './result';

export type Gender = 'male' | 'female';

export type CitizenId =
  | {
      kind: 'cccd';
      number: string;
      provinceCode: string;
      provinceName: string;
      gender: Gender;
      /** First year of the birth century: 1800, 1900, 2000, 2100 or 2200. */
      century: number;
      birthYear2: number;
      birthYear: number;
    }
  | { kind: 'cmnd'; number: string }
  /** `vietnameseFormat`: one letter and 7 digits, the shape of Vietnamese passports. */
  | { kind: 'passport'; number: string; vietnameseFormat: boolean };

export type CitizenIdError =
  | { code: 'empty'; message: string }
  | { code: 'invalidCharacter'; message: string; character: string }
  | { code: 'wrongLength'; message: string; length: number }
  | { code: 'badPassport'; message: string }
  | { code: 'unknownProvince'; message: string; provinceCode: string }
  | { code: 'centuryMismatch'; message: string; birthYear: number }
  | { code: 'birthYearMismatch'; message: string; birthYear: number }
  | { code: 'birthYearInFuture'; message: string; birthYear: number };

export type CitizenIdOptions = {
  /** The birth year staff entered; checked against digits 4–6 of a CCCD. */
  birthYear?: number;
  /** Accept 6–9 character numbers that start with a digit as passports (foreigners' forms). */
  allowPassport?: boolean;
  /** When given, a CCCD whose digits mean a later birth year is refused. */
  currentYear?: number;
};

// Digit 4 of a CCCD: century of birth and gender (Thông tư 07/2016/TT-BCA, Điều 7).
const CENTURY_BY_DIGIT = [1900, 1900, 2000, 2000, 2100, 2100, 2200, 2200, 1800, 1800] as const;

const VIETNAMESE_PASSPORT = /^[A-Z]\d{7}$/;
const ANY_PASSPORT = /^[A-Z0-9]{6,9}$/;

/** Validates a CCCD (12 digits), an old CMND (9 digits) or a passport number. */
export function validateCitizenId(text: string, options: CitizenIdOptions = {}): Result<CitizenId, CitizenIdError> {
  // People type the number in groups ("040 085 001 234", "040.085.001.234").
  const number = text.replace(/[\s.-]/gu, '');
  if (number === '') return err({ code: 'empty', message: 'Chưa nhập số giấy tờ tùy thân (CCCD, CMND hoặc hộ chiếu).' });

  const stray = /[^A-Za-z0-9]/u.exec(number);
  if (stray) {
    return err({
      code: 'invalidCharacter',
      character: stray[0],
      message: `Số giấy tờ có ký tự không hợp lệ «${stray[0]}». Số CCCD và CMND chỉ gồm chữ số; hộ chiếu gồm chữ cái không dấu và chữ số.`,
    });
  }

  if (/^\d+$/.test(number)) {
    if (number.length === 12) return validateCccd(number, options);
    if (number.length === 9) return ok({ kind: 'cmnd', number });
    if (options.allowPassport && number.length >= 6 && number.length <= 9) {
      return ok({ kind: 'passport', number, vietnameseFormat: false });
    }
    return err({
      code: 'wrongLength',
      length: number.length,
      message: `Số CCCD phải gồm đúng 12 chữ số (đang có ${number.length}).`,
    });
  }

  const upper = number.toUpperCase();
  if (/^[A-Z]/.test(upper) || options.allowPassport) {
    if (VIETNAMESE_PASSPORT.test(upper)) return ok({ kind: 'passport', number: upper, vietnameseFormat: true });
    if (ANY_PASSPORT.test(upper)) return ok({ kind: 'passport', number: upper, vietnameseFormat: false });
    return err({
      code: 'badPassport',
      message: `Số hộ chiếu phải gồm 6–9 chữ cái không dấu hoặc chữ số (hộ chiếu Việt Nam: 1 chữ in hoa và 7 chữ số, ví dụ C1234567); đang có ${upper.length} ký tự.`,
    });
  }
  const letter = /[A-Za-z]/.exec(number)?.[0] ?? '';
  return err({
    code: 'invalidCharacter',
    character: letter,
    message: `Số CCCD chỉ gồm chữ số, không có chữ «${letter}».`,
  });
}

function validateCccd(number: string, options: CitizenIdOptions): Result<CitizenId, CitizenIdError> {
  const provinceCode = number.slice(0, 3);
  const provinceName = CCCD_PROVINCES.get(provinceCode);
  if (provinceName === undefined) {
    return err({
      code: 'unknownProvince',
      provinceCode,
      message: `Mã tỉnh ${provinceCode} không có trong danh mục mã tỉnh nơi đăng ký khai sinh.`,
    });
  }
  const centuryDigit = Number(number[3]);
  const century = CENTURY_BY_DIGIT[centuryDigit] ?? 1900;
  const gender: Gender = centuryDigit % 2 === 0 ? 'male' : 'female';
  const birthYear2 = Number(number.slice(4, 6));
  const birthYear = century + birthYear2;

  const expected = options.birthYear;
  if (expected !== undefined) {
    if (Math.floor(expected / 100) * 100 !== century) {
      return err({
        code: 'centuryMismatch',
        birthYear: expected,
        message: `Chữ số thế kỷ – giới tính (số thứ 4) không khớp với năm sinh ${expected}.`,
      });
    }
    if (expected % 100 !== birthYear2) {
      return err({
        code: 'birthYearMismatch',
        birthYear: expected,
        message: `Hai chữ số năm sinh (số thứ 5 và 6) là ${number.slice(4, 6)}, không khớp với năm sinh ${expected}.`,
      });
    }
  }
  if (options.currentYear !== undefined && birthYear > options.currentYear) {
    return err({
      code: 'birthYearInFuture',
      birthYear,
      message: `Số CCCD cho năm sinh ${birthYear}, muộn hơn năm hiện tại: hãy kiểm tra chữ số thứ 4 đến thứ 6.`,
    });
  }
  return ok({ kind: 'cccd', number, provinceCode, provinceName, gender, century, birthYear2, birthYear });
}
