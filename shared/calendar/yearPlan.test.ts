import { describe, expect, it } from 'vitest';
import { lunarMonthLength, lunarToSolar } from './lunar';
import { statutoryHolidays } from './holidays';
import { announcedEntries, planCalendarYear } from './yearPlan';

describe('planCalendarYear', () => {
  it('lists the statutory days off when nothing is announced', () => {
    const plan = planCalendarYear({ year: 2027, holidays: [], workingDays: [] });
    expect(plan.errors).toEqual([]);
    expect(plan.daysOff.every((d) => d.source === 'statutory' && d.name !== '')).toBe(true);
    // Weekdays only: the statutory list minus the ones on a weekend.
    expect(plan.daysOff.map((d) => d.date)).toEqual(statutoryHolidays(2027).filter((d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay())));
  });

  it('adds solar and lunar days off and weekend days worked, and shows them in the computed list', () => {
    const plan = planCalendarYear({
      year: 2027,
      holidays: [
        { calendar: 'solar', day: 3, month: 9, name: 'Nghỉ thêm dịp Quốc khánh' },
        { calendar: 'lunar', day: 15, month: 8, name: 'Tết Trung thu' },
      ],
      workingDays: [{ day: 11, month: 9, name: 'Làm bù ngày 03/09' }],
    });
    expect(plan.errors).toEqual([]);
    const midAutumn = lunarToSolar(15, 8, 2027);
    const midAutumnKey = `${midAutumn.year}-${String(midAutumn.month).padStart(2, '0')}-${String(midAutumn.day).padStart(2, '0')}`;
    expect(plan.holidays).toEqual(
      [
        { date: '2027-09-03', name: 'Nghỉ thêm dịp Quốc khánh' },
        { date: midAutumnKey, name: 'Tết Trung thu', lunar: { day: 15, month: 8, leap: false } },
      ].sort((a, b) => a.date.localeCompare(b.date)),
    );
    expect(plan.daysOff).toContainEqual({ date: '2027-09-03', name: 'Nghỉ thêm dịp Quốc khánh', source: 'announced' });
    expect(plan.weekendWorkingDays).toEqual([{ date: '2027-09-11', name: 'Làm bù ngày 03/09' }]);
    expect(announcedEntries(plan.holidays, plan.workingDays)).toEqual({
      holidays: expect.arrayContaining([
        { calendar: 'solar', day: 3, month: 9, name: 'Nghỉ thêm dịp Quốc khánh' },
        { calendar: 'lunar', day: 15, month: 8, leap: false, name: 'Tết Trung thu' },
      ]),
      workingDays: [{ day: 11, month: 9, name: 'Làm bù ngày 03/09' }],
    });
  });

  it('refuses dates that do not exist, with the reason in Vietnamese, and keeps none of them', () => {
    const shortMonth = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].find((m) => lunarMonthLength(m, 2027) === 29)!;
    const plan = planCalendarYear({
      year: 2027,
      holidays: [
        { calendar: 'solar', day: 31, month: 2, name: 'Ngày không có' },
        { calendar: 'lunar', day: 30, month: shortMonth, name: 'Ba mươi âm lịch' },
        { calendar: 'lunar', day: 1, month: 1, leap: true, name: 'Tháng nhuận không có' },
      ],
      workingDays: [{ day: 30, month: 2, name: 'Làm bù' }],
    });
    expect(plan.errors).toEqual([
      { list: 'holidays', index: 0, message: 'Ngày nghỉ thứ 1: Ngày 31/2/2027 không tồn tại.' },
      { list: 'holidays', index: 1, message: `Ngày nghỉ thứ 2: Ngày 30 tháng ${shortMonth} năm 2027 âm lịch không tồn tại: tháng này có 29 ngày.` },
      { list: 'holidays', index: 2, message: expect.stringContaining('Ngày nghỉ thứ 3: Năm 2027 âm lịch không có tháng 1 nhuận') },
      { list: 'workingDays', index: 0, message: 'Ngày làm bù thứ 1: Ngày 30/2/2027 không tồn tại.' },
    ]);
    expect(plan.holidays).toEqual([]);
    expect(plan.workingDays).toEqual([]);
  });

  it('refuses a day already off, a working day already worked, a day in both lists, a repeat and a missing name', () => {
    const plan = planCalendarYear({
      year: 2027,
      holidays: [
        { calendar: 'solar', day: 4, month: 9, name: 'Thứ Bảy' },
        { calendar: 'solar', day: 2, month: 9, name: 'Quốc khánh lần nữa' },
        { calendar: 'solar', day: 6, month: 9, name: 'Nghỉ' },
        { calendar: 'solar', day: 6, month: 9, name: 'Nghỉ lần hai' },
        { calendar: 'solar', day: 7, month: 9, name: '  ' },
      ],
      workingDays: [
        { day: 8, month: 9, name: 'Thứ Tư' },
        { day: 6, month: 9, name: 'Cũng nghỉ' },
      ],
    });
    expect(plan.errors.map((e) => e.message)).toEqual([
      'Ngày nghỉ thứ 1: 04/09/2027 là Thứ Bảy, vốn đã nghỉ; nếu nghỉ bù thì khai ngày làm việc được nghỉ bù.',
      'Ngày nghỉ thứ 2: 02/09/2027 đã là ngày nghỉ theo Bộ luật Lao động (Quốc khánh (2/9)).',
      'Ngày nghỉ thứ 4: 06/09/2027 trùng với ngày nghỉ thứ 3.',
      'Ngày nghỉ thứ 5: thiếu tên ngày nghỉ (ví dụ: Nghỉ bù Quốc khánh).',
      'Ngày làm bù thứ 1: 08/09/2027 vốn là ngày làm việc; ngày làm bù phải là Thứ Bảy, Chủ nhật hoặc một ngày nghỉ lễ được chuyển.',
      'Ngày làm bù thứ 2: 06/09/2027 cũng được khai là ngày nghỉ; sửa lại một trong hai.',
    ]);
  });
});
