// Notices to applicants as a supervisor reads them: those the server gave up on (or that still
// wait), with the dossier, what they announced, the channel, the masked recipient, the attempts and
// the reason in Vietnamese; retried now, or stopped for a dossier at the applicant's request.
import { formatVietnamDateTime } from '../../../shared/domain';
import { NOTICE_KIND_LABELS, NOTICE_SENDER_LABELS, NOTICE_STATE_LABELS, type NoticePage, type NoticeRecord } from '../../../shared/notices/notices';
import type { MotCuaDb } from '../../db/schema';
import { callServer } from '../../kiosk/api';

export interface NoticeView {
  id: string;
  dossierId: string;
  dossierCode: string;
  kind: string;
  channel: string;
  recipient: string;
  state: string;
  attempts: number;
  reason: string;
  at: string;
}

export function noticeView(n: NoticeRecord): NoticeView {
  return {
    id: n.id,
    dossierId: n.dossierId,
    dossierCode: n.dossierCode,
    kind: NOTICE_KIND_LABELS[n.kind],
    channel: NOTICE_SENDER_LABELS[n.channel],
    recipient: n.recipient,
    state: NOTICE_STATE_LABELS[n.state],
    attempts: n.attempts,
    reason: n.lastError ?? '',
    at: formatVietnamDateTime(n.createdAt),
  };
}

export async function listFailedNotices(serverUrl: string, token: string): Promise<NoticeRecord[]> {
  return (await callServer<NoticePage>(serverUrl, '/v1/notices?state=failed', { token })).notices;
}

export async function retryNotice(serverUrl: string, token: string, id: string): Promise<void> {
  await callServer(serverUrl, `/v1/notices/${encodeURIComponent(id)}/retry`, { method: 'POST', body: {}, token });
}

export type OptOutTarget = { ok: true; dossierId: string; code: string } | { ok: false; message: string };

/** The dossier a typed code names, from this counter's copy (the server is asked by id). */
export async function optOutTarget(db: MotCuaDb, typed: string): Promise<OptOutTarget> {
  const code = typed.trim().toUpperCase();
  if (code === '') return { ok: false, message: 'Hãy nhập mã hồ sơ của người nộp đề nghị ngừng nhận thông báo.' };
  const dossier = await db.dossiers.where('code').equals(code).first();
  if (!dossier) return { ok: false, message: `Không tìm thấy hồ sơ ${code} trên quầy này. Kiểm tra lại mã trên phiếu hẹn.` };
  return { ok: true, dossierId: dossier.id, code };
}

export async function stopNotices(serverUrl: string, token: string, dossierId: string, note: string): Promise<number> {
  const r = await callServer<{ cancelled: number }>(serverUrl, '/v1/notices/opt-out', { body: { dossierId, ...(note ? { note } : {}) }, token });
  return r.cancelled;
}
