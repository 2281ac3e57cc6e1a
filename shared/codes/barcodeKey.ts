import type { CalendarDate } from './calendarDate';
import { formatYymmdd, parseYymmdd, toCodeDate } from './calendarDate';
import { assertSequence, formatDossierCode, MAX_DOSSIER_SEQUENCE, parseDossierCode } from './dossierCode';
import type { Result } from './result';
import { err, ok } from './result';

/**
 * Numeric key printed as CODE128 set C for 1D-only scanners, because the full 25-character
 * dossier code is too wide for an 80 mm head at a scannable module width (DESIGN.md "Printing").
 *
 * Format (digits only):
 * - short form, seq 1–9999, 12 digits:  `II YYMMDD SSSS`
 * - long form, seq ≥ 10000, 9+L digits: `II YYMMDD L S…S` where L (5–9) is the number of
 *   sequence digits and the sequence has no leading zero.
 * II is the agency's index (00–99) in the deployment's agency table. Lengths never overlap:
 * a 12-digit key is always the short form, a long key is 14–18 digits and its 9th digit says
 * how many follow, so every key reads back one way only.
 */
export type BarcodeKeyParts = { agencyIndex: number; date: CalendarDate; seq: number };

export type BarcodeKeyInput = { agencyIndex: number; date: CalendarDate | string; seq: number };

export type BarcodeKeyError =
  | { code: 'empty'; message: string }
  | { code: 'notDigits'; message: string }
  | { code: 'wrongLength'; message: string; length: number }
  | { code: 'impossibleDate'; message: string; datePart: string }
  | { code: 'badSequence'; message: string; sequencePart: string }
  | { code: 'unknownAgencyIndex'; message: string; agencyIndex: number };

const SHORT_LENGTH = 12;

export function dossierBarcodeKey(input: BarcodeKeyInput): string {
  const { agencyIndex, seq } = input;
  if (!Number.isInteger(agencyIndex) || agencyIndex < 0 || agencyIndex > 99) {
    throw new RangeError(`Agency index must be an integer 0–99, got ${agencyIndex}`);
  }
  assertSequence(seq);
  const head = String(agencyIndex).padStart(2, '0') + formatYymmdd(toCodeDate(input.date));
  if (seq <= 9999) return head + String(seq).padStart(4, '0');
  const digits = String(seq);
  return head + String(digits.length) + digits;
}

export function parseDossierBarcodeKey(text: string): Result<BarcodeKeyParts, BarcodeKeyError> {
  const key = text.trim();
  if (key === '') return err({ code: 'empty', message: 'Chưa có mã vạch.' });
  if (!/^\d+$/.test(key)) {
    return err({ code: 'notDigits', message: 'Mã vạch số của phiếu hẹn chỉ gồm chữ số.' });
  }
  const wrongLength = (): { ok: false; error: BarcodeKeyError } =>
    err({
      code: 'wrongLength',
      length: key.length,
      message: `Mã vạch số của phiếu hẹn phải có 12 chữ số (hoặc 14–18 chữ số với số thứ tự từ 10000), đang có ${key.length}.`,
    });

  let sequencePart: string;
  if (key.length === SHORT_LENGTH) {
    sequencePart = key.slice(8);
  } else {
    const declared = Number(key[8]);
    if (key.length < 14 || declared < 5 || key.length !== 9 + declared) return wrongLength();
    sequencePart = key.slice(9);
    if (sequencePart.startsWith('0')) {
      return err({
        code: 'badSequence',
        sequencePart,
        message: `Số thứ tự «${sequencePart}» trong mã vạch không hợp lệ (mã dài không có số 0 ở đầu).`,
      });
    }
  }

  const datePart = key.slice(2, 8);
  const date = parseYymmdd(datePart);
  if (!date) {
    return err({
      code: 'impossibleDate',
      datePart,
      message: `Ngày «${datePart}» trong mã vạch không có thật. Hãy quét lại hoặc nhập mã hồ sơ.`,
    });
  }
  const seq = Number(sequencePart);
  if (seq === 0 || seq > MAX_DOSSIER_SEQUENCE) {
    return err({
      code: 'badSequence',
      sequencePart,
      message: `Số thứ tự «${sequencePart}» trong mã vạch không hợp lệ (số thứ tự bắt đầu từ 0001).`,
    });
  }
  return ok({ agencyIndex: Number(key.slice(0, 2)), date, seq });
}

/**
 * Maps a scanned key back to the official dossier code through the deployment's agency table
 * (index → agency code). The table is configuration, shared by every counter of the Center.
 */
export function dossierCodeFromBarcodeKey(parts: BarcodeKeyParts, agencyTable: readonly string[]): Result<string, BarcodeKeyError> {
  const agency = agencyTable[parts.agencyIndex];
  if (agency === undefined) {
    return err({
      code: 'unknownAgencyIndex',
      agencyIndex: parts.agencyIndex,
      message: `Mã vạch thuộc cơ quan số ${String(parts.agencyIndex).padStart(2, '0')}, chưa có trong danh mục cơ quan của máy này. Hãy quét mã QR hoặc nhập mã hồ sơ.`,
    });
  }
  return ok(formatDossierCode({ agency, date: parts.date, seq: parts.seq }));
}

/**
 * The key to print for a dossier code, or undefined when no key reads back to exactly that code:
 * an agency missing from the table, the central shape (its system owner has no place in the key),
 * a sequence written with more digits than the Center prints. A wrong key sends a scan to another
 * dossier; no key only costs the 1D symbol, the QR still carries the code.
 */
export function barcodeKeyForCode(code: string, agencyTable: readonly string[]): string | undefined {
  const parsed = parseDossierCode(code);
  if (!parsed.ok) return undefined;
  // The last index, so a Center's configured index wins over index 0 kept for older keys.
  const agencyIndex = agencyTable.lastIndexOf(parsed.value.agency);
  if (agencyIndex < 0 || agencyIndex > 99) return undefined;
  const key = dossierBarcodeKey({ agencyIndex, date: parsed.value.date, seq: parsed.value.seq });
  const back = parseDossierBarcodeKey(key);
  const decoded = back.ok ? dossierCodeFromBarcodeKey(back.value, agencyTable) : undefined;
  return decoded?.ok && decoded.value === parsed.value.code ? key : undefined;
}
