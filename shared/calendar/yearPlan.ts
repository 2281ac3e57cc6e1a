// One year of the Center's calendar as the administrator announces it: extra days off (on a solar
// date, or a lunar one converted for that year) and weekend days worked instead. Checked entry by
// entry with Vietnamese messages, and turned into the days off the counters will count, so the
// administrator sees the result before saving and the server saves only a year without errors.
import { assertSolarDate, dateFromDayNumber, dateKeyFromDayNumber, dayNumberFromDate, isWeekend, weekdayOf } from './days';
import { CalendarError } from './errors';
import { statutoryHolidayEntries } from './holidays';
import { dayNumberOfLunarDate } from './lunar';
import { workCalendar } from './workCalendar';

export interface AnnouncedHoliday {
  /** A solar date of `year`, or a lunar date of the lunar year that starts in `year`. */
  calendar: 'solar' | 'lunar';
  day: number;
  month: number;
  /** Lunar only: the leap month (tháng nhuận). */
  leap?: boolean;
  name: string;
}

export interface AnnouncedWorkingDay {
  day: number;
  month: number;
  name: string;
}

export interface CalendarYearInput {
  year: number;
  holidays: readonly AnnouncedHoliday[];
  workingDays: readonly AnnouncedWorkingDay[];
}

export interface CalendarEntryError {
  list: 'holidays' | 'workingDays';
  /** Position in its list, from 0. */
  index: number;
  message: string;
}

/** What is stored and synced: catalogue kind `holiday` keyed by `date` (lunar kept to show it back). */
export interface HolidayItem {
  date: string;
  name: string;
  lunar?: { day: number; month: number; leap: boolean };
}

/** Catalogue kind `workingDaySwap`, keyed by `date`. */
export interface WorkingDayItem {
  date: string;
  name: string;
}

export interface DayOff {
  date: string;
  name: string;
  /** 'statutory': Bộ luật Lao động (with nghỉ bù); 'announced': added for this year. */
  source: 'statutory' | 'announced';
}

export interface CalendarYearPlan {
  errors: CalendarEntryError[];
  holidays: HolidayItem[];
  workingDays: WorkingDayItem[];
  /** Every Monday–Friday not worked in the year, in date order: what the counters will skip. */
  daysOff: DayOff[];
  /** Saturdays and Sundays worked in the year. */
  weekendWorkingDays: WorkingDayItem[];
}

const MAX_NAME = 200;

const shortDate = (dayNumber: number) => {
  const { year, month, day } = dateFromDayNumber(dayNumber);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
};

const WEEKEND_NAMES = ['Chủ nhật', '', '', '', '', '', 'Thứ Bảy'];

function checkName(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return 'thiếu tên ngày nghỉ (ví dụ: Nghỉ bù Quốc khánh).';
  if (trimmed.length > MAX_NAME) return `tên dài quá ${MAX_NAME} ký tự.`;
  return undefined;
}

/** The solar day of an entry, or the reason it has none in `year`. */
function dayOfHoliday(h: AnnouncedHoliday, year: number): number | string {
  if (!Number.isInteger(h.day) || !Number.isInteger(h.month)) return 'chưa nhập đủ ngày và tháng.';
  try {
    if (h.calendar === 'lunar') {
      const dayNumber = dayNumberOfLunarDate(h.day, h.month, year, h.leap ?? false);
      if (dateFromDayNumber(dayNumber).year !== year) return `ngày ${h.day}/${h.month} âm lịch năm ${year} rơi vào ${shortDate(dayNumber)}, sang năm dương lịch khác; khai ở năm đó.`;
      return dayNumber;
    }
    assertSolarDate(year, h.month, h.day);
    return dayNumberFromDate(year, h.month, h.day);
  } catch (e) {
    if (e instanceof CalendarError) return e.message;
    throw e;
  }
}

function dayOfWorkingDay(w: AnnouncedWorkingDay, year: number): number | string {
  if (!Number.isInteger(w.day) || !Number.isInteger(w.month)) return 'chưa nhập đủ ngày và tháng.';
  try {
    assertSolarDate(year, w.month, w.day);
    return dayNumberFromDate(year, w.month, w.day);
  } catch (e) {
    if (e instanceof CalendarError) return e.message;
    throw e;
  }
}

export function planCalendarYear(input: CalendarYearInput): CalendarYearPlan {
  const { year } = input;
  const errors: CalendarEntryError[] = [];
  const statutory = new Map(statutoryHolidayEntries(year).map((h) => [h.date, h.name]));
  const holidays: HolidayItem[] = [];
  const holidayDays = new Map<string, number>();

  input.holidays.forEach((h, index) => {
    const label = `Ngày nghỉ thứ ${index + 1}`;
    const fail = (message: string) => errors.push({ list: 'holidays', index, message: `${label}: ${message}` });
    const nameError = checkName(h.name);
    if (nameError) fail(nameError);
    const dayNumber = dayOfHoliday(h, year);
    if (typeof dayNumber === 'string') return fail(dayNumber);
    const date = dateKeyFromDayNumber(dayNumber);
    if (isWeekend(dayNumber)) return fail(`${shortDate(dayNumber)} là ${WEEKEND_NAMES[weekdayOf(dayNumber)]}, vốn đã nghỉ; nếu nghỉ bù thì khai ngày làm việc được nghỉ bù.`);
    if (statutory.has(date)) return fail(`${shortDate(dayNumber)} đã là ngày nghỉ theo Bộ luật Lao động (${statutory.get(date)}).`);
    const earlier = holidayDays.get(date);
    if (earlier !== undefined) return fail(`${shortDate(dayNumber)} trùng với ngày nghỉ thứ ${earlier + 1}.`);
    holidayDays.set(date, index);
    if (nameError) return;
    holidays.push({ date, name: h.name.trim(), ...(h.calendar === 'lunar' ? { lunar: { day: h.day, month: h.month, leap: h.leap ?? false } } : {}) });
  });

  const workingDays: WorkingDayItem[] = [];
  const workingSeen = new Map<string, number>();
  input.workingDays.forEach((w, index) => {
    const label = `Ngày làm bù thứ ${index + 1}`;
    const fail = (message: string) => errors.push({ list: 'workingDays', index, message: `${label}: ${message}` });
    const nameError = checkName(w.name);
    if (nameError) fail(nameError);
    const dayNumber = dayOfWorkingDay(w, year);
    if (typeof dayNumber === 'string') return fail(dayNumber);
    const date = dateKeyFromDayNumber(dayNumber);
    if (holidayDays.has(date)) return fail(`${shortDate(dayNumber)} cũng được khai là ngày nghỉ; sửa lại một trong hai.`);
    if (!isWeekend(dayNumber) && !statutory.has(date)) return fail(`${shortDate(dayNumber)} vốn là ngày làm việc; ngày làm bù phải là Thứ Bảy, Chủ nhật hoặc một ngày nghỉ lễ được chuyển.`);
    const earlier = workingSeen.get(date);
    if (earlier !== undefined) return fail(`${shortDate(dayNumber)} trùng với ngày làm bù thứ ${earlier + 1}.`);
    workingSeen.set(date, index);
    if (nameError) return;
    workingDays.push({ date, name: w.name.trim() });
  });

  holidays.sort((a, b) => a.date.localeCompare(b.date));
  workingDays.sort((a, b) => a.date.localeCompare(b.date));
  return { errors, holidays, workingDays, ...yearDaysOff(year, holidays, workingDays) };
}

/** The weekdays off and weekend days worked in `year` once these announced days are added to the statutory ones. */
export function yearDaysOff(year: number, holidays: readonly HolidayItem[], workingDays: readonly WorkingDayItem[]): Pick<CalendarYearPlan, 'daysOff' | 'weekendWorkingDays'> {
  const statutory = new Map(statutoryHolidayEntries(year).map((h) => [h.date, h.name]));
  const calendar = workCalendar({ daysOff: holidays.map((h) => h.date), workingDays: workingDays.map((w) => w.date) });
  const announced = new Map(holidays.map((h) => [h.date, h.name]));
  const workingNames = new Map(workingDays.map((w) => [w.date, w.name]));
  const daysOff: DayOff[] = calendar.weekdaysOff(year).map((date) => ({
    date,
    name: announced.get(date) ?? statutory.get(date) ?? '',
    source: announced.has(date) ? 'announced' : 'statutory',
  }));
  const weekendWorkingDays = calendar.weekendWorkingDays(year).map((date) => ({ date, name: workingNames.get(date) ?? '' }));
  return { daysOff, weekendWorkingDays };
}

/** The entries back from what is stored, to edit them again. */
export function announcedEntries(holidays: readonly HolidayItem[], workingDays: readonly WorkingDayItem[]): { holidays: AnnouncedHoliday[]; workingDays: AnnouncedWorkingDay[] } {
  const solar = (date: string) => ({ day: Number(date.slice(8, 10)), month: Number(date.slice(5, 7)) });
  return {
    holidays: holidays.map((h) => (h.lunar ? { calendar: 'lunar' as const, ...h.lunar, name: h.name } : { calendar: 'solar' as const, ...solar(h.date), name: h.name })),
    workingDays: workingDays.map((w) => ({ ...solar(w.date), name: w.name })),
  };
}
