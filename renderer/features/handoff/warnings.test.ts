import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fromVnLocal, isWorkingDay, workCalendar } from '../../../shared/calendar';
import { leaveWarnings, mustLeaveBy } from './warnings';

const calendar = workCalendar();
const vn = (y: number, m: number, d: number, h: number, min = 0) => fromVnLocal(y, m, d, h, min);

describe('when a received dossier must leave for its department', () => {
  test('before 15:00: by the end of the same day; from 15:00: by the end of the next working morning', () => {
    expect(mustLeaveBy(vn(2026, 1, 12, 14, 59), calendar)).toEqual(vn(2026, 1, 12, 17));
    expect(mustLeaveBy(vn(2026, 1, 12, 15, 0), calendar)).toEqual(vn(2026, 1, 13, 11, 30));
    // Friday afternoon → Monday morning.
    expect(mustLeaveBy(vn(2026, 1, 16, 16), calendar)).toEqual(vn(2026, 1, 19, 11, 30));
    // Before Tết 2026 (17/02): the next working day is after the holiday.
    expect(mustLeaveBy(vn(2026, 2, 13, 15, 30), calendar).getTime()).toBeGreaterThan(vn(2026, 2, 20, 0).getTime());
  });

  test('property: the deadline is after reception and falls on a working day', () => {
    const start = vn(2026, 1, 1, 0).getTime();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 24 * 60 }), (minutes) => {
        const received = new Date(start + minutes * 60_000);
        const leaveBy = mustLeaveBy(received, calendar);
        return leaveBy.getTime() > received.getTime() && isWorkingDay(leaveBy, calendar);
      }),
    );
  });

  test('lists late dossiers and those due today, earliest first; the rest are not warnings', () => {
    const items = [
      { code: 'late', at: vn(2026, 1, 12, 9).toISOString() },
      { code: 'today', at: vn(2026, 1, 13, 8).toISOString() },
      { code: 'tomorrow', at: vn(2026, 1, 13, 16).toISOString() },
      { code: 'lateAfternoon', at: vn(2026, 1, 12, 16).toISOString() },
      { code: 'noTime', at: undefined },
    ];
    const now = vn(2026, 1, 13, 12);
    const warnings = leaveWarnings(items, (i) => i.at, calendar, now);
    expect(warnings.map((w) => [w.item.code, w.level])).toEqual([
      ['late', 'late'],
      ['lateAfternoon', 'late'],
      ['today', 'dueToday'],
    ]);
  });
});
