// Finding a dossier the counter no longer holds: returned dossiers leave the counter after the
// retention period (renderer/db/retention.ts) and the desk asks the server by exact
// code, or by the applicant's ID number or phone. Each answer is the snapshot and the event trail,
// the same data a counter gets from pull and /v1/dossiers/:id/events.
import type { FastifyInstance } from 'fastify';
import { normalizePhone, parseDossierCode, validateCitizenId } from '../../shared/codes';
import { LOOKUP_LIMIT, type DossierLookupResponse } from '../../shared/sync/protocol';
import { deviceAuth } from '../auth';
import type { AppContext } from '../context';
import { ApiError } from '../errors';
import { SNAPSHOT_COLUMNS, STORED_EVENT_COLUMNS, toSnapshot, toStoredEvent, type SnapshotRow, type StoredEventRow } from '../snapshots';

type Query = { code?: unknown; idNumber?: unknown; phone?: unknown };

// Each key selects one indexed expression; the SQL text must repeat the index's expression exactly.
const WHERE = {
  code: 'code = $1',
  idNumber: "state->'applicant'->>'idNumber' = $1",
  phone: "state->'applicant'->>'phone' = $1",
} as const;

const ONE_KEY_MESSAGE = 'Hãy tìm theo đúng một trong ba: mã hồ sơ (code), số định danh (idNumber) hoặc số điện thoại (phone).';

/** The one search key and its normalised value, or a 400 with the Vietnamese reason. */
function searchKey(query: Query): { key: keyof typeof WHERE; value: string } {
  const given = (['code', 'idNumber', 'phone'] as const).filter((k) => query[k] !== undefined);
  if (given.length !== 1) throw new ApiError(400, 'INVALID_REQUEST', ONE_KEY_MESSAGE);
  const key = given[0]!;
  const raw = query[key];
  if (typeof raw !== 'string') throw new ApiError(400, 'INVALID_REQUEST', ONE_KEY_MESSAGE);
  if (key === 'code') {
    const parsed = parseDossierCode(raw);
    if (!parsed.ok) throw new ApiError(400, 'INVALID_REQUEST', `Mã hồ sơ không hợp lệ: ${parsed.error.message}`);
    return { key, value: parsed.value.code };
  }
  if (key === 'idNumber') {
    const id = validateCitizenId(raw, { allowPassport: true });
    if (!id.ok) throw new ApiError(400, 'INVALID_REQUEST', `Số định danh không hợp lệ: ${id.error.message}`);
    return { key, value: id.value.number };
  }
  const phone = normalizePhone(raw);
  if (!phone.ok) throw new ApiError(400, 'INVALID_REQUEST', `Số điện thoại không hợp lệ: ${phone.error.message}`);
  return { key, value: phone.value.number };
}

export function lookupRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: Query }>('/v1/dossiers', { onRequest: deviceAuth(ctx.db) }, async (req): Promise<DossierLookupResponse> => {
    const { key, value } = searchKey(req.query);
    const { rows } = await ctx.db.query<SnapshotRow>(
      `SELECT ${SNAPSHOT_COLUMNS}
       FROM dossiers WHERE ${WHERE[key]} ORDER BY last_seq DESC LIMIT $2`,
      [value, LOOKUP_LIMIT + 1],
    );
    if (rows.length === 0 && key === 'code') {
      throw new ApiError(404, 'NOT_FOUND', `Máy chủ Trung tâm không có hồ sơ mã ${value}. Kiểm tra lại mã trên giấy hẹn.`);
    }
    const page = rows.slice(0, LOOKUP_LIMIT);
    const { rows: events } = await ctx.db.query<StoredEventRow & { dossier_id: string }>(
      `SELECT dossier_id::text AS dossier_id, ${STORED_EVENT_COLUMNS} FROM events WHERE dossier_id = ANY($1::uuid[]) ORDER BY seq`,
      [page.map((r) => r.id)],
    );
    return {
      dossiers: page.map((r) => ({
        snapshot: toSnapshot(r),
        events: events.filter((e) => e.dossier_id === r.id).map(toStoredEvent),
      })),
      more: rows.length > LOOKUP_LIMIT,
      serverTime: new Date().toISOString(),
    };
  });
}
