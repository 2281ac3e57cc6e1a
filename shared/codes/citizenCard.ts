// The QR on a chip CCCD (front) and a thẻ căn cước (back, from 01/7/2024): plain text, fields
// separated by '|': số định danh | số CMND cũ (or empty) | họ và tên | ngày sinh ddmmyyyy | Nam/Nữ |
// nơi thường trú (cư trú) | ngày cấp ddmmyyyy. The new card may add fields after these seven.
import { isValidCalendarDate, type CalendarDate } from './calendarDate';
import { validateCitizenId, type Gender } from './citizenId';
import type { Result } from './result';
import { err, ok } from './result';

export type CitizenCard = {
  /** The 12-digit personal identification number (số định danh cá nhân). */
  idNumber: string;
  /** The old 9-digit CMND, when the card carries one. */
  oldIdNumber?: string;
  fullName: string;
  birthDate: CalendarDate;
  sex: Gender;
  address: string;
  issuedOn: CalendarDate;
};

export type CitizenCardError = {
  code: 'tooFewFields' | 'badIdNumber' | 'badOldIdNumber' | 'noName' | 'badBirthDate' | 'badSex' | 'noAddress' | 'badIssueDate';
  message: string;
};

const FIELDS = 7;
const RESCAN = 'Hãy quét lại mã QR trên thẻ, hoặc nhập tay.';

/** Whether a scan is meant as a card's QR: a 9–12 digit number, then '|'. Parsing says whether it is a good one. */
export function looksLikeCitizenCard(text: string): boolean {
  return /^\s*\d{9,12}\|/u.test(text);
}

function cardDate(text: string): CalendarDate | undefined {
  const match = /^(\d{2})(\d{2})(\d{4})$/u.exec(text);
  if (!match) return undefined;
  const date = { day: Number(match[1]), month: Number(match[2]), year: Number(match[3]) };
  return isValidCalendarDate(date) && date.year >= 1800 ? date : undefined;
}

const before = (a: CalendarDate, b: CalendarDate) => a.year * 10000 + a.month * 100 + a.day < b.year * 10000 + b.month * 100 + b.day;

/** Reads the QR text of a CCCD or thẻ căn cước (7 fields or more; those after the seventh are ignored). */
export function parseCitizenCard(text: string): Result<CitizenCard, CitizenCardError> {
  // A keyboard-wedge scanner may type decomposed marks; the serial path gives the card's UTF-8 as is.
  const fields = text
    .normalize('NFC')
    .trim()
    .split('|')
    .map((f) => f.trim().replace(/\s+/gu, ' '));
  const fail = (code: CitizenCardError['code'], what: string) => err({ code, message: `Mã QR trên thẻ căn cước ${what}. ${RESCAN}` });
  if (fields.length < FIELDS) return fail('tooFewFields', `thiếu thông tin (có ${fields.length} trường, cần ít nhất ${FIELDS})`);
  const [idNumber, oldIdNumber, fullName, birth, sexText, address, issued] = fields as [string, string, string, string, string, string, string];

  const birthDate = cardDate(birth);
  if (!birthDate) return fail('badBirthDate', `có ngày sinh không hợp lệ «${birth}»`);
  const id = validateCitizenId(idNumber, { birthYear: birthDate.year });
  if (!/^\d{12}$/u.test(idNumber) || !id.ok || id.value.kind !== 'cccd') return fail('badIdNumber', `có số định danh không hợp lệ «${idNumber}»${id.ok ? '' : `: ${id.error.message}`}`);
  if (oldIdNumber !== '' && !/^\d{9}$/u.test(oldIdNumber)) return fail('badOldIdNumber', `có số CMND cũ không hợp lệ «${oldIdNumber}»`);
  if (!/\p{L}/u.test(fullName)) return fail('noName', 'không có họ và tên');
  const sex = sexText === 'Nam' ? 'male' : sexText === 'Nữ' ? 'female' : undefined;
  if (!sex) return fail('badSex', `có giới tính không đọc được «${sexText}»`);
  if (sex !== id.value.gender) return fail('badSex', `ghi giới tính «${sexText}» không khớp với số định danh ${idNumber}`);
  if (address === '') return fail('noAddress', 'không có nơi thường trú');
  const issuedOn = cardDate(issued);
  if (!issuedOn || before(issuedOn, birthDate)) return fail('badIssueDate', `có ngày cấp không hợp lệ «${issued}»`);

  return ok({ idNumber, ...(oldIdNumber ? { oldIdNumber } : {}), fullName, birthDate, sex, address, issuedOn });
}
