// Instants as ISO 8601 strings, judged in Vietnam time (UTC+7, no daylight saving).

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
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
  return Math.floor((ms + VIETNAM_OFFSET_MS) / DAY_MS);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "dd/mm/yyyy" in Vietnam time. */
export function formatVietnamDate(iso: string): string {
  const ms = parseInstant(iso);
  if (ms === undefined) return iso;
  const d = new Date(ms + VIETNAM_OFFSET_MS);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** "hh:mm dd/mm/yyyy" in Vietnam time, the way the forms print a time. */
export function formatVietnamDateTime(iso: string): string {
  const ms = parseInstant(iso);
  if (ms === undefined) return iso;
  const d = new Date(ms + VIETNAM_OFFSET_MS);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} ${formatVietnamDate(iso)}`;
}
