import { CalendarError } from './errors';

/**
 * Vietnam keeps UTC+7 all year (no DST), so every conversion here is fixed-offset arithmetic and
 * never depends on the machine's timezone.
 */
export const VN_UTC_OFFSET_MS = 7 * 3_600_000;
export const DAY_MS = 86_400_000;

/** Solar years the module accepts; the lunar computation is checked against known data 1900–2199. */
export const MIN_YEAR = 1800;
export const MAX_YEAR = 2299;

/** A calendar day as a number: days since 1970-01-01 (a "day number"), independent of any timezone. */
export type DayNumber = number;

export interface SolarDate {
  year: number;
  month: number;
  day: number;
}

const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function assertYearInRange(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new CalendarError('out-of-range', `Năm ${year} nằm ngoài phạm vi lịch hỗ trợ (${MIN_YEAR}–${MAX_YEAR}).`);
  }
}

export function assertSolarDate(year: number, month: number, day: number): void {
  assertYearInRange(year);
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) {
    throw new CalendarError('invalid-date', `Ngày ${day}/${month}/${year} không tồn tại.`);
  }
}

/** Proleptic Gregorian date → day number (Howard Hinnant's days_from_civil). */
export function dayNumberFromDate(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Day number → proleptic Gregorian date (Hinnant's civil_from_days). */
export function dateFromDayNumber(dayNumber: DayNumber): SolarDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
export function weekdayOf(dayNumber: DayNumber): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function isWeekend(dayNumber: DayNumber): boolean {
  const weekday = weekdayOf(dayNumber);
  return weekday === 0 || weekday === 6;
}

export function dateKeyFromDayNumber(dayNumber: DayNumber): string {
  const { year, month, day } = dateFromDayNumber(dayNumber);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** Parses a strict 'YYYY-MM-DD' key; anything else (or a date that does not exist) is refused. */
export function dayNumberFromDateKey(key: string): DayNumber {
  const match = DATE_KEY.exec(key);
  if (!match) {
    throw new CalendarError('invalid-date', `Ngày "${key}" không đúng định dạng NNNN-TT-NN (ví dụ 2026-02-17).`);
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  assertSolarDate(year, month, day);
  return dayNumberFromDate(year, month, day);
}

function instantMs(date: Date): number {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) {
    throw new CalendarError('invalid-date', 'Thời điểm không hợp lệ.');
  }
  return ms;
}

/** The Vietnam-time calendar day of an instant. */
export function vnDayNumber(date: Date): DayNumber {
  return Math.floor((instantMs(date) + VN_UTC_OFFSET_MS) / DAY_MS);
}

/** Milliseconds since Vietnam-time midnight of the instant's day. */
export function vnMsOfDay(date: Date): number {
  const shifted = instantMs(date) + VN_UTC_OFFSET_MS;
  return shifted - Math.floor(shifted / DAY_MS) * DAY_MS;
}

/** The instant of Vietnam-time midnight starting the given day. */
export function vnMidnightMs(dayNumber: DayNumber): number {
  return dayNumber * DAY_MS - VN_UTC_OFFSET_MS;
}

/** 'YYYY-MM-DD' of the instant in Vietnam time. */
export function vnDateKey(date: Date): string {
  return dateKeyFromDayNumber(vnDayNumber(date));
}

/** The instant of a Vietnam wall-clock time, e.g. fromVnLocal(2026, 2, 13, 10, 0) = 10:00 13/02/2026 giờ Việt Nam. */
export function fromVnLocal(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  assertSolarDate(year, month, day);
  if (!Number.isInteger(hour) || hour < 0 || hour > 23 || !Number.isInteger(minute) || minute < 0 || minute > 59) {
    throw new CalendarError('invalid-date', `Giờ ${hour}:${minute} không hợp lệ.`);
  }
  return new Date(vnMidnightMs(dayNumberFromDate(year, month, day)) + (hour * 60 + minute) * 60_000);
}
