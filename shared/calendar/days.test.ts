import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateFromDayNumber, dateKeyFromDayNumber, dayNumberFromDate, dayNumberFromDateKey, fromVnLocal, vnDateKey, weekdayOf } from './days';
import { CalendarError } from './errors';

describe('day numbers', () => {
  it('agree with Date.UTC and getUTCDay over 1800–2299', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1800, 0, 1) / 86_400_000, max: Date.UTC(2299, 11, 31) / 86_400_000 }), (dayNumber) => {
        const reference = new Date(dayNumber * 86_400_000);
        const date = dateFromDayNumber(dayNumber);
        expect(date).toEqual({ year: reference.getUTCFullYear(), month: reference.getUTCMonth() + 1, day: reference.getUTCDate() });
        expect(dayNumberFromDate(date.year, date.month, date.day)).toBe(dayNumber);
        expect(weekdayOf(dayNumber)).toBe(reference.getUTCDay());
        expect(dayNumberFromDateKey(dateKeyFromDayNumber(dayNumber))).toBe(dayNumber);
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses malformed or nonexistent keys', () => {
    for (const key of ['2026-2-1', '2026-02-29', '2026-13-01', ' 2026-02-01', '2026-02-00']) {
      expect(() => dayNumberFromDateKey(key)).toThrow(CalendarError);
    }
    expect(dayNumberFromDateKey('2024-02-29')).toBe(dayNumberFromDate(2024, 2, 29));
  });
});

describe('Vietnam time', () => {
  it('fromVnLocal is UTC+7 and vnDateKey reads the Vietnamese day', () => {
    expect(fromVnLocal(2026, 1, 1, 0, 0).toISOString()).toBe('2025-12-31T17:00:00.000Z');
    expect(vnDateKey(new Date('2025-12-31T16:59:59.999Z'))).toBe('2025-12-31');
    expect(vnDateKey(new Date('2025-12-31T17:00:00.000Z'))).toBe('2026-01-01');
    expect(() => fromVnLocal(2026, 2, 13, 24, 0)).toThrow(CalendarError);
    expect(() => vnDateKey(new Date(Number.NaN))).toThrow(CalendarError);
  });
});
