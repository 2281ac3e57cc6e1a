// Push and pull: the two calls a counter makes all day.
import type { FastifyInstance } from 'fastify';
import type { DossierEvent } from '../../shared/domain';
import { dossierEventSchema } from '../../shared/sync/eventSchema';
import { MAX_EVENTS_PER_PUSH, MAX_PULL_LIMIT } from '../../shared/sync/protocol';
import type { DossierEventsResponse, PullResponse, PushResponse } from '../../shared/sync/protocol';
import { requireDevice } from '../auth';
import type { AppContext } from '../context';
import { ApiError } from '../errors';
import { pushEvents } from '../push';
import { SNAPSHOT_COLUMNS, STORED_EVENT_COLUMNS, toSnapshot, toStoredEvent, type SnapshotRow, type StoredEventRow } from '../snapshots';

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
      const results = await pushEvents(ctx.pushes, device, ctx.center, req.body.events);
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
      const device = await requireDevice(ctx.db, req);
      const after = Number(req.query.after ?? 0);
      const limit = Math.min(Math.max(Number(req.query.limit ?? 500), 1), MAX_PULL_LIMIT);
      // Only the dossiers of the counter's own site (dossiers_site_seq_idx); others are looked up on demand.
      const { rows } = await ctx.db.query<SnapshotRow>(
        `SELECT ${SNAPSHOT_COLUMNS}
         FROM dossiers WHERE site = $3 AND last_seq > $1 ORDER BY last_seq LIMIT $2`,
        [after, limit + 1, device.site],
      );
      const page = rows.slice(0, limit);
      const dossiers = page.map(toSnapshot);
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
      const { rows } = await ctx.db.query<StoredEventRow>(`SELECT ${STORED_EVENT_COLUMNS} FROM events WHERE dossier_id = $1::uuid ORDER BY seq`, [req.params.id]);
      return {
        events: rows.map(toStoredEvent),
        serverTime: new Date().toISOString(),
      };
    },
  );
}
