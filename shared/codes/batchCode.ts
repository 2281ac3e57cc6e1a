import type { CalendarDate } from './calendarDate';
import { formatYymmdd, parseYymmdd, toCodeDate } from './calendarDate';
import { checkCodeCharacters } from './dossierCode';
import type { Result } from './result';
import { err, ok } from './result';

/**
 * Handover batch code (one "Biên bản giao nhận hồ sơ" handed to the courier):
 * `BG-YYMMDD-CC-NN`
 * - `BG` for "bàn giao";
 * - YYMMDD the handover day;
 * - CC the counter's number, 01–99, as on the sign above the desk ("Quầy 07");
 * - NN that counter's batch number that day, 1–9999, written with at least 2 digits.
 * Counter plus per-counter number keeps codes unique while offline without a server lease.
 * Only `0-9 A-Z -` appear and the letters are consonants, so Telex/VNI input methods leave a
 * keyboard-wedge scan untouched, and the code fits QR alphanumeric mode.
 */
export type BatchCodeParts = { date: CalendarDate; counter: number; batchNumber: number; code: string };

export type BatchCodeInput = { date: CalendarDate | string; counter: number; batchNumber: number };

export type BatchCodeError =
  | { code: 'empty'; message: string }
  | { code: 'malformed'; message: string }
  | { code: 'impossibleDate'; message: string; datePart: string }
  | { code: 'badCounter'; message: string; counterPart: string }
  | { code: 'badBatchNumber'; message: string; batchNumberPart: string };

export const BATCH_CODE_PREFIX = 'BG';
const MAX_BATCH_NUMBER = 9999;

export function formatBatchCode(input: BatchCodeInput): string {
  const { counter, batchNumber } = input;
  if (!Number.isInteger(counter) || counter < 1 || counter > 99) {
    throw new RangeError(`Counter number must be an integer 1–99, got ${counter}`);
  }
  if (!Number.isInteger(batchNumber) || batchNumber < 1 || batchNumber > MAX_BATCH_NUMBER) {
    throw new RangeError(`Batch number must be an integer 1–${MAX_BATCH_NUMBER}, got ${batchNumber}`);
  }
  const day = formatYymmdd(toCodeDate(input.date));
  return `${BATCH_CODE_PREFIX}-${day}-${String(counter).padStart(2, '0')}-${String(batchNumber).padStart(2, '0')}`;
}

export function parseBatchCode(text: string): Result<BatchCodeParts, BatchCodeError> {
  const code = text.trim();
  if (code === '') return err({ code: 'empty', message: 'Chưa nhập mã lô bàn giao.' });
  const example = 'BG-260112-07-01';
  const bad = checkCodeCharacters(code, 'Mã lô bàn giao');
  if (bad) return err({ code: 'malformed', message: bad.message });

  const pieces = code.split('-');
  if (pieces.length !== 4 || pieces[0] !== BATCH_CODE_PREFIX) {
    return err({
      code: 'malformed',
      message: `Mã lô bàn giao phải có dạng BG-năm tháng ngày-số quầy-số lô, ví dụ ${example}.`,
    });
  }
  const [, datePart = '', counterPart = '', batchNumberPart = ''] = pieces;
  const date = parseYymmdd(datePart);
  if (!date) {
    return err({
      code: 'impossibleDate',
      datePart,
      message: `Phần ngày «${datePart}» của mã lô bàn giao không phải một ngày có thật theo dạng YYMMDD.`,
    });
  }
  if (!/^\d{2}$/.test(counterPart) || counterPart === '00') {
    return err({
      code: 'badCounter',
      counterPart,
      message: `Số quầy «${counterPart}» trong mã lô bàn giao phải gồm 2 chữ số, từ 01 đến 99.`,
    });
  }
  if (!/^\d{1,4}$/.test(batchNumberPart) || Number(batchNumberPart) === 0) {
    return err({
      code: 'badBatchNumber',
      batchNumberPart,
      message: `Số lô «${batchNumberPart}» trong mã lô bàn giao phải là số từ 01 đến ${MAX_BATCH_NUMBER}.`,
    });
  }
  return ok({ date, counter: Number(counterPart), batchNumber: Number(batchNumberPart), code });
}

/** Month digits of a batch key are the month plus this: above 12, so no dossier key reads the same. */
const BATCH_KEY_MONTH_OFFSET = 20;

/**
 * The handover record's numeric 1D key on rolls, `CC YY MM+20 DD NNNN`: 12 digits of CODE128 set C
 * print at 3-dot modules on a 58 mm head, where the 15-character code only fits at 1 dot. A dossier
 * key is 12 digits too (`II YYMMDD SSSS`), but its month is 01–12, so every key reads one way only.
 */
export function batchBarcodeKey(code: string): string | undefined {
  const parsed = parseBatchCode(code);
  if (!parsed.ok) return undefined;
  const { date, counter, batchNumber } = parsed.value;
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return pad(counter, 2) + pad(date.year % 100, 2) + pad(date.month + BATCH_KEY_MONTH_OFFSET, 2) + pad(date.day, 2) + pad(batchNumber, 4);
}

/** A scanned batch key back to its batch code, or undefined when the digits are not one. */
export function parseBatchBarcodeKey(text: string): BatchCodeParts | undefined {
  const m = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{4})$/.exec(text.trim());
  if (!m) return undefined;
  const month = Number(m[3]) - BATCH_KEY_MONTH_OFFSET;
  if (month < 1 || month > 12) return undefined;
  const date = parseYymmdd(`${m[2]}${String(month).padStart(2, '0')}${m[4]}`);
  const counter = Number(m[1]);
  const batchNumber = Number(m[5]);
  if (!date || counter < 1 || batchNumber < 1) return undefined;
  return { date, counter, batchNumber, code: formatBatchCode({ date, counter, batchNumber }) };
}
