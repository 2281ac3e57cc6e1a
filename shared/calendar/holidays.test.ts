import { describe, expect, it } from 'vitest';
import { dateKeyFromDayNumber, dayNumberFromDate, dayNumberFromDateKey, isWeekend } from './days';
import { statutoryHolidayEntries, statutoryHolidays, withCompensatoryDays } from './holidays';
import { lunarMonthLength, lunarToSolar } from './lunar';

describe('statutoryHolidays', () => {
  it('lists 2026 with Giỗ Tổ on a Sunday compensated on Monday 27/4', () => {
    expect(statutoryHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-04-26',
      '2026-04-27',
      '2026-04-30',
      '2026-05-01',
      '2026-09-01',
      '2026-09-02',
      '2026-11-24',
    ]);
    const nghiBu = statutoryHolidayEntries(2026).filter((h) => h.compensatory);
    expect(nghiBu).toEqual([{ date: '2026-04-27', name: 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)', compensatory: true }]);
  });

  it('includes Giỗ Tổ of 2027 and 2028 and the Tết eve before mùng 1', () => {
    expect(statutoryHolidays(2027)).toEqual(expect.arrayContaining(['2027-02-05', '2027-02-06', '2027-02-09', '2027-04-16']));
    expect(statutoryHolidays(2028)).toEqual(expect.arrayContaining(['2028-01-25', '2028-01-26', '2028-01-29', '2028-04-04']));
  });

  it('chains nghỉ bù forward when Tết mùng 1 and 2 fall on a weekend (2030)', () => {
    // Tết 2030: eve Fri 1/2, mùng 1–2 on Sat/Sun, mùng 3–4 Mon/Tue → nghỉ bù Wed 6/2 and Thu 7/2.
    const tet = statutoryHolidays(2030).filter((d) => d.startsWith('2030-02'));
    expect(tet).toEqual(['2030-02-01', '2030-02-02', '2030-02-03', '2030-02-04', '2030-02-05', '2030-02-06', '2030-02-07']);
    // 1/9/2030 is a Sunday; 2/9 is already a holiday, so nghỉ bù moves on to Tuesday 3/9.
    expect(statutoryHolidays(2030)).toEqual(expect.arrayContaining(['2030-09-01', '2030-09-02', '2030-09-03']));
  });

  it('adds 24/11 only from 2026', () => {
    expect(statutoryHolidays(2025)).not.toContain('2025-11-24');
    expect(statutoryHolidays(2026)).toContain('2026-11-24');
  });

  it('uses the last day of the lunar year as Tết eve whether it is the 29th or the 30th', () => {
    // Tháng Chạp Quý Mão (2023) had 30 days: 30 Tết was 9/2/2024.
    expect(lunarToSolar(30, 12, 2023)).toEqual({ year: 2024, month: 2, day: 9 });
    expect(statutoryHolidays(2024)).toContain('2024-02-09');
    // Tháng Chạp Ất Tỵ (2025) has 29 days: the eve is 29 Tết, 16/2/2026.
    expect(() => lunarToSolar(30, 12, 2025)).toThrow();
    expect(statutoryHolidays(2026)).toContain('2026-02-16');
  });

  it('knows the Tết seasons 2025–2030 have no 30 Tết (tháng Chạp of 29 days)', () => {
    for (let year = 2024; year <= 2029; year++) expect(lunarMonthLength(12, year)).toBe(29);
  });

  it('merges a day that is two holidays at once (Giỗ Tổ on 30/4/1947) into one day off', () => {
    expect(lunarToSolar(10, 3, 1947)).toEqual({ year: 1947, month: 4, day: 30 });
    const entries = statutoryHolidayEntries(1947).filter((h) => h.date === '1947-04-30');
    expect(entries).toEqual([{ date: '1947-04-30', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch); Ngày Chiến thắng (30/4)', compensatory: false }]);
  });

  it('every year 1900–2199: sorted, unique, inside the year, Tết block present, every weekend holiday compensated', () => {
    for (let year = 1900; year <= 2199; year++) {
      const entries = statutoryHolidayEntries(year);
      const dates = entries.map((h) => h.date);
      expect([...new Set(dates)].sort()).toEqual(dates);
      expect(dates.every((d) => d.startsWith(`${year}-`))).toBe(true);
      const tet = lunarToSolar(1, 1, year);
      const tetDay = dayNumberFromDate(tet.year, tet.month, tet.day);
      for (let offset = -1; offset <= 3; offset++) expect(dates).toContain(dateKeyFromDayNumber(tetDay + offset));
      const onWeekend = entries.filter((h) => !h.compensatory && isWeekend(dayNumberFromDateKey(h.date))).length;
      const compensatory = entries.filter((h) => h.compensatory);
      expect(compensatory.length).toBe(onWeekend);
      expect(compensatory.every((h) => !isWeekend(dayNumberFromDateKey(h.date)))).toBe(true);
    }
  });
});

describe('withCompensatoryDays', () => {
  it('carries nghỉ bù across 1 January into the next year', () => {
    const day = (key: string) => dayNumberFromDateKey(key);
    // Synthetic: holidays on Sat 30/12/2028 and Sun 31/12/2028, with 1/1/2029 (Mon) already off.
    const result = withCompensatoryDays([
      { dayNumber: day('2028-12-30'), name: 'A' },
      { dayNumber: day('2028-12-31'), name: 'B' },
      { dayNumber: day('2029-01-01'), name: 'Tết Dương lịch' },
    ]);
    expect(result.filter((h) => h.compensatory).map((h) => dateKeyFromDayNumber(h.dayNumber))).toEqual(['2029-01-02', '2029-01-03']);
  });
});
