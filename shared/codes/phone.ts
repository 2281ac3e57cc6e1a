import type { Result } from './result';
import { err, ok } from './result';

export type Phone = {
  kind: 'mobile' | 'landline';
  /** Domestic form, always starting with 0: what is stored and dialled. */
  number: string;
  /** Grouped for reading aloud and printing: '0912 345 678', '0238 384 1234', '024 3825 1234'. */
  display: string;
};

export type PhoneError =
  | { code: 'empty'; message: string }
  | { code: 'invalidCharacter'; message: string; character: string }
  | { code: 'wrongLength'; message: string; length: number }
  | { code: 'oldMobileNumber'; message: string }
  | { code: 'unknownPrefix'; message: string; prefix: string };

const MOBILE = /^0[35789]\d{8}$/;
const LANDLINE = /^02\d{9}$/;
// Hà Nội and TP Hồ Chí Minh have 3-digit area codes with 8-digit subscribers; the rest 4 + 7.
const THREE_DIGIT_AREA_CODES = new Set(['024', '028']);

export function normalizePhone(text: string): Result<Phone, PhoneError> {
  // Tolerated typing: spaces, dots, dashes, brackets around the area code.
  const compact = text.replace(/[\s.\-()]/gu, '');
  if (compact === '') return err({ code: 'empty', message: 'Chưa nhập số điện thoại.' });

  const stray = /[^\d+]|(?<=.)\+/u.exec(compact);
  if (stray) {
    return err({
      code: 'invalidCharacter',
      character: stray[0],
      message: `Số điện thoại có ký tự không hợp lệ «${stray[0]}». Chỉ nhập chữ số (có thể bắt đầu bằng +84).`,
    });
  }

  let number = compact;
  if (number.startsWith('+84')) number = `0${number.slice(3)}`;
  else if (number.startsWith('84') && (number.length === 11 || number.length === 12)) number = `0${number.slice(2)}`;
  else if (number.startsWith('+')) {
    return err({
      code: 'unknownPrefix',
      prefix: number.slice(0, 4),
      message: 'Chỉ nhận số điện thoại Việt Nam (bắt đầu bằng 0 hoặc +84).',
    });
  }

  if (MOBILE.test(number)) {
    return ok({ kind: 'mobile', number, display: `${number.slice(0, 4)} ${number.slice(4, 7)} ${number.slice(7)}` });
  }
  if (LANDLINE.test(number)) {
    const area = THREE_DIGIT_AREA_CODES.has(number.slice(0, 3)) ? 3 : 4;
    const subscriber = number.slice(area);
    const split = subscriber.length - 4;
    return ok({
      kind: 'landline',
      number,
      display: `${number.slice(0, area)} ${subscriber.slice(0, split)} ${subscriber.slice(split)}`,
    });
  }

  if (/^01\d{9}$/.test(number)) {
    return err({
      code: 'oldMobileNumber',
      message: 'Số di động 11 số đầu 01x đã chuyển sang 10 số từ năm 2018 (ví dụ 0168… thành 038…). Hãy hỏi lại số mới.',
    });
  }
  if (!number.startsWith('0')) {
    return err({
      code: 'unknownPrefix',
      prefix: number.slice(0, 2),
      message: 'Số điện thoại phải bắt đầu bằng 0 (hoặc +84).',
    });
  }
  const expectedLength = number.startsWith('02') ? 11 : 10;
  if (number.length !== expectedLength) {
    return err({
      code: 'wrongLength',
      length: number.length,
      message: expectedLength === 11 ? `Số máy bàn phải gồm 11 chữ số, bắt đầu bằng mã vùng 02 (đang có ${number.length}).` : `Số di động phải gồm 10 chữ số (đang có ${number.length}).`,
    });
  }
  return err({
    code: 'unknownPrefix',
    prefix: number.slice(0, 2),
    message: `Đầu số ${number.slice(0, 2)} không phải đầu số di động (03, 05, 07, 08, 09) hay máy bàn (02).`,
  });
}
