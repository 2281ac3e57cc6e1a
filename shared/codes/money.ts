import type { Result } from './result';
import { err, ok } from './result';

export type MoneyError =
  | { code: 'empty'; message: string }
  | { code: 'invalidCharacter'; message: string; character: string }
  | { code: 'badGrouping'; message: string }
  | { code: 'fraction'; message: string }
  | { code: 'tooLarge'; message: string };

function assertWholeDong(amount: number): void {
  if (!Number.isSafeInteger(amount)) {
    throw new RangeError(`Amount in VND must be a safe integer, got ${amount}`);
  }
}

/**
 * `1250000` → `1.250.000 ₫`, `-5000` → `-5.000 ₫`. A plain space before ₫: documents wrap text
 * themselves and PDF/raster output has no use for U+00A0, which some printers' fonts lack.
 * Throws RangeError for non-integers: the đồng has no subunit in use.
 */
export function formatVnd(amount: number): string {
  assertWholeDong(amount);
  const digits = String(Math.abs(amount));
  const grouped = digits.replace(/\B(?=(\d{3})+$)/g, '.');
  return `${amount < 0 ? '-' : ''}${grouped} ₫`;
}

/**
 * Reads what staff type or what formatVnd wrote: '1.250.000', '1250000', '1 250 000', with an
 * optional '₫', 'đ', 'đồng', 'VND' or 'VNĐ' after it and a leading '-'. Dots must group by three;
 * a comma is refused, because in Vietnamese it marks a fraction and in English a thousands group.
 */
export function parseVnd(text: string): Result<number, MoneyError> {
  const trimmed = text.trim();
  const withoutUnit = trimmed.replace(/\s*(₫|đồng|đ|vnđ|vnd)$/iu, '');
  const negative = withoutUnit.startsWith('-');
  const body = (negative ? withoutUnit.slice(1) : withoutUnit).trim();
  if (body === '') return err({ code: 'empty', message: 'Chưa nhập số tiền.' });

  if (body.includes(',')) {
    return err({
      code: 'fraction',
      message: 'Số tiền không dùng dấu phẩy: nhập số đồng chẵn, dùng dấu chấm ngăn cách hàng nghìn (ví dụ 1.250.000).',
    });
  }
  const stray = /[^\d. ]/u.exec(body);
  if (stray) {
    return err({
      code: 'invalidCharacter',
      character: stray[0],
      message: `Số tiền có ký tự không hợp lệ «${stray[0]}». Chỉ nhập chữ số, ví dụ 1.250.000.`,
    });
  }
  const separators = body.match(/[. ]/g);
  if (separators && (new Set(separators).size > 1 || !/^\d{1,3}([. ]\d{3})+$/.test(body))) {
    return err({
      code: 'badGrouping',
      message: `Số tiền «${trimmed}» ngăn cách hàng nghìn chưa đúng: mỗi nhóm sau dấu chấm phải đủ 3 chữ số (ví dụ 1.250.000).`,
    });
  }
  const amount = Number(body.replace(/[. ]/g, ''));
  if (!Number.isSafeInteger(amount)) {
    return err({ code: 'tooLarge', message: 'Số tiền quá lớn.' });
  }
  return ok(negative && amount !== 0 ? -amount : amount);
}
