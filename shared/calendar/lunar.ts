import { lunarMonth11Start, newMoonDay, newMoonIndexNear, sunLongitudeSector } from './astronomy';
import { assertSolarDate, assertYearInRange, dateFromDayNumber, dayNumberFromDate, MAX_YEAR, MIN_YEAR } from './days';
import type { SolarDate } from './days';
import { CalendarError } from './errors';

/** Vietnam's calendar is computed for UTC+7. */
const VN_TIMEZONE_HOURS = 7;
/** JDN of 1970-01-01, the zero of our day numbers. */
const UNIX_EPOCH_JDN = 2440588;

export interface LunarDate {
  day: number;
  month: number;
  year: number;
  leap: boolean;
}

interface LunarMonth {
  /** Day number of mùng 1. */
  start: number;
  /** 29 or 30. */
  length: number;
  month: number;
  leap: boolean;
  /** The lunar year the month belongs to (months 11 and 12 at the start of a window belong to the previous one). */
  lunarYear: number;
}

/**
 * The lunar months from month 11 at the end of solar year `year - 1` up to (not including)
 * month 11 at the end of `year`: 12 months, or 13 when this span holds a leap month.
 * Months 1–10 of lunar year `year` are always inside this window.
 */
type MonthWindow = readonly LunarMonth[];

const windows = new Map<number, MonthWindow>();

function month11Start(solarYear: number): number {
  return lunarMonth11Start(dayNumberFromDate(solarYear, 12, 31) + UNIX_EPOCH_JDN, VN_TIMEZONE_HOURS);
}

function buildWindow(year: number): MonthWindow {
  const first = month11Start(year - 1);
  const end = month11Start(year);
  const k0 = newMoonIndexNear(first);
  const count = Math.round((end - first) / 29.530588853);
  const starts: number[] = [first];
  for (let i = 1; i < count; i++) starts.push(newMoonDay(k0 + i, VN_TIMEZONE_HOURS));
  starts.push(end);

  // With 13 months, the leap one is the first whose span holds no major solar term: its start and
  // the next month's start fall in the same 30° sector of the sun's longitude.
  let leapIndex = -1;
  if (count === 13) {
    for (let i = 1; i < count; i++) {
      if (sunLongitudeSector(starts[i]!, VN_TIMEZONE_HOURS) === sunLongitudeSector(starts[i + 1]!, VN_TIMEZONE_HOURS)) {
        leapIndex = i;
        break;
      }
    }
  }

  const months: LunarMonth[] = [];
  for (let i = 0; i < count; i++) {
    const shifted = leapIndex >= 0 && i >= leapIndex;
    let month = shifted ? i + 10 : i + 11;
    if (month > 12) month -= 12;
    months.push({
      start: starts[i]! - UNIX_EPOCH_JDN,
      length: starts[i + 1]! - starts[i]!,
      month,
      leap: i === leapIndex,
      lunarYear: month >= 11 && i < 4 ? year - 1 : year,
    });
  }
  return months;
}

function monthWindow(year: number): MonthWindow {
  let window = windows.get(year);
  if (!window) {
    window = buildWindow(year);
    windows.set(year, window);
  }
  return window;
}

/** Lunar date (Vietnamese calendar, UTC+7) of a solar day given as a day number. */
export function lunarDateOfDayNumber(dayNumber: number): LunarDate {
  const { year } = dateFromDayNumber(dayNumber);
  assertYearInRange(year);
  // Late December may already be in month 11 of the next window.
  const next = monthWindow(year + 1);
  const window = dayNumber >= next[0]!.start ? next : monthWindow(year);
  for (let i = window.length - 1; i >= 0; i--) {
    const month = window[i]!;
    if (dayNumber >= month.start) {
      return { day: dayNumber - month.start + 1, month: month.month, year: month.lunarYear, leap: month.leap };
    }
  }
  throw new CalendarError('out-of-range', `Không tính được âm lịch cho ngày số ${dayNumber}.`);
}

/** Solar (Gregorian) date → Vietnamese lunar date. */
export function solarToLunar(year: number, month: number, day: number): LunarDate {
  assertSolarDate(year, month, day);
  return lunarDateOfDayNumber(dayNumberFromDate(year, month, day));
}

function lunarLabel(month: number, year: number, leap: boolean): string {
  return `tháng ${month}${leap ? ' nhuận' : ''} năm ${year} âm lịch`;
}

function assertLunarYearInRange(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new CalendarError('out-of-range', `Năm âm lịch ${year} nằm ngoài phạm vi lịch hỗ trợ (${MIN_YEAR}–${MAX_YEAR}).`);
  }
}

function findLunarMonth(month: number, year: number, leap: boolean): LunarMonth {
  assertLunarYearInRange(year);
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new CalendarError('nonexistent-lunar-date', `Tháng âm lịch ${month} không tồn tại (chỉ có tháng 1–12).`);
  }
  const window = monthWindow(month < 11 ? year : year + 1);
  const found = window.find((m) => m.month === month && m.leap === leap && m.lunarYear === year);
  if (!found) {
    throw new CalendarError('nonexistent-lunar-date', `Năm ${year} âm lịch không có ${leap ? `tháng ${month} nhuận` : `tháng ${month}`}.`);
  }
  return found;
}

/** Day number of a lunar date; throws CalendarError when that date does not exist. */
export function dayNumberOfLunarDate(day: number, month: number, year: number, leap = false): number {
  const lunarMonth = findLunarMonth(month, year, leap);
  if (!Number.isInteger(day) || day < 1 || day > lunarMonth.length) {
    throw new CalendarError('nonexistent-lunar-date', `Ngày ${day} ${lunarLabel(month, year, leap)} không tồn tại: tháng này có ${lunarMonth.length} ngày.`);
  }
  return lunarMonth.start + day - 1;
}

/** Vietnamese lunar date → solar (Gregorian) date. */
export function lunarToSolar(day: number, month: number, year: number, leap = false): SolarDate {
  return dateFromDayNumber(dayNumberOfLunarDate(day, month, year, leap));
}

/** Number of days (29 or 30) of a lunar month. */
export function lunarMonthLength(month: number, year: number, leap = false): number {
  return findLunarMonth(month, year, leap).length;
}

/** The leap month of a lunar year (e.g. 4 for 2020), or null when the year has none. */
export function leapMonthOf(lunarYear: number): number | null {
  assertLunarYearInRange(lunarYear);
  for (const window of [monthWindow(lunarYear), monthWindow(lunarYear + 1)]) {
    const leap = window.find((m) => m.leap && m.lunarYear === lunarYear);
    if (leap) return leap.month;
  }
  return null;
}
