import type { CalendarDate } from './calendarDate';
import { formatYymmdd, parseYymmdd, toCodeDate } from './calendarDate';
import type { Result } from './result';
import { err, ok } from './result';

/**
 * Dossier code (Thông tư 01/2018 Điều 19, now Thông tư 03/2025 Điều 13 and 04/2025):
 * - ordinary: `V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX`, the receiving agency's QCVN 102:2016 code,
 *   the reception day and the day's sequence (at least 4 digits, longer allowed);
 * - nationwide central system: `MX1X2.Y1Y2Y3.Z1Z2-YYMMDD-AAXXXX`, AA = the system owner's code.
 * The Center issues only the ordinary shape; both are parsed because both reach the counter.
 */
export const AGENCY_CODE_PATTERN = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;
export const CENTRAL_AGENCY_CODE_PATTERN = /^[A-Z]\d{2}\.\d{3}\.\d{2}$/;

/** The province part of a local agency code (QCVN 102:2016: `000.00.15.H41` → `H41`); undefined for any other text. */
export function provinceOfAgencyCode(agencyCode: string): string | undefined {
  return AGENCY_CODE_PATTERN.test(agencyCode) ? agencyCode.slice(-3) : undefined;
}

/** Nine digits keeps every sequence a safe integer and is far above any day's intake. */
const MAX_SEQUENCE_DIGITS = 9;
export const MAX_DOSSIER_SEQUENCE = 10 ** MAX_SEQUENCE_DIGITS - 1;

export type DossierCodeParts = {
  shape: 'agency' | 'central';
  agency: string;
  date: CalendarDate;
  seq: number;
  /** Two digits of the system owner's code; central shape only. */
  systemOwner?: string;
  /** The code exactly as read (outer whitespace trimmed): look dossiers up by this. */
  code: string;
};

export type DossierCodeError =
  | { code: 'empty'; message: string }
  | { code: 'innerWhitespace'; message: string; position: number }
  | { code: 'lowercase'; message: string; suggestion: string }
  | { code: 'invalidCharacter'; message: string; character: string; position: number }
  | { code: 'wrongSeparator'; message: string; found?: string }
  | { code: 'badAgency'; message: string; agency: string }
  | { code: 'badDate'; message: string; datePart: string }
  | { code: 'impossibleDate'; message: string; datePart: string }
  | { code: 'badSequence'; message: string; sequencePart: string }
  | { code: 'zeroSequence'; message: string; sequencePart: string };

export type DossierCodeInput = {
  agency: string;
  date: CalendarDate | string;
  seq: number;
};

const EXAMPLE = '000.00.15.H41-260112-0001';

/** Builds the ordinary code the Center prints. Throws RangeError on programmer errors. */
export function formatDossierCode(input: DossierCodeInput): string {
  if (!AGENCY_CODE_PATTERN.test(input.agency)) {
    throw new RangeError(`Agency code '${input.agency}' does not match V1V2V3.Z1Z2.Y1Y2.MX1X2`);
  }
  assertSequence(input.seq);
  const date = toCodeDate(input.date);
  return `${input.agency}-${formatYymmdd(date)}-${String(input.seq).padStart(4, '0')}`;
}

export function assertSequence(seq: number): void {
  if (!Number.isInteger(seq) || seq < 1 || seq > MAX_DOSSIER_SEQUENCE) {
    throw new RangeError(`Sequence must be an integer 1–${MAX_DOSSIER_SEQUENCE}, got ${seq}`);
  }
}

// Characters people or keyboards put where '-' belongs; named so the message can say which.
const SEPARATOR_LOOKALIKES = new Set(['_', '/', '\\', '–', '—', '−', ':', ',', '|', '+', '~']);

/** Checks the characters of a code-like text; shared with the batch-code parser. */
export function checkCodeCharacters(
  text: string,
  noun: string,
): { code: 'innerWhitespace' | 'lowercase' | 'invalidCharacter' | 'wrongSeparator'; message: string; position: number; character: string } | undefined {
  const ws = /\s/u.exec(text);
  if (ws) {
    return {
      code: 'innerWhitespace',
      message: `${noun} có khoảng trắng ở giữa (vị trí ${ws.index + 1}). Hãy xoá khoảng trắng rồi nhập lại.`,
      position: ws.index + 1,
      character: ws[0],
    };
  }
  const lower = /[a-z]/.exec(text);
  if (lower) {
    return {
      code: 'lowercase',
      message: `${noun} chỉ dùng chữ in hoa. Có phải là ${text.toUpperCase()}?`,
      position: lower.index + 1,
      character: lower[0],
    };
  }
  let position = 0;
  for (const character of text) {
    position += 1;
    if (/[0-9A-Z.-]/.test(character)) continue;
    if (SEPARATOR_LOOKALIKES.has(character)) {
      return {
        code: 'wrongSeparator',
        message: `${noun} dùng dấu gạch ngang «-» để ngăn cách, không dùng «${character}».`,
        position,
        character,
      };
    }
    return {
      code: 'invalidCharacter',
      message: `${noun} có ký tự không hợp lệ «${character}» ở vị trí ${position}. Mã chỉ gồm chữ số, chữ in hoa, dấu chấm và dấu gạch ngang.`,
      position,
      character,
    };
  }
  return undefined;
}

export function parseDossierCode(text: string): Result<DossierCodeParts, DossierCodeError> {
  const code = text.trim();
  if (code === '') return err({ code: 'empty', message: 'Chưa nhập mã hồ sơ.' });

  const bad = checkCodeCharacters(code, 'Mã hồ sơ');
  if (bad) {
    switch (bad.code) {
      case 'innerWhitespace':
        return err({ code: bad.code, message: bad.message, position: bad.position });
      case 'lowercase':
        return err({ code: bad.code, message: bad.message, suggestion: code.toUpperCase() });
      case 'wrongSeparator':
        return err({ code: bad.code, message: bad.message, found: bad.character });
      case 'invalidCharacter':
        return err({ code: bad.code, message: bad.message, character: bad.character, position: bad.position });
    }
  }

  const pieces = code.split('-');
  if (pieces.length !== 3) {
    return err({
      code: 'wrongSeparator',
      message: `Mã hồ sơ phải gồm 3 phần ngăn cách bởi dấu gạch ngang «-», ví dụ ${EXAMPLE}.`,
    });
  }
  const [agency = '', datePart = '', sequencePart = ''] = pieces;

  let shape: DossierCodeParts['shape'];
  if (AGENCY_CODE_PATTERN.test(agency)) shape = 'agency';
  else if (CENTRAL_AGENCY_CODE_PATTERN.test(agency)) shape = 'central';
  else {
    return err({
      code: 'badAgency',
      agency,
      message: `Phần mã cơ quan «${agency}» không đúng dạng. Mã cơ quan có dạng 000.00.15.H41 (ba chữ số, hai chữ số, hai chữ số, một chữ in hoa và hai chữ số).`,
    });
  }

  if (!/^\d{6}$/.test(datePart)) {
    return err({
      code: 'badDate',
      datePart,
      message: `Phần ngày «${datePart}» phải gồm 6 chữ số theo dạng năm-tháng-ngày (YYMMDD), ví dụ 260112.`,
    });
  }
  const date = parseYymmdd(datePart);
  if (!date) {
    return err({
      code: 'impossibleDate',
      datePart,
      message: `Ngày «${datePart}» trong mã hồ sơ không có thật (ngày ${datePart.slice(4, 6)} tháng ${datePart.slice(2, 4)} năm 20${datePart.slice(0, 2)}). Hãy kiểm tra lại mã.`,
    });
  }

  const ownerDigits = shape === 'central' ? 2 : 0;
  const minDigits = 4 + ownerDigits;
  if (!/^\d+$/.test(sequencePart) || sequencePart.length < minDigits || sequencePart.length > MAX_SEQUENCE_DIGITS + ownerDigits) {
    const expected = shape === 'central' ? 'gồm 2 chữ số mã hệ thống và ít nhất 4 chữ số thứ tự, ví dụ 010001' : 'gồm ít nhất 4 chữ số, ví dụ 0001';
    return err({
      code: 'badSequence',
      sequencePart,
      message: `Phần số thứ tự «${sequencePart}» không đúng: phải ${expected}.`,
    });
  }
  const seq = Number(sequencePart.slice(ownerDigits));
  if (seq === 0) {
    return err({
      code: 'zeroSequence',
      sequencePart,
      message: `Số thứ tự hồ sơ không thể bằng 0 («${sequencePart}»): số thứ tự bắt đầu từ 0001.`,
    });
  }

  const parts: DossierCodeParts = { shape, agency, date, seq, code };
  if (shape === 'central') parts.systemOwner = sequencePart.slice(0, 2);
  return ok(parts);
}
