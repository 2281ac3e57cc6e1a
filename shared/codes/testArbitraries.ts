import fc from 'fast-check';
import type { CalendarDate } from './calendarDate';
import { daysInMonth } from './calendarDate';

/** Shared fast-check generators for code tests: any real date a two-digit year can name. */
export const codeDate: fc.Arbitrary<CalendarDate> = fc
  .record({ year: fc.integer({ min: 2000, max: 2099 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .map(({ year, month, day }) => ({ year, month, day: Math.min(day, daysInMonth(year, month)) }));

const digits = (n: number): fc.Arbitrary<string> => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));

export const agencyCode: fc.Arbitrary<string> = fc
  .tuple(digits(3), digits(2), digits(2), fc.integer({ min: 65, max: 90 }), digits(2))
  .map(([v, z, y, m, x]) => `${v}.${z}.${y}.${String.fromCharCode(m)}${x}`);

export const centralAgencyCode: fc.Arbitrary<string> = fc.tuple(fc.integer({ min: 65, max: 90 }), digits(2), digits(3), digits(2)).map(([m, x, y, z]) => `${String.fromCharCode(m)}${x}.${y}.${z}`);

export const twoDigits = digits(2);

/** Mostly small daily numbers, sometimes the long ones Thông tư 03/2025 allows. */
export const sequence: fc.Arbitrary<number> = fc.oneof(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 10_000, max: 999_999_999 }));
