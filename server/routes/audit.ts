// The audit log of personal data: counters push what their officers viewed or exported (device
// auth, idempotent on the entry's UUID); supervisors and administrators read it back.
import type { FastifyInstance } from 'fastify';
import { deviceAuth, deviceOf, staffAuth } from '../auth';
import type { AppContext } from '../context';
import { ApiError } from '../errors';
import { AUDIT_ACTIONS, MAX_AUDIT_ENTRIES, type AuditEntry } from '../../shared/sync/protocol';

export interface AuditRecord extends AuditEntry {
  deviceId: string;
  receivedAt: string;
}

const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max }) as const;

const entrySchema = {
  type: 'object',
  required: ['id', 'at', 'counterId', 'officerId', 'action', 'field'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', format: 'uuid' },
    at: { type: 'string', format: 'date-time' },
    counterId: text(100),
    officerId: text(100),
    officerName: text(200),
    dossierId: text(100),
    dossierCode: text(60),
    action: { type: 'string', enum: AUDIT_ACTIONS },
    field: text(60),
    detail: text(500),
  },
} as const;

export function auditRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post<{ Body: { entries: AuditEntry[] } }>(
    '/v1/audit',
    {
      onRequest: deviceAuth(ctx.db),
      schema: {
        body: {
          type: 'object',
          required: ['entries'],
          additionalProperties: false,
          properties: { entries: { type: 'array', minItems: 1, maxItems: MAX_AUDIT_ENTRIES, items: entrySchema } },
        },
      },
    },
    async (req) => {
      const device = deviceOf(req);
      // A counter speaks only for itself: one foreign entry refuses the whole batch, nothing written.
      if (req.body.entries.some((e) => e.counterId !== device.counter_id)) throw new ApiError(403, 'WRONG_COUNTER', 'Nhật ký mang mã quầy khác với máy quầy đang gửi. Không có dòng nào được ghi.');
      await ctx.db.transaction(async (tx) => {
        for (const e of req.body.entries) {
          await tx.query(
            `INSERT INTO audit_log (id, at, device_id, counter_id, officer_id, officer_name, dossier_id, dossier_code, action, field, detail)
             VALUES ($1::uuid, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (id) DO NOTHING`,
            [e.id, e.at, device.id, e.counterId, e.officerId, e.officerName ?? null, e.dossierId ?? null, e.dossierCode ?? null, e.action, e.field, e.detail ?? null],
          );
        }
      });
      return { acked: req.body.entries.map((e) => e.id) };
    },
  );

  app.get<{ Querystring: { officerId?: string; dossierId?: string; limit?: string } }>(
    '/v1/audit',
    {
      onRequest: staffAuth(ctx.db, ['supervisor', 'administrator']),
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { officerId: text(100), dossierId: text(100), limit: { type: 'string', pattern: '^\\d{1,4}$' } },
        },
      },
    },
    async (req) => {
      const { rows } = await ctx.db.query<{
        id: string;
        at: Date;
        received_at: Date;
        device_id: string;
        counter_id: string;
        officer_id: string;
        officer_name: string | null;
        dossier_id: string | null;
        dossier_code: string | null;
        action: AuditEntry['action'];
        field: string;
        detail: string | null;
      }>(
        `SELECT id::text AS id, at, received_at, device_id, counter_id, officer_id, officer_name, dossier_id, dossier_code, action, field, detail
         FROM audit_log WHERE ($1::text IS NULL OR officer_id = $1) AND ($2::text IS NULL OR dossier_id = $2)
         ORDER BY at DESC, id LIMIT $3`,
        [req.query.officerId ?? null, req.query.dossierId ?? null, Math.min(Math.max(Number(req.query.limit ?? 200), 1), 1000)],
      );
      const entries: AuditRecord[] = rows.map((r) => ({
        id: r.id,
        at: new Date(r.at).toISOString(),
        receivedAt: new Date(r.received_at).toISOString(),
        deviceId: r.device_id,
        counterId: r.counter_id,
        officerId: r.officer_id,
        action: r.action,
        field: r.field,
        ...(r.officer_name ? { officerName: r.officer_name } : {}),
        ...(r.dossier_id ? { dossierId: r.dossier_id } : {}),
        ...(r.dossier_code ? { dossierCode: r.dossier_code } : {}),
        ...(r.detail ? { detail: r.detail } : {}),
      }));
      return { entries };
    },
  );
}
