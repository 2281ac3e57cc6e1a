// Instants as ISO 8601 strings, judged and written in Vietnam time (UTC+7, no daylight saving): the
// one place that formats a time for staff, slips and forms. The offset itself is the calendar's.
import { DAY_MS, VN_UTC_OFFSET_MS } from '../calendar/days';
// An explicit zone is required: a bare local time from a device is ambiguous once synced.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Milliseconds since the epoch, or undefined when the text is not an ISO 8601 instant with a zone. */
export function parseInstant(iso: string): number | undefined {
  if (typeof iso !== 'string' || !ISO_INSTANT.test(iso)) return undefined;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : undefined;
}

export function isInstant(iso: unknown): iso is string {
  return typeof iso === 'string' && parseInstant(iso) !== undefined;
}

/** Day number of the calendar day in Vietnam on which the instant falls. */
export function vietnamDayNumber(ms: number): number {
  return Math.floor((ms + VN_UTC_OFFSET_MS) / DAY_MS);
}

const pad = (n: number) => String(n).padStart(2, '0');
const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The instant in Vietnam as UTC fields; undefined for text that is not an instant with a zone. */
function vietnamFields(at: string | Date): Date | undefined {
  const ms = typeof at === 'string' ? parseInstant(at) : at.getTime();
  return ms === undefined || Number.isNaN(ms) ? undefined : new Date(ms + VN_UTC_OFFSET_MS);
}

/** "dd/mm/yyyy" in Vietnam time; also takes a date key "2026-01-12". Text that is neither is shown as it is. */
export function formatVietnamDate(at: string | Date): string {
  const key = typeof at === 'string' ? DATE_KEY.exec(at) : null;
  if (key) return `${key[3]}/${key[2]}/${key[1]}`;
  const d = vietnamFields(at);
  if (!d) return String(at);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** "hh:mm dd/mm/yyyy" in Vietnam time, the way the forms print a time (Mẫu 01). */
export function formatVietnamDateTime(at: string | Date): string {
  const d = vietnamFields(at);
  if (!d) return String(at);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} ${formatVietnamDate(at)}`;
}

/** Day names as printed, Sunday first (getUTCDay order). */
export const VIETNAMESE_WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'] as const;

/** "Thứ Hai, 07/12/2026" in Vietnam time: an appointment the citizen must not get wrong by a day. */
export function formatVietnamWeekdayDate(at: string | Date): string {
  const d = vietnamFields(at);
  if (!d) return String(at);
  return `${VIETNAMESE_WEEKDAYS[d.getUTCDay()]}, ${formatVietnamDate(at)}`;
}

/** "07:30 Thứ Hai, 07/12/2026": the appointment line of a slip. */
export function formatVietnamWeekdayDateTime(at: string | Date): string {
  const d = vietnamFields(at);
  if (!d) return String(at);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} ${formatVietnamWeekdayDate(at)}`;
}

/**
 * A date typed at the desk, as its key "YYYY-MM-DD": "20/03/2026", "20-3-2026", "20.03.2026",
 * "20032026", and the key itself. Undefined for text that is not a date that exists.
 */
export function parseDateText(text: string): string | undefined {
  const t = text.trim();
  const iso = DATE_KEY.exec(t);
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(t);
  const [y, m, d] = iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : vn ? [Number(vn[3]), Number(vn[2]), Number(vn[1])] : [];
  if (y === undefined || m === undefined || d === undefined || m < 1 || m > 12 || d < 1) return undefined;
  if (d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}
