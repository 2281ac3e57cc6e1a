import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { fromVnLocal, vnDateKey, vnDayNumber } from './days';
import { CalendarError } from './errors';
import { workCalendar } from './workCalendar';
import { addWorkingDays, appointmentTime, closingOn, isWorkingDay, workingDaysBetween } from './workingDays';

const statutory = workCalendar();
const vn = (y: number, m: number, d: number, hh = 0, mm = 0) => fromVnLocal(y, m, d, hh, mm);

describe('addWorkingDays', () => {
  it('skips the Tết break for a dossier received on Friday 13/2/2026 at 10:00 with 5 working days', () => {
    // 16–20/2 are Tết (29 Tết to mùng 4); counting resumes Monday 23/2.
    expect(addWorkingDays(vn(2026, 2, 13, 10, 0), 5, statutory)).toEqual(vn(2026, 2, 27, 10, 0));
  });

  it('keeps the time of day and does not count the day of receipt', () => {
    expect(addWorkingDays(vn(2026, 3, 2, 8, 15), 1, statutory)).toEqual(vn(2026, 3, 3, 8, 15));
    expect(addWorkingDays(vn(2026, 3, 6, 16, 45), 1, statutory)).toEqual(vn(2026, 3, 9, 16, 45));
    expect(addWorkingDays(vn(2026, 3, 2, 8, 15), 0, statutory)).toEqual(vn(2026, 3, 2, 8, 15));
  });

  it('skips a Sunday holiday and its nghỉ bù (Giỗ Tổ 26/4/2026 → 27/4) plus 30/4 and 1/5', () => {
    expect(isWorkingDay(vn(2026, 4, 26, 9), statutory)).toBe(false);
    expect(isWorkingDay(vn(2026, 4, 27, 9), statutory)).toBe(false);
    expect(isWorkingDay(vn(2026, 4, 28, 9), statutory)).toBe(true);
    // Fri 24/4 + 3: Tue 28, Wed 29, Mon 4/5.
    expect(addWorkingDays(vn(2026, 4, 24, 9, 30), 3, statutory)).toEqual(vn(2026, 5, 4, 9, 30));
  });

  it('starts counting at the next working day when received on a day off', () => {
    // Saturday 7/3/2026: Monday 9/3 is day 1.
    expect(addWorkingDays(vn(2026, 3, 7, 10, 0), 1, statutory)).toEqual(vn(2026, 3, 9, 10, 0));
    // During Tết (mùng 2, 18/2/2026): Monday 23/2 is day 1.
    expect(addWorkingDays(vn(2026, 2, 18, 9, 0), 2, statutory)).toEqual(vn(2026, 2, 24, 9, 0));
  });

  it('counts an announced make-up Saturday as a working day and skips an announced extra day off', () => {
    const calendar = workCalendar({ daysOff: ['2026-01-02'], workingDays: ['2026-01-10'] });
    expect(isWorkingDay(vn(2026, 1, 10, 8), calendar)).toBe(true);
    expect(isWorkingDay(vn(2026, 1, 10, 8), statutory)).toBe(false);
    expect(isWorkingDay(vn(2026, 1, 2, 8), calendar)).toBe(false);
    // Wed 31/12/2025 15:00 + 7: Mon 5, Tue 6, Wed 7, Thu 8, Fri 9, Sat 10 (make-up), Mon 12.
    expect(addWorkingDays(vn(2025, 12, 31, 15, 0), 7, calendar)).toEqual(vn(2026, 1, 12, 15, 0));
    expect(addWorkingDays(vn(2025, 12, 31, 15, 0), 6, calendar)).toEqual(vn(2026, 1, 10, 15, 0));
    // Without the announcement Friday 2/1 is day 1 and day 6 is Friday 9/1.
    expect(addWorkingDays(vn(2025, 12, 31, 15, 0), 6, statutory)).toEqual(vn(2026, 1, 9, 15, 0));
    expect(calendar.weekendWorkingDays(2026)).toEqual(['2026-01-10']);
  });

  it('lets the government announcement replace a year’s statutory list (replaceDefaultsFor)', () => {
    // Illustrative announcement for 2026: Tết from 16/2 to 23/2, no nghỉ bù on 27/4.
    const announced = ['2026-01-01', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-23', '2026-04-30', '2026-05-01', '2026-09-01', '2026-09-02', '2026-11-24'];
    const calendar = workCalendar({ daysOff: announced, replaceDefaultsFor: [2026] });
    expect(calendar.weekdaysOff(2026)).toEqual(announced);
    expect(calendar.isWorkingDateKey('2026-02-23')).toBe(false);
    expect(calendar.isWorkingDateKey('2026-04-27')).toBe(true);
    expect(statutory.isWorkingDateKey('2026-04-27')).toBe(false);
    // Other years keep the statutory rules.
    expect(calendar.weekdaysOff(2027)).toEqual(statutory.weekdaysOff(2027));
    expect(addWorkingDays(vn(2026, 2, 13, 10, 0), 5, calendar)).toEqual(vn(2026, 3, 2, 10, 0));
  });

  it('adds half days as 4 office hours, across lunch, evenings and days off', () => {
    expect(addWorkingDays(vn(2026, 3, 2, 10, 0), 0.5, statutory)).toEqual(vn(2026, 3, 2, 16, 0));
    expect(addWorkingDays(vn(2026, 3, 2, 6, 0), 0.5, statutory)).toEqual(vn(2026, 3, 2, 11, 30));
    // Lunch time: the afternoon's 3.5 h, then 0.5 h on Tuesday.
    expect(addWorkingDays(vn(2026, 3, 2, 12, 0), 0.5, statutory)).toEqual(vn(2026, 3, 3, 8, 0));
    expect(addWorkingDays(vn(2026, 3, 2, 13, 0), 0.5, statutory)).toEqual(vn(2026, 3, 3, 8, 0));
    // Exactly the afternoon's length ends at closing time, not the next morning.
    expect(addWorkingDays(vn(2026, 3, 2, 7, 30), 0.5, statutory)).toEqual(vn(2026, 3, 2, 11, 30));
    // Mon 14:00 + 1.5: Tue 14:00, then 3 h to 17:00 and 1 h on Wednesday.
    expect(addWorkingDays(vn(2026, 3, 2, 14, 0), 1.5, statutory)).toEqual(vn(2026, 3, 4, 8, 30));
    // Friday 15:00 + 0.5: 2 h on Friday, 2 h on Monday.
    expect(addWorkingDays(vn(2026, 3, 6, 15, 0), 0.5, statutory)).toEqual(vn(2026, 3, 9, 9, 30));
    // Saturday + 0.5 starts at Monday's opening.
    expect(addWorkingDays(vn(2026, 3, 7, 10, 0), 0.5, statutory)).toEqual(vn(2026, 3, 9, 11, 30));
    // Friday 13/2/2026 16:00 + 0.5 crosses Tết: 1 h on Friday, 3 h from Monday 23/2.
    expect(addWorkingDays(vn(2026, 2, 13, 16, 0), 0.5, statutory)).toEqual(vn(2026, 2, 23, 10, 30));
  });

  it('uses configured office hours', () => {
    const calendar = workCalendar({
      workingHours: [
        { start: '08:00', end: '12:00' },
        { start: '13:00', end: '17:00' },
      ],
    });
    expect(addWorkingDays(vn(2026, 3, 2, 10, 0), 0.5, calendar)).toEqual(vn(2026, 3, 2, 15, 0));
  });

  it('refuses a negative, fractional other than .5 or non-finite number of days', () => {
    for (const days of [-1, 1.3, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => addWorkingDays(vn(2026, 3, 2, 10), days, statutory)).toThrow(CalendarError);
    }
  });
});

describe('workingDaysBetween', () => {
  it('counts working days after a up to and including b, negative when b is earlier', () => {
    expect(workingDaysBetween(vn(2026, 2, 13, 10), vn(2026, 2, 27, 9), statutory)).toBe(5);
    expect(workingDaysBetween(vn(2026, 2, 27, 9), vn(2026, 2, 13, 10), statutory)).toBe(-5);
    expect(workingDaysBetween(vn(2026, 3, 2, 8), vn(2026, 3, 2, 17), statutory)).toBe(0);
  });
});

describe('WorkCalendar options', () => {
  it('refuses bad data with Vietnamese messages', () => {
    expect(() => workCalendar({ daysOff: ['2026-02-30'] })).toThrow(CalendarError);
    expect(() => workCalendar({ daysOff: ['17/02/2026'] })).toThrow(/không đúng định dạng/);
    expect(() => workCalendar({ daysOff: ['2026-01-10'], workingDays: ['2026-01-10'] })).toThrow(/vừa được khai báo là ngày nghỉ vừa là ngày làm bù/);
    expect(() => workCalendar({ workingHours: [{ start: '13:30', end: '11:30' }] })).toThrow(CalendarError);
    expect(() => workCalendar({ workingHours: [{ start: '7:30', end: '11:30' }] })).toThrow(/không hợp lệ/);
  });
});

describe('independent of the machine timezone', () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });

  it.each(['UTC', 'America/New_York', 'Asia/Ho_Chi_Minh', 'Pacific/Kiritimati'])('gives the same answers with TZ=%s', (tz) => {
    process.env.TZ = tz;
    const received = new Date(Date.UTC(2026, 1, 13, 3, 0));
    expect(vnDateKey(received)).toBe('2026-02-13');
    expect(addWorkingDays(received, 5, statutory).toISOString()).toBe('2026-02-27T03:00:00.000Z');
    // 23:30 in Vietnam is still the same Vietnamese day though it is the next day in some zones.
    expect(vnDateKey(new Date(Date.UTC(2026, 1, 13, 16, 30)))).toBe('2026-02-13');
    expect(vnDateKey(new Date(Date.UTC(2026, 1, 13, 17, 0)))).toBe('2026-02-14');
    expect(fromVnLocal(2026, 11, 1, 0, 0).toISOString()).toBe('2026-10-31T17:00:00.000Z');
  });
});

describe('properties', () => {
  const instant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2150, 0, 1) }).map((ms) => new Date(ms));

  it('addWorkingDays lands on a working day, and workingDaysBetween gives n back from a working day', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 60 }), (from, n) => {
        const due = addWorkingDays(from, n, statutory);
        expect(isWorkingDay(due, statutory)).toBe(true);
        expect(workingDaysBetween(from, due, statutory)).toBe(n);
        expect(vnDateKey(due) > vnDateKey(from)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('from a working day, n = 0 included, the round trip holds', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 60 }), (candidate, n) => {
        const from = addWorkingDays(candidate, 1, statutory);
        expect(workingDaysBetween(from, addWorkingDays(from, n, statutory), statutory)).toBe(n);
      }),
      { numRuns: 1000 },
    );
  });

  it('a half day ends inside office hours of a working day, after the whole days', () => {
    const calendar = workCalendar();
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 30 }), (from, n) => {
        const due = addWorkingDays(from, n + 0.5, calendar);
        expect(isWorkingDay(due, calendar)).toBe(true);
        const minutes = ((due.getTime() + 7 * 3_600_000) % 86_400_000) / 60_000;
        expect((minutes > 450 && minutes <= 690) || (minutes > 810 && minutes <= 1020)).toBe(true);
        expect(due.getTime()).toBeGreaterThan(addWorkingDays(from, n, calendar).getTime());
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the time of an appointment', () => {
  const cal = workCalendar();
  it('is when the working time runs out: a count ending at an opening is the previous working day’s closing', () => {
    // Monday 23/3/2026 07:30 is Friday 20/3 17:00; a Thursday at 09:15 stays as it is.
    expect(appointmentTime(fromVnLocal(2026, 3, 23, 7, 30), cal)).toEqual(fromVnLocal(2026, 3, 20, 17, 0));
    expect(appointmentTime(fromVnLocal(2026, 3, 19, 9, 15), cal)).toEqual(fromVnLocal(2026, 3, 19, 9, 15));
    // Across Tết 2026 (16–20/2 off, with the weekend): Monday 23/2 07:30 ran out on Friday 13/2.
    expect(appointmentTime(fromVnLocal(2026, 2, 23, 7, 30), cal)).toEqual(fromVnLocal(2026, 2, 13, 17, 0));
  });
  it('is the same for a date chosen at the desk (a correction, an apology) as for the original', () => {
    const friday = vnDayNumber(fromVnLocal(2026, 3, 20));
    expect(closingOn(friday, cal)).toEqual(appointmentTime(fromVnLocal(2026, 3, 23, 7, 30), cal));
  });
});
