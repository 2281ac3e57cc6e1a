import { describe, expect, it } from 'vitest';
import { formatVietnamDate, formatVietnamDateTime, parseDateText } from './time';

describe('Vietnam time for staff', () => {
  it('writes dates and times in Vietnam whatever the instant’s zone, and date keys as they are', () => {
    expect(formatVietnamDateTime('2026-03-19T17:30:00.000Z')).toBe('00:30 20/03/2026');
    expect(formatVietnamDate(new Date('2026-03-19T17:30:00.000Z'))).toBe('20/03/2026');
    expect(formatVietnamDate('2026-03-20')).toBe('20/03/2026');
    expect(formatVietnamDate('không phải ngày')).toBe('không phải ngày');
  });

  it('reads a date typed at the desk the Vietnamese way, and only a date that exists', () => {
    for (const text of ['20/03/2026', '20/3/2026', ' 20-03-2026 ', '20.03.2026', '20032026', '2026-03-20']) expect(parseDateText(text)).toBe('2026-03-20');
    expect(parseDateText('29/02/2028')).toBe('2028-02-29');
    for (const text of ['29/02/2026', '31/04/2026', '00/03/2026', '20/13/2026', '03/20/2026x', '20/03', '', 'hôm nay']) expect(parseDateText(text)).toBeUndefined();
  });
});
