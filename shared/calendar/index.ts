/**
 * The Vietnamese calendar for the counter: lunar dates (UTC+7), statutory holidays and
 * working-day arithmetic in Vietnam time.
 */
export { CalendarError } from './errors';
export type { CalendarErrorCode } from './errors';
export { dateFromDayNumber, dateKeyFromDayNumber, dayNumberFromDate, dayNumberFromDateKey, fromVnLocal, vnDateKey, vnDayNumber, weekdayOf, MAX_YEAR, MIN_YEAR } from './days';
export type { DayNumber, SolarDate } from './days';
export { leapMonthOf, lunarMonthLength, lunarToSolar, solarToLunar } from './lunar';
export type { LunarDate } from './lunar';
export { statutoryHolidayEntries, statutoryHolidays } from './holidays';
export type { StatutoryHoliday } from './holidays';
export { DEFAULT_WORKING_HOURS, WorkCalendar, openingHoursText, workCalendar } from './workCalendar';
export type { WorkCalendarOptions, WorkingSession } from './workCalendar';
export { addWorkingDays, appointmentTime, closingOn, isWorkingDay, workingDaysBetween } from './workingDays';
export { announcedEntries, planCalendarYear, yearDaysOff } from './yearPlan';
export type { AnnouncedHoliday, AnnouncedWorkingDay, CalendarEntryError, CalendarYearInput, CalendarYearPlan, DayOff, HolidayItem, WorkingDayItem } from './yearPlan';
export { inPeriod, periodOf, type Period } from './period';
