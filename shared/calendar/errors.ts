/** Why a calendar call was refused; the message is Vietnamese and meant for staff. */
export type CalendarErrorCode = 'invalid-date' | 'out-of-range' | 'nonexistent-lunar-date' | 'invalid-argument' | 'conflicting-days';

export class CalendarError extends Error {
  readonly code: CalendarErrorCode;

  constructor(code: CalendarErrorCode, message: string) {
    super(message);
    this.name = 'CalendarError';
    this.code = code;
  }
}
