// Conflicts as a supervisor reads them: the server's flagged facts with the dossier code, the
// counter's and the officer's names (kiosk/names.ts) and the time; resolved with a note.
import { EVENT_ACTIONS, formatVietnamDateTime } from '../../../shared/domain';
import type { DossierEventType } from '../../../shared/domain';
import type { ConflictRecord } from '../../../shared/sync/protocol';
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

export function conflictView(record: ConflictRecord, names: Names): ConflictView {
  const action = (EVENT_ACTIONS as Record<string, string | undefined>)[record.eventType as DossierEventType] ?? record.eventType;
  return {
    eventId: record.eventId,
    dossierId: record.dossierId,
    dossierCode: record.dossierCode ?? 'Chưa có mã hồ sơ',
    action: action.charAt(0).toUpperCase() + action.slice(1),
    message: record.message,
    counter: names.counter(record.counterId),
    officer: names.officer(record.officerId),
    at: formatVietnamDateTime(record.createdAt),
  };
}

export async function listOpenConflicts(serverUrl: string, token: string): Promise<ConflictRecord[]> {
  const answer = await callServer<{ conflicts: ConflictRecord[] }>(serverUrl, '/v1/conflicts?status=open', { token });
  return answer.conflicts;
}

export async function resolveConflict(serverUrl: string, token: string, eventId: string, note: string): Promise<void> {
  await callServer(serverUrl, `/v1/conflicts/${encodeURIComponent(eventId)}/resolve`, { body: { note }, token });
}
