// The checks of the Center page's opening hours and retention, and how a counter reads the retention it was sent.
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION_MONTHS, retentionMonths } from '../../db/retentionSetting';
import { centerContact } from '../../desk/context';
import { DEFAULT_CENTER_CONFIG, mergeCenterConfig } from '../../desk/config';
import { workCalendar } from '../../../shared/calendar';
import { CENTER_FIELDS, RETENTION_FIELDS } from './centerFields';
import type { SettingField } from './SettingForm';

const field = (fields: readonly SettingField[], path: string) => fields.find((f) => f.path === path)!;

describe('Giờ làm việc', () => {
  const hours = field(CENTER_FIELDS, 'openingHours');
  it('is optional text of at most 200 characters', () => {
    expect(hours.optional).toBe(true);
    expect(hours.parse!('Thứ Hai – Thứ Sáu: 07:30–11:30, 13:30–17:00')).toEqual({ value: 'Thứ Hai – Thứ Sáu: 07:30–11:30, 13:30–17:00' });
    expect(hours.parse!('x'.repeat(201))).toEqual({ error: 'Giờ làm việc tối đa 200 ký tự.' });
  });
  it('reaches the slip over the calendar’s sessions when set, and the sessions print when not', () => {
    const calendar = workCalendar();
    const set = mergeCenterConfig({ openingHours: 'Thứ Hai – Thứ Bảy: 07:00–11:00' });
    expect(centerContact({ config: set, calendar }).openingHours).toBe('Thứ Hai – Thứ Bảy: 07:00–11:00');
    const unset = centerContact({ config: DEFAULT_CENTER_CONFIG, calendar }).openingHours;
    expect(unset).toMatch(/07:30/);
    expect(mergeCenterConfig({ openingHours: 7 }).openingHours).toBeUndefined();
  });
});

describe('Số tháng lưu giữ hồ sơ tại quầy', () => {
  const months = field(RETENTION_FIELDS, 'months');
  it('is a whole number of months from 1 to 120, refused in Vietnamese otherwise', () => {
    expect(months.parse!('6')).toEqual({ value: 6 });
    expect(months.parse!('120')).toEqual({ value: 120 });
    for (const bad of ['0', '121', '6,5', 'sáu', '-1', '']) expect(months.parse!(bad)).toEqual({ error: 'Số tháng lưu giữ là số nguyên từ 1 đến 120.' });
  });
  it('is what the counter prunes by, the default when the setting is absent or out of bounds', () => {
    expect(retentionMonths({ body: { months: 24 } })).toBe(24);
    expect(retentionMonths(undefined)).toBe(DEFAULT_RETENTION_MONTHS);
    expect(retentionMonths({ body: { months: 0 } })).toBe(DEFAULT_RETENTION_MONTHS);
    expect(retentionMonths({ body: { months: 500 } })).toBe(DEFAULT_RETENTION_MONTHS);
    expect(retentionMonths({ body: { months: '12' } })).toBe(DEFAULT_RETENTION_MONTHS);
  });
});
