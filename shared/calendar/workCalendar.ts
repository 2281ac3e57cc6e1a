import { assertYearInRange, dateFromDayNumber, dateKeyFromDayNumber, dayNumberFromDate, dayNumberFromDateKey, isLeapYear, isWeekend } from './days';
import type { DayNumber } from './days';
import { CalendarError } from './errors';
import { statutoryHolidays } from './holidays';

/** A working session of the day in Vietnam time, 'HH:MM' to 'HH:MM'. */
export interface WorkingSession {
  start: string;
  end: string;
}

export interface WorkCalendarOptions {
  /** Extra days off announced by the government or the province, 'YYYY-MM-DD'. */
  daysOff?: readonly string[];
  /** Announced make-up working days (e.g. a Saturday worked to bridge a holiday), 'YYYY-MM-DD'. */
  workingDays?: readonly string[];
  /** Years whose `daysOff` are the government's full announcement and replace the statutory list. */
  replaceDefaultsFor?: readonly number[];
  /** Office hours; the default is 07:30–11:30 and 13:30–17:00. */
  workingHours?: readonly WorkingSession[];
}

/** A session as milliseconds since Vietnam-time midnight. */
export interface SessionMs {
  startMs: number;
  endMs: number;
}

export const DEFAULT_WORKING_HOURS: readonly WorkingSession[] = [
  { start: '07:30', end: '11:30' },
  { start: '13:30', end: '17:00' },
];

interface YearFlags {
  firstDay: DayNumber;
  /** 1 = working day, indexed by day of year from 0. */
  working: Uint8Array;
}

/** Nobody announces ten years off in a row; a longer search means the data is wrong. */
const MAX_SEARCH_DAYS = 3660;

function parseClock(value: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (!match || hours > 24 || minutes > 59 || (hours === 24 && minutes > 0)) {
    throw new CalendarError('invalid-argument', `Giờ làm việc "${value}" không hợp lệ (định dạng HH:MM, ví dụ 07:30).`);
  }
  return (hours * 60 + minutes) * 60_000;
}

function parseSessions(sessions: readonly WorkingSession[]): SessionMs[] {
  if (sessions.length === 0) {
    throw new CalendarError('invalid-argument', 'Cần khai báo ít nhất một buổi làm việc trong ngày.');
  }
  const parsed = sessions.map((s) => ({ startMs: parseClock(s.start), endMs: parseClock(s.end) }));
  parsed.forEach((s, i) => {
    const previous = parsed[i - 1];
    if (s.endMs <= s.startMs || (previous && s.startMs < previous.endMs)) {
      throw new CalendarError('invalid-argument', 'Các buổi làm việc phải theo thứ tự thời gian, không chồng lên nhau, giờ kết thúc sau giờ bắt đầu.');
    }
  });
  return parsed;
}

function groupByYear(keys: readonly string[]): Map<number, Set<DayNumber>> {
  const byYear = new Map<number, Set<DayNumber>>();
  for (const key of keys) {
    const dayNumber = dayNumberFromDateKey(key);
    const { year } = dateFromDayNumber(dayNumber);
    let days = byYear.get(year);
    if (!days) byYear.set(year, (days = new Set()));
    days.add(dayNumber);
  }
  return byYear;
}

/**
 * Which days are worked: Monday–Friday, minus holidays and announced days off, plus announced
 * make-up days. Each year is computed once, on first use, into a flag per day.
 */
export class WorkCalendar {
  readonly sessions: readonly SessionMs[];
  readonly #daysOff: Map<number, Set<DayNumber>>;
  readonly #workingDays: Map<number, Set<DayNumber>>;
  readonly #replaced: ReadonlySet<number>;
  readonly #years = new Map<number, YearFlags>();
  /** Consecutive lookups mostly hit the same year, so skip the date conversion then. */
  #lastYear: YearFlags | undefined;

  constructor(options: WorkCalendarOptions = {}) {
    this.sessions = parseSessions(options.workingHours ?? DEFAULT_WORKING_HOURS);
    this.#daysOff = groupByYear(options.daysOff ?? []);
    this.#workingDays = groupByYear(options.workingDays ?? []);
    for (const year of options.replaceDefaultsFor ?? []) assertYearInRange(year);
    this.#replaced = new Set(options.replaceDefaultsFor ?? []);
    for (const [year, days] of this.#workingDays) {
      for (const day of days) {
        if (this.#daysOff.get(year)?.has(day)) {
          throw new CalendarError('conflicting-days', `Ngày ${dateKeyFromDayNumber(day)} vừa được khai báo là ngày nghỉ vừa là ngày làm bù. Hãy sửa lại một trong hai danh sách.`);
        }
      }
    }
  }

  #yearFlags(year: number): YearFlags {
    let flags = this.#years.get(year);
    if (flags) return flags;
    assertYearInRange(year);
    const firstDay = dayNumberFromDate(year, 1, 1);
    const working = new Uint8Array(isLeapYear(year) ? 366 : 365);
    const off = new Set(this.#daysOff.get(year));
    if (!this.#replaced.has(year)) for (const key of statutoryHolidays(year)) off.add(dayNumberFromDateKey(key));
    for (let i = 0; i < working.length; i++) {
      const day = firstDay + i;
      working[i] = isWeekend(day) || off.has(day) ? 0 : 1;
    }
    for (const day of this.#workingDays.get(year) ?? []) working[day - firstDay] = 1;
    flags = { firstDay, working };
    this.#years.set(year, flags);
    return flags;
  }

  isWorkingDayNumber(dayNumber: DayNumber): boolean {
    let flags = this.#lastYear;
    if (!flags || dayNumber < flags.firstDay || dayNumber >= flags.firstDay + flags.working.length) {
      flags = this.#yearFlags(dateFromDayNumber(dayNumber).year);
      this.#lastYear = flags;
    }
    return flags.working[dayNumber - flags.firstDay] === 1;
  }

  /** Whether the 'YYYY-MM-DD' day is worked. */
  isWorkingDateKey(key: string): boolean {
    return this.isWorkingDayNumber(dayNumberFromDateKey(key));
  }

  /** The first working day strictly after `dayNumber`. */
  nextWorkingDayNumber(dayNumber: DayNumber): DayNumber {
    for (let day = dayNumber + 1; day <= dayNumber + MAX_SEARCH_DAYS; day++) {
      if (this.isWorkingDayNumber(day)) return day;
    }
    throw new CalendarError('invalid-argument', `Không có ngày làm việc nào sau ${dateKeyFromDayNumber(dayNumber)}: kiểm tra lại danh sách ngày nghỉ.`);
  }

  /** Sorted 'YYYY-MM-DD' weekdays off in `year` (holidays, nghỉ bù, announced days off). */
  weekdaysOff(year: number): string[] {
    const { firstDay, working } = this.#yearFlags(year);
    const result: string[] = [];
    working.forEach((flag, i) => {
      if (flag === 0 && !isWeekend(firstDay + i)) result.push(dateKeyFromDayNumber(firstDay + i));
    });
    return result;
  }

  /** Sorted 'YYYY-MM-DD' Saturdays and Sundays worked in `year`. */
  weekendWorkingDays(year: number): string[] {
    const { firstDay, working } = this.#yearFlags(year);
    const result: string[] = [];
    working.forEach((flag, i) => {
      if (flag === 1 && isWeekend(firstDay + i)) result.push(dateKeyFromDayNumber(firstDay + i));
    });
    return result;
  }
}

/** Builds a working-day calendar from the statutory rules and the announced changes. */
export function workCalendar(options: WorkCalendarOptions = {}): WorkCalendar {
  return new WorkCalendar(options);
}

const clock = (ms: number): string => `${String(Math.floor(ms / 3_600_000)).padStart(2, '0')}:${String(Math.floor((ms % 3_600_000) / 60_000)).padStart(2, '0')}`;

/** "Thứ Hai – Thứ Sáu: 07:30–11:30, 13:30–17:00 (trừ ngày nghỉ lễ)": the office hours the calendar counts, as the slip prints them. */
export function openingHoursText(calendar: Pick<WorkCalendar, 'sessions'>): string {
  return `Thứ Hai – Thứ Sáu: ${calendar.sessions.map((s) => `${clock(s.startMs)}–${clock(s.endMs)}`).join(', ')} (trừ ngày nghỉ lễ)`;
}
