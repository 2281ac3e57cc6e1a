// Push and pull: the two calls a counter makes all day.
import type { FastifyInstance } from 'fastify';
import type { DossierEvent } from '../../shared/domain';
import { dossierEventSchema } from '../../shared/sync/eventSchema';
import { MAX_EVENTS_PER_PUSH, MAX_PULL_LIMIT } from '../../shared/sync/protocol';
import type { DossierEventsResponse, DossierSnapshot, PullResponse, PushResponse } from '../../shared/sync/protocol';
import { requireDevice } from '../auth';
import type { AppContext } from '../context';
import { ApiError } from '../errors';
import { pushEvents } from '../push';

export function syncRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post<{ Body: { events: DossierEvent[] } }>(
    '/v1/push',
    {
      // Checked before the schema so an oversized batch gets 413, not a generic 400.
      preValidation: async (req) => {
        const body = req.body as { events?: unknown } | null;
        if (body && Array.isArray(body.events) && body.events.length > MAX_EVENTS_PER_PUSH) throw new ApiError(413, 'TOO_MANY_EVENTS');
      },
      schema: {
        body: {
          type: 'object',
          required: ['events'],
          additionalProperties: false,
          properties: { events: { type: 'array', maxItems: MAX_EVENTS_PER_PUSH, items: dossierEventSchema } },
        },
      },
    },
    async (req): Promise<PushResponse> => {
      const device = await requireDevice(ctx.db, req);
      const results = await pushEvents(ctx.db, device, ctx.center, req.body.events);
      return { results, serverTime: new Date().toISOString() };
    },
  );

  app.get<{ Querystring: { after?: string; limit?: string } }>(
    '/v1/pull',
    {
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            after: { type: 'string', pattern: '^\\d{1,15}$' },
            limit: { type: 'string', pattern: '^\\d{1,4}$' },
          },
        },
      },
    },
    async (req): Promise<PullResponse> => {
      await requireDevice(ctx.db, req);
      const after = Number(req.query.after ?? 0);
      const limit = Math.min(Math.max(Number(req.query.limit ?? 500), 1), MAX_PULL_LIMIT);
      const { rows } = await ctx.db.query<{
        id: string; code: string | null; status: string; state: DossierSnapshot['state']; last_seq: number;
        register_year: number | null; register_number: number | null; open_conflicts: number;
      }>(
        `SELECT id::text AS id, code, status, state, last_seq, register_year, register_number, open_conflicts
         FROM dossiers WHERE last_seq > $1 ORDER BY last_seq LIMIT $2`,
        [after, limit + 1],
      );
      const page = rows.slice(0, limit);
      const dossiers: DossierSnapshot[] = page.map((r) => ({
        id: r.id,
        code: r.code,
        status: r.status as DossierSnapshot['status'],
        state: r.state,
        lastSeq: Number(r.last_seq),
        registerYear: r.register_year,
        registerNumber: r.register_number,
        openConflicts: r.open_conflicts,
      }));
      return {
        dossiers,
        next: dossiers.length > 0 ? dossiers[dossiers.length - 1]!.lastSeq : after,
        more: rows.length > limit,
        serverTime: new Date().toISOString(),
      };
    },
  );

  // The full event trail of one dossier (form 05 control sheet, older dossiers fetched on demand).
  app.get<{ Params: { id: string } }>(
    '/v1/dossiers/:id/events',
    { schema: { params: { type: 'object', properties: { id: { type: 'string', format: 'uuid' } }, required: ['id'] } } },
    async (req): Promise<DossierEventsResponse> => {
      await requireDevice(ctx.db, req);
      const { rows } = await ctx.db.query<{ seq: number; body: DossierEvent; conflict: unknown; received_at: Date }>(
        'SELECT seq, body, conflict, received_at FROM events WHERE dossier_id = $1::uuid ORDER BY seq',
        [req.params.id],
      );
      return {
        events: rows.map((r) => ({ seq: Number(r.seq), event: r.body, conflict: r.conflict, receivedAt: new Date(r.received_at).toISOString() })),
        serverTime: new Date().toISOString(),
      };
    },
  );
}
