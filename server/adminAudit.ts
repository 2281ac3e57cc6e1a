// Every change an administrator makes is recorded here, in the same transaction as the change:
// who, when, from which address, the record before and after (table admin_changes, migration 011).
// Passwords and their hashes never enter it: a password change is recorded as the fact alone.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AdminChange, AdminChangesResponse } from '../shared/sync/adminProtocol';
import { staffAuth, staffOf } from './auth';
import type { AppContext } from './context';
import type { Queryable } from './db';

export interface ChangeRecord {
  action: string;
  targetKind: string;
  targetKey: string;
  before: unknown;
  after: unknown;
}

/** Writes one change made by the administrator `req` is signed in as; call it inside the change's own transaction. */
export async function recordAdminChange(tx: Queryable, req: FastifyRequest, change: ChangeRecord): Promise<void> {
  const admin = staffOf(req);
  await tx.query(
    `INSERT INTO admin_changes (staff_id, staff_username, from_address, action, target_kind, target_key, before, after)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb)`,
    [admin.id, admin.username, req.ip, change.action, change.targetKind, change.targetKey, jsonOrNull(change.before), jsonOrNull(change.after)],
  );
}

function jsonOrNull(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max }) as const;

export function adminChangeRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: { targetKind?: string; targetKey?: string; limit?: string } }>(
    '/v1/admin/changes',
    {
      onRequest: staffAuth(ctx.db, ['administrator']),
      schema: {
        querystring: { type: 'object', additionalProperties: false, properties: { targetKind: text(60), targetKey: text(200), limit: { type: 'string', pattern: '^\\d{1,4}$' } } },
      },
    },
    async (req): Promise<AdminChangesResponse> => {
      const { rows } = await ctx.db.query<{
        id: number;
        at: Date;
        staff_id: string;
        staff_username: string;
        from_address: string;
        action: string;
        target_kind: string;
        target_key: string;
        before: unknown;
        after: unknown;
      }>(
        `SELECT id, at, staff_id, staff_username, from_address, action, target_kind, target_key, before, after FROM admin_changes
         WHERE ($1::text IS NULL OR target_kind = $1) AND ($2::text IS NULL OR target_key = $2) ORDER BY id DESC LIMIT $3`,
        [req.query.targetKind ?? null, req.query.targetKey ?? null, Math.min(Math.max(Number(req.query.limit ?? 200), 1), 1000)],
      );
      const changes: AdminChange[] = rows.map((r) => ({
        id: Number(r.id),
        at: new Date(r.at).toISOString(),
        staffId: r.staff_id,
        staffUsername: r.staff_username,
        fromAddress: r.from_address,
        action: r.action,
        targetKind: r.target_kind,
        targetKey: r.target_key,
        before: r.before,
        after: r.after,
      }));
      return { changes };
    },
  );
}
