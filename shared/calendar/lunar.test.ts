import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateFromDayNumber, dayNumberFromDate } from './days';
import { CalendarError } from './errors';
import { leapMonthOf, lunarMonthLength, lunarToSolar, solarToLunar } from './lunar';

const ymd = (key: string) => {
  const [year = NaN, month = NaN, day = NaN] = key.split('-').map(Number);
  return { year, month, day };
};

describe('Tết and Giỗ Tổ (DOMAIN.md)', () => {
  it.each([
    [2026, '2026-02-17', '2026-04-26'],
    [2027, '2027-02-06', '2027-04-16'],
    [2028, '2028-01-26', '2028-04-04'],
  ])('lunar year %i', (year, tet, gioTo) => {
    expect(lunarToSolar(1, 1, year)).toEqual(ymd(tet));
    expect(lunarToSolar(10, 3, year)).toEqual(ymd(gioTo));
    const { year: y, month: m, day: d } = ymd(tet);
    expect(solarToLunar(y, m, d)).toEqual({ day: 1, month: 1, year, leap: false });
  });

  it('follows UTC+7, not the Chinese UTC+8 calendar, in 1985, 2007 and 2030', () => {
    expect(lunarToSolar(1, 1, 1985)).toEqual(ymd('1985-01-21'));
    expect(lunarToSolar(1, 1, 2007)).toEqual(ymd('2007-02-17'));
    expect(lunarToSolar(1, 1, 2030)).toEqual(ymd('2030-02-02'));
    // The Chinese New Year days are still the old year, or day 2, in Vietnam.
    expect(solarToLunar(1985, 2, 20)).toEqual({ day: 1, month: 2, year: 1985, leap: false });
    expect(solarToLunar(2007, 2, 18)).toEqual({ day: 2, month: 1, year: 2007, leap: false });
    expect(solarToLunar(2030, 2, 3)).toEqual({ day: 2, month: 1, year: 2030, leap: false });
  });

  it.each([
    [1900, '1900-01-31'],
    [1968, '1968-01-29'],
    [1975, '1975-02-11'],
    [2000, '2000-02-05'],
    [2008, '2008-02-07'],
    [2016, '2016-02-08'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
  ])('Tết %i is %s', (year, tet) => {
    expect(lunarToSolar(1, 1, year)).toEqual(ymd(tet));
  });
});

describe('leap months', () => {
  it.each([
    [2020, 4],
    [2023, 2],
    [2025, 6],
    [2028, 5],
    [1985, 2],
    [2033, 11],
  ])('%i has leap month %i', (year, month) => {
    expect(leapMonthOf(year)).toBe(month);
  });

  it.each([2021, 2022, 2024, 2026, 2027, 2030])('%i has no leap month', (year) => {
    expect(leapMonthOf(year)).toBeNull();
  });

  it('round-trips days of a leap month and tells it from the ordinary month', () => {
    // Mùng 1 tháng 6 nhuận Ất Tỵ was 25/7/2025; mùng 1 tháng 6 (thường) was 25/6/2025.
    expect(solarToLunar(2025, 7, 25)).toEqual({ day: 1, month: 6, year: 2025, leap: true });
    expect(lunarToSolar(1, 6, 2025, true)).toEqual(ymd('2025-07-25'));
    expect(lunarToSolar(1, 6, 2025)).toEqual(ymd('2025-06-25'));
    for (let day = 1; day <= lunarMonthLength(4, 2020, true); day++) {
      const solar = lunarToSolar(day, 4, 2020, true);
      expect(solarToLunar(solar.year, solar.month, solar.day)).toEqual({ day, month: 4, year: 2020, leap: true });
    }
  });
});

describe('nonexistent dates', () => {
  it('refuses a leap month the year does not have, in Vietnamese', () => {
    expect(() => lunarToSolar(1, 5, 2026, true)).toThrow(CalendarError);
    expect(() => lunarToSolar(1, 5, 2026, true)).toThrow('Năm 2026 âm lịch không có tháng 5 nhuận.');
  });

  it('refuses day 30 of a 29-day month', () => {
    // Tháng Chạp Ất Tỵ has 29 days: 2026-02-16 is its last day.
    expect(lunarMonthLength(12, 2025)).toBe(29);
    expect(() => lunarToSolar(30, 12, 2025)).toThrow(/tháng này có 29 ngày/);
    expect(lunarToSolar(29, 12, 2025)).toEqual(ymd('2026-02-16'));
  });

  it('refuses impossible solar dates and out-of-range years', () => {
    expect(() => solarToLunar(2023, 2, 29)).toThrow(CalendarError);
    expect(() => solarToLunar(2026, 13, 1)).toThrow(CalendarError);
    expect(() => solarToLunar(1700, 1, 1)).toThrow(/ngoài phạm vi/);
    expect(() => lunarToSolar(0, 1, 2026)).toThrow(CalendarError);
  });
});

describe('structure over 1900–2199', () => {
  it('every lunar year has 12 or 13 months of 29/30 days, Tết between 21/1 and 20/2, and days chain without gaps', () => {
    for (let year = 1900; year <= 2199; year++) {
      const leap = leapMonthOf(year);
      const months: [number, boolean][] = [];
      for (let month = 1; month <= 12; month++) {
        months.push([month, false]);
        if (leap === month) months.push([month, true]);
      }
      const tet = lunarToSolar(1, 1, year);
      const tetDay = dayNumberFromDate(tet.year, tet.month, tet.day);
      let expectedStart = tetDay;
      for (const [month, isLeap] of months) {
        const start = lunarToSolar(1, month, year, isLeap);
        expect(dayNumberFromDate(start.year, start.month, start.day)).toBe(expectedStart);
        const length = lunarMonthLength(month, year, isLeap);
        expect([29, 30]).toContain(length);
        expectedStart += length;
      }
      const nextTet = lunarToSolar(1, 1, year + 1);
      expect(dayNumberFromDate(nextTet.year, nextTet.month, nextTet.day)).toBe(expectedStart);
      expect(tet.year).toBe(year);
      expect(tetDay).toBeGreaterThanOrEqual(dayNumberFromDate(year, 1, 21));
      expect(tetDay).toBeLessThanOrEqual(dayNumberFromDate(year, 2, 20));
    }
  });
});

describe('properties', () => {
  const first = dayNumberFromDate(1900, 1, 1);
  const last = dayNumberFromDate(2199, 12, 31);

  it('lunarToSolar ∘ solarToLunar is the identity on 1900–2199', () => {
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), (dayNumber) => {
        const solar = dateFromDayNumber(dayNumber);
        const lunar = solarToLunar(solar.year, solar.month, solar.day);
        expect(lunarToSolar(lunar.day, lunar.month, lunar.year, lunar.leap)).toEqual(solar);
      }),
      { numRuns: 5000 },
    );
  });

  it('consecutive solar days are consecutive lunar days or a new month', () => {
    fc.assert(
      fc.property(fc.integer({ min: first, max: last - 1 }), (dayNumber) => {
        const a = dateFromDayNumber(dayNumber);
        const b = dateFromDayNumber(dayNumber + 1);
        const la = solarToLunar(a.year, a.month, a.day);
        const lb = solarToLunar(b.year, b.month, b.day);
        if (lb.day === 1) expect(la.day === 29 || la.day === 30).toBe(true);
        else expect(lb).toEqual({ ...la, day: la.day + 1 });
      }),
      { numRuns: 2000 },
    );
  });
});
