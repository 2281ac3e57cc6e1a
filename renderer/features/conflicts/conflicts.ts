// Conflicts as a supervisor reads them: the server's flagged facts with the dossier code, the
// counter's and the officer's names (kiosk/names.ts) and the time; resolved with a note.
import { EVENT_ACTIONS, formatVietnamDateTime } from '../../../shared/domain';
import type { DossierEventType } from '../../../shared/domain';
import { MAX_CONFLICTS_PAGE, type ConflictPage, type ConflictRecord } from '../../../shared/sync/protocol';
import type { MotCuaDb, OutboxRow } from '../../db/schema';
import { callServer } from '../../kiosk/api';
import type { Names } from '../../kiosk/names';

/** A note the next supervisor can act on: long enough to say what was decided. */
export const MIN_NOTE_LENGTH = 10;
export const MAX_NOTE_LENGTH = 2000;

export type NoteCheck = { ok: true; note: string } | { ok: false; message: string };

export function checkResolutionNote(text: string): NoteCheck {
  const note = text.trim().replace(/\s+/g, ' ');
  if (note.length < MIN_NOTE_LENGTH) return { ok: false, message: `Hãy ghi rõ cách đã xử lý xung đột (ít nhất ${MIN_NOTE_LENGTH} ký tự).` };
  if (note.length > MAX_NOTE_LENGTH) return { ok: false, message: `Ghi chú dài quá ${MAX_NOTE_LENGTH} ký tự; hãy viết ngắn gọn hơn.` };
  return { ok: true, note };
}

export interface ConflictView {
  eventId: string;
  dossierId: string;
  dossierCode: string;
  /** What the counter tried to do, e.g. "trả kết quả". */
  action: string;
  message: string;
  counter: string;
  officer: string;
  at: string;
}

function actionLabel(eventType: string): string {
  const action = (EVENT_ACTIONS as Record<string, string | undefined>)[eventType as DossierEventType] ?? eventType;
  return action.charAt(0).toUpperCase() + action.slice(1);
}

export function conflictView(record: ConflictRecord, names: Names): ConflictView {
  return {
    eventId: record.eventId,
    dossierId: record.dossierId,
    dossierCode: record.dossierCode ?? 'Chưa có mã hồ sơ',
    action: actionLabel(record.eventType),
    message: record.message,
    counter: record.counterName ?? names.counter(record.counterId),
    officer: names.officer(record.officerId),
    at: formatVietnamDateTime(record.createdAt),
  };
}

/** An event recorded at this counter that the server refused for good: kept here, no longer sent. */
export interface SetAsideView {
  eventId: string;
  dossierCode: string;
  action: string;
  /** The server's reason, in Vietnamese, and what the supervisor can do about it. */
  reason: string;
  officer: string;
  recordedAt: string;
  refusedAt: string;
}

export function setAsideView(row: OutboxRow, dossierCode: string | undefined, names: Names): SetAsideView {
  const refusal = row.refusal;
  return {
    eventId: row.eventId,
    dossierCode: dossierCode ?? 'Chưa có mã hồ sơ',
    action: actionLabel(row.event.type),
    reason: `${refusal?.message ?? 'Máy chủ từ chối sự kiện này.'} Thao tác này chưa có trên máy chủ Trung tâm: hãy kiểm tra hồ sơ và ghi nhận lại thao tác nếu cần.`,
    officer: names.officer(row.event.officerId),
    recordedAt: formatVietnamDateTime(row.recordedAt),
    refusedAt: refusal ? formatVietnamDateTime(refusal.at) : '',
  };
}

/** The events set aside at this counter, oldest first, with their dossiers' codes. */
export async function listSetAside(db: MotCuaDb, names: Names): Promise<SetAsideView[]> {
  const rows = (await db.outbox.where('status').equals('refused').toArray()).sort((a, b) => a.ord! - b.ord!);
  const dossiers = await db.dossiers.bulkGet([...new Set(rows.map((r) => r.dossierId))]);
  const codes = new Map(dossiers.flatMap((d) => (d?.code ? [[d.id, d.code] as const] : [])));
  return rows.map((r) => setAsideView(r, codes.get(r.dossierId) ?? (r.event.type === 'received' ? r.event.payload.code : undefined), names));
}

/** Every open conflict, page by page (a Center may have more than one page after a long outage). */
export async function listOpenConflicts(serverUrl: string, token: string): Promise<ConflictRecord[]> {
  const all: ConflictRecord[] = [];
  for (let after = 0; ;) {
    const page = await callServer<ConflictPage>(serverUrl, `/v1/conflicts?status=open&limit=${MAX_CONFLICTS_PAGE}&after=${after}`, { token });
    all.push(...page.conflicts);
    if (!page.more || page.next <= after) return all;
    after = page.next;
  }
}

export async function resolveConflict(serverUrl: string, token: string, eventId: string, note: string): Promise<void> {
  await callServer(serverUrl, `/v1/conflicts/${encodeURIComponent(eventId)}/resolve`, { body: { note }, token });
}
