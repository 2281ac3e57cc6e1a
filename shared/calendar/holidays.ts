import { assertYearInRange, dateFromDayNumber, MAX_YEAR, MIN_YEAR, dateKeyFromDayNumber, dayNumberFromDate, isWeekend } from './days';
import type { DayNumber } from './days';
import { dayNumberOfLunarDate } from './lunar';

/** One day off under the Labour Code's default rules. */
export interface StatutoryHoliday {
  /** 'YYYY-MM-DD' */
  date: string;
  /** What staff see, in Vietnamese. */
  name: string;
  /** True for a nghỉ bù day given because a holiday fell on Saturday or Sunday. */
  compensatory: boolean;
}

export interface BaseHoliday {
  dayNumber: DayNumber;
  name: string;
}

/** Ngày Văn hóa Việt Nam (24/11) is a day off from this year on. */
const CULTURE_DAY_FROM_YEAR = 2026;

/** Holidays of Bộ luật Lao động 2019, Điều 112, that belong to solar year `year` (Tết of lunar year `year`). */
function baseHolidaysOf(year: number): BaseHoliday[] {
  const solar = (month: number, day: number, name: string): BaseHoliday => ({ dayNumber: dayNumberFromDate(year, month, day), name });
  const newYear = dayNumberOfLunarDate(1, 1, year);
  const holidays: BaseHoliday[] = [
    solar(1, 1, 'Tết Dương lịch'),
    // The eve is the last day of the old lunar year, 29 or 30 depending on the month.
    { dayNumber: newYear - 1, name: 'Tết Nguyên đán (ngày cuối năm âm lịch)' },
    ...[1, 2, 3, 4].map((n) => ({ dayNumber: newYear + n - 1, name: `Tết Nguyên đán (mùng ${n})` })),
    { dayNumber: dayNumberOfLunarDate(10, 3, year), name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
    solar(4, 30, 'Ngày Chiến thắng (30/4)'),
    solar(5, 1, 'Ngày Quốc tế Lao động (1/5)'),
    solar(9, 1, 'Quốc khánh (1/9)'),
    solar(9, 2, 'Quốc khánh (2/9)'),
  ];
  if (year >= CULTURE_DAY_FROM_YEAR) holidays.push(solar(11, 24, 'Ngày Văn hóa Việt Nam (24/11)'));
  return holidays;
}

/**
 * Adds a nghỉ bù day for each holiday on a Saturday or Sunday: the next day that is neither a
 * weekend, nor a holiday, nor an earlier nghỉ bù day, so collisions chain forward in date order.
 */
export function withCompensatoryDays(holidays: readonly BaseHoliday[]): (BaseHoliday & { compensatory: boolean })[] {
  // Two holidays on one day (Giỗ Tổ on 30/4 in 1947) are one day off: the law gives no extra day.
  const byDay = new Map<DayNumber, BaseHoliday>();
  for (const h of holidays) {
    const same = byDay.get(h.dayNumber);
    byDay.set(h.dayNumber, same ? { dayNumber: h.dayNumber, name: `${same.name}; ${h.name}` } : h);
  }
  const sorted = [...byDay.values()].sort((a, b) => a.dayNumber - b.dayNumber);
  const taken = new Set(sorted.map((h) => h.dayNumber));
  const result = sorted.map((h) => ({ ...h, compensatory: false }));
  for (const holiday of sorted) {
    if (!isWeekend(holiday.dayNumber)) continue;
    let day = holiday.dayNumber + 1;
    while (isWeekend(day) || taken.has(day)) day++;
    taken.add(day);
    result.push({ dayNumber: day, name: `Nghỉ bù ${holiday.name}`, compensatory: true });
  }
  return result.sort((a, b) => a.dayNumber - b.dayNumber);
}

/**
 * Days off in solar year `year` under the law's default rules, with names. Holidays of the
 * neighbouring years are computed too, so a Tết day or a nghỉ bù day that crosses 1 January lands
 * in the year it actually falls in.
 */
export function statutoryHolidayEntries(year: number): StatutoryHoliday[] {
  assertYearInRange(year);
  const around = [year - 1, year, year + 1].filter((y) => y >= MIN_YEAR && y <= MAX_YEAR).flatMap((y) => baseHolidaysOf(y));
  return withCompensatoryDays(around)
    .filter((h) => dateFromDayNumber(h.dayNumber).year === year)
    .map((h) => ({ date: dateKeyFromDayNumber(h.dayNumber), name: h.name, compensatory: h.compensatory }));
}

/** Sorted 'YYYY-MM-DD' days off in solar year `year` under Bộ luật Lao động 2019, Điều 112. */
export function statutoryHolidays(year: number): string[] {
  return statutoryHolidayEntries(year).map((h) => h.date);
}
