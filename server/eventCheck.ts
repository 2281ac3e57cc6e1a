// One pushed event checked on its own, before anything is stored: well-formed text, a size limit, the
// wire schema (no unknown field, every field within its limits) and dates that exist on a calendar.
// What fails here can never be stored as sent, so the event is refused for good (status `refused`),
// not the whole chunk: the counter sets it aside for a supervisor and its outbox keeps draining.
import Ajv, { type ErrorObject } from 'ajv';
import { dossierEventSchema } from '../shared/sync/eventSchema';
import { MAX_EVENT_BYTES, type EventRefusal } from '../shared/sync/protocol';
import { badTextMessage, findBadText } from '../shared/text/wellFormed';

const validateEvent = new Ajv({ allErrors: false, strict: false, coerceTypes: false }).compile(dossierEventSchema);

/** Fields holding an ISO 8601 date or date-time (eventSchema's `isoTime`). */
const DATE_FIELDS = new Set(['deviceTime', 'receivedAt', 'dueAt', 'at', 'newDueAt']);

/** True when `YYYY-MM-DD` at the start of `text` is a day on the calendar (31/02 is not). */
export function isRealDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d && (text.length === 10 || Number.isFinite(Date.parse(text)));
}

const REASONS: Record<string, string> = {
  required: 'bị thiếu',
  additionalProperties: 'là trường lạ, không có trong định dạng sự kiện',
  type: 'sai kiểu dữ liệu',
  maximum: 'vượt giá trị lớn nhất cho phép',
  minimum: 'nhỏ hơn giá trị nhỏ nhất cho phép',
  maxLength: 'quá dài',
  minLength: 'quá ngắn hoặc để trống',
  maxItems: 'có quá nhiều mục',
  enum: 'có giá trị không nằm trong danh sách cho phép',
  const: 'có giá trị không hợp lệ',
  pattern: 'sai định dạng',
};

function schemaField(error: ErrorObject): string {
  const p = error.params as { missingProperty?: string; additionalProperty?: string };
  const child = p.missingProperty ?? p.additionalProperty;
  return child === undefined ? error.instancePath : `${error.instancePath}/${child}`;
}

function firstBadDate(value: unknown, path: string): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, v] of Object.entries(value)) {
    const here = `${path}/${key}`;
    if (typeof v === 'string' && DATE_FIELDS.has(key) && !isRealDate(v)) return here;
    const deeper = firstBadDate(v, here);
    if (deeper) return deeper;
  }
  return undefined;
}

/** Why this event can never be stored as sent, or undefined when it may go on to the store. */
export function refusalOf(event: unknown): EventRefusal | undefined {
  const bad = findBadText(event);
  if (bad) return { code: bad.fault === 'nesting' ? 'INVALID_EVENT' : 'INVALID_TEXT', field: bad.path, message: badTextMessage({ ...bad, ownerId: undefined }) };
  const bytes = Buffer.byteLength(JSON.stringify(event));
  if (bytes > MAX_EVENT_BYTES) {
    return { code: 'INVALID_EVENT', field: '', message: `Sự kiện quá lớn (${Math.ceil(bytes / 1024)} KiB, tối đa ${MAX_EVENT_BYTES / 1024} KiB). Máy chủ không ghi sự kiện này.` };
  }
  if (!validateEvent(event)) {
    const error = validateEvent.errors![0]!;
    const field = schemaField(error);
    const reason = REASONS[error.keyword] ?? 'không hợp lệ';
    return { code: 'INVALID_EVENT', field, message: `Trường ${field || '(gốc)'} ${reason}. Máy chủ không ghi sự kiện này.` };
  }
  const date = firstBadDate(event, '');
  if (date) return { code: 'INVALID_EVENT', field: date, message: `Trường ${date} không phải một ngày có thật trên lịch. Máy chủ không ghi sự kiện này.` };
  return undefined;
}
