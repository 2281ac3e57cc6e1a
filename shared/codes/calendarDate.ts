/** A civil date without time or zone: codes carry the reception day as printed, never an instant. */
export type CalendarDate = { year: number; month: number; day: number };

export function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isValidCalendarDate(date: CalendarDate): boolean {
  const { year, month, day } = date;
  return Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * Accepts `{year, month, day}` or 'YYYY-MM-DD' for a year 2000–2099, the only years a
 * two-digit YY in a code can name. Throws RangeError: a bad date here is a programmer error.
 */
export function toCodeDate(date: CalendarDate | string): CalendarDate {
  let parts: CalendarDate;
  if (typeof date === 'string') {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    if (!match) throw new RangeError(`Date must be 'YYYY-MM-DD', got '${date}'`);
    parts = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  } else {
    parts = { year: date.year, month: date.month, day: date.day };
  }
  if (!isValidCalendarDate(parts)) {
    throw new RangeError(`Not a real calendar date: ${JSON.stringify(date)}`);
  }
  if (parts.year < 2000 || parts.year > 2099) {
    throw new RangeError(`Year ${parts.year} cannot be written as YY (2000–2099 only)`);
  }
  return parts;
}

/** 'YYMMDD' for a date already checked by toCodeDate. */
export function formatYymmdd(date: CalendarDate): string {
  return pad2(date.year % 100) + pad2(date.month) + pad2(date.day);
}

/** Reads 'YYMMDD' as 20YY; undefined when the text is not six digits or not a real date. */
export function parseYymmdd(text: string): CalendarDate | undefined {
  if (!/^\d{6}$/.test(text)) return undefined;
  const date = {
    year: 2000 + Number(text.slice(0, 2)),
    month: Number(text.slice(2, 4)),
    day: Number(text.slice(4, 6)),
  };
  return isValidCalendarDate(date) ? date : undefined;
}
