// A dossier's history for the card and the control sheet (Mẫu 05). The counter keeps events only
// for dossiers it recorded or still holds open; when some of the dossier's events are not local,
// the full trail comes from the server (GET /v1/dossiers/:id/events), merged with local events the
// server has not received yet.
import type { DossierEvent, DossierState } from '../../../shared/domain';
import type { DossierEventsResponse } from '../../../shared/sync/protocol';
import type { MotCuaDb } from '../../db';
import type { ServerAccess } from '../../kiosk/api';
import type { Names } from '../../kiosk/names';

export type DossierTrail = {
  events: DossierEvent[];
  source: 'local' | 'server';
  /** Vietnamese, for the card: why the history may be incomplete. */
  warning?: string;
};

async function fetchServerTrail(dossierId: string, server: ServerAccess): Promise<DossierEvent[]> {
  const doFetch = server.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
  const response = await doFetch(`${server.baseUrl.replace(/\/$/, '')}/v1/dossiers/${encodeURIComponent(dossierId)}/events`, {
    headers: { authorization: `Bearer ${server.token}` },
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const body = (await response.json()) as DossierEventsResponse;
  return body.events.filter((e) => !e.conflict).map((e) => e.event);
}

/** Orders events as the state applied them; events the state does not know go last in time order. */
function inStateOrder(events: DossierEvent[], state: DossierState | undefined): DossierEvent[] {
  const order = new Map((state?.eventIds ?? []).map((id, i) => [id, i]));
  return [...events].sort((a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity) || a.deviceTime.localeCompare(b.deviceTime));
}

export async function loadDossierTrail(db: MotCuaDb, dossierId: string, server?: ServerAccess): Promise<DossierTrail> {
  const [row, localRows] = await Promise.all([db.dossiers.get(dossierId), db.events.where('dossierId').equals(dossierId).toArray()]);
  const local = localRows.map((r) => r.event);
  const localIds = new Set(local.map((e) => e.id));
  const complete = row !== undefined && row.state.eventIds.every((id) => localIds.has(id));
  if (complete || !server) {
    return {
      events: inStateOrder(local, row?.state),
      source: 'local',
      warning: complete ? undefined : 'Máy này chưa có đủ lịch sử của hồ sơ; hãy kết nối máy chủ để xem đầy đủ.',
    };
  }
  try {
    const remote = await fetchServerTrail(dossierId, server);
    const remoteIds = new Set(remote.map((e) => e.id));
    return { events: inStateOrder([...remote, ...local.filter((e) => !remoteIds.has(e.id))], row?.state), source: 'server' };
  } catch {
    return {
      events: inStateOrder(local, row?.state),
      source: 'local',
      warning: 'Không tải được lịch sử đầy đủ từ máy chủ (mất kết nối); đang hiện phần lịch sử có trên máy này.',
    };
  }
}

/** Where and by whom a step was taken, for every line of a history: "Quầy 5 – Trả kết quả · Trần Văn Hùng". */
export function stepTakenBy(event: Pick<DossierEvent, 'counterId' | 'officerId'>, names: Names): string {
  return `${names.counter(event.counterId)} · ${names.officer(event.officerId)}`;
}
