// Conflicts: facts stored but flagged because they broke the state machine or reused a number.
// Supervisors list and resolve them; resolving touches the dossier so every counter sees it.
import type { FastifyInstance } from 'fastify';
import { MAX_CONFLICTS_PAGE, type ConflictPage, type ConflictRecord } from '../../shared/sync/protocol';
import { staffAuth, staffOf } from '../auth';
import type { AppContext } from '../context';
import { ApiError } from '../errors';
import { PUSH_LOCK } from '../push';

export function conflictRoutes(app: FastifyInstance, ctx: AppContext): void {
  // Paged by the flagged event's sequence: `after` is the `next` of the page before.
  app.get<{ Querystring: { status?: 'open' | 'resolved' | 'all'; limit?: string; after?: string } }>(
    '/v1/conflicts',
    {
      onRequest: staffAuth(ctx.db, ['supervisor', 'administrator']),
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            status: { type: 'string', enum: ['open', 'resolved', 'all'], default: 'open' },
            limit: { type: 'string', pattern: '^\\d{1,4}$' },
            after: { type: 'string', pattern: '^\\d{1,15}$' },
          },
        },
      },
    },
    async (req) => {
      const status = req.query.status ?? 'open';
      const limit = Math.min(Math.max(Number(req.query.limit ?? 200), 1), MAX_CONFLICTS_PAGE);
      const after = Number(req.query.after ?? 0);
      const where = status === 'open' ? 'c.resolved_at IS NULL' : status === 'resolved' ? 'c.resolved_at IS NOT NULL' : 'true';
      const { rows } = await ctx.db.query<{
        event_id: string;
        seq: number;
        dossier_id: string;
        code_d: string | null;
        type: string;
        counter_id: string;
        officer_id: string;
        counter_name: string | null;
        code: string;
        message: string;
        created_at: Date;
        resolved_by: string | null;
        resolved_at: Date | null;
        resolution_note: string | null;
      }>(
        `SELECT c.event_id::text AS event_id, e.seq, c.dossier_id::text AS dossier_id, d.code AS code_d, e.type, e.counter_id, e.officer_id,
                (SELECT v.counter_name FROM devices v WHERE v.counter_id = e.counter_id ORDER BY v.counter_index DESC LIMIT 1) AS counter_name,
                c.code, c.message, c.created_at, c.resolved_by, c.resolved_at, c.resolution_note
         FROM conflicts c JOIN events e ON e.id = c.event_id LEFT JOIN dossiers d ON d.id = c.dossier_id
         WHERE ${where} AND e.seq > $2 ORDER BY e.seq LIMIT $1`,
        [limit + 1, after],
      );
      const conflicts: ConflictRecord[] = rows.slice(0, limit).map((r) => ({
        eventId: r.event_id,
        seq: Number(r.seq),
        dossierId: r.dossier_id,
        dossierCode: r.code_d,
        eventType: r.type,
        counterId: r.counter_id,
        counterName: r.counter_name,
        officerId: r.officer_id,
        code: r.code,
        message: r.message,
        createdAt: new Date(r.created_at).toISOString(),
        resolvedBy: r.resolved_by,
        resolvedAt: r.resolved_at ? new Date(r.resolved_at).toISOString() : null,
        resolutionNote: r.resolution_note,
      }));
      const page: ConflictPage = { conflicts, next: conflicts.length > 0 ? conflicts.at(-1)!.seq : after, more: rows.length > limit };
      return page;
    },
  );

  app.post<{ Params: { eventId: string }; Body: { note: string } }>(
    '/v1/conflicts/:eventId/resolve',
    {
      onRequest: staffAuth(ctx.db, ['supervisor', 'administrator']),
      schema: {
        params: { type: 'object', required: ['eventId'], properties: { eventId: { type: 'string', format: 'uuid' } } },
        body: { type: 'object', required: ['note'], additionalProperties: false, properties: { note: { type: 'string', minLength: 1, maxLength: 2000 } } },
      },
    },
    async (req) => {
      const supervisor = staffOf(req);
      const resolved = await ctx.db.transaction(async (tx) => {
        // Same lock as push: the dossier's new last_seq must commit in sequence order.
        await tx.query('SELECT pg_advisory_xact_lock($1)', [PUSH_LOCK]);
        const { rows } = await tx.query<{ dossier_id: string; resolved_at: Date | null }>('SELECT dossier_id::text AS dossier_id, resolved_at FROM conflicts WHERE event_id = $1::uuid FOR UPDATE', [
          req.params.eventId,
        ]);
        const c = rows[0];
        if (!c) throw new ApiError(404, 'NOT_FOUND', 'Không có xung đột này.');
        if (c.resolved_at) throw new ApiError(409, 'ALREADY_EXISTS', 'Xung đột này đã được xử lý trước đó.');
        await tx.query('UPDATE conflicts SET resolved_by = $2, resolved_at = now(), resolution_note = $3 WHERE event_id = $1::uuid', [req.params.eventId, supervisor.id, req.body.note]);
        await tx.query(
          `UPDATE dossiers SET open_conflicts = GREATEST(open_conflicts - 1, 0), last_seq = nextval(pg_get_serial_sequence('events', 'seq'))
           WHERE id = $1::uuid`,
          [c.dossier_id],
        );
        return { eventId: req.params.eventId, resolved: true };
      });
      // The dossier's new last_seq is news for its site's long polls (which site is not read here: all are woken).
      ctx.pullWaiters.changed('all');
      return resolved;
    },
  );
}
